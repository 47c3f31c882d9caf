package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

import java.util.Optional;

/**
 * A workload identity; it is only itself when it calls from its own segment. {@code runsOn} decides which
 * AWS service may assume its role.
 */
public record Service(String id, String segment, Optional<String> awsRole, WorkloadRuntime runsOn, SourceLocation at)
        implements Located {

    /** A version-1 service without {@code runs_on}: it runs on EC2. */
    public Service(String id, String segment, Optional<String> awsRole, SourceLocation at) {
        this(id, segment, awsRole, WorkloadRuntime.DEFAULT, at);
    }
}
