package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.Optional;

/** A workload identity; it is only itself when it calls from its own segment. */
public record Service(String id, String segment, Optional<String> awsRole, SourceLocation at) implements Located {
}
