package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.Optional;

/**
 * What could be read of a matrix rule that did not bind (its id, {@code can} or {@code what} was malformed): the
 * references it still names, so that the check stage reports a dangling {@code who}, {@code what}, {@code device}
 * or {@code from} in the same run instead of one run later. Never compiled: the run already has an error.
 */
public record UnboundRule(Optional<Subject> who, Optional<String> what, SourceLocation whatAt, Conditions when) {
}
