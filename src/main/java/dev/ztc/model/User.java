package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.List;
import java.util.Optional;

/** A person named directly by the matrix ({@code who: user:alice}). */
public record User(String id, Optional<String> upn, List<String> groups, Optional<String> awsRole, SourceLocation at)
        implements Located {
    public User {
        groups = List.copyOf(groups);
    }
}
