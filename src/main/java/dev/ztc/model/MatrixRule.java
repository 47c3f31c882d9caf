package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

/** {@code who} {@code can} {@code what} {@code when}: one grant. */
public record MatrixRule(String id, Subject who, Action can, String what, SourceLocation whatAt,
                         Conditions when, SourceLocation at, SourceLocation canAt) implements Located {

    public MatrixRule(String id, Subject who, Action can, String what, SourceLocation whatAt, Conditions when,
                      SourceLocation at) {
        this(id, who, can, what, whatAt, when, at, at);
    }
}
