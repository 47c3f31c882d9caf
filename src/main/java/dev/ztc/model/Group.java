package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.Optional;

/** A group of people; {@code azureGroup} is its Entra display name, {@code azureGroupId} its object id. */
public record Group(String id, Optional<String> azureGroup, Optional<String> azureGroupId, Optional<String> awsRole,
                    SourceLocation at) implements Located {
}
