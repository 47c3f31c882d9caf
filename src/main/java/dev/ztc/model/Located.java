package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

/** A model element with an id and the place it was defined. */
public interface Located {
    String id();

    SourceLocation at();
}
