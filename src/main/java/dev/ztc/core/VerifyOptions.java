package dev.ztc.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code verify} needs, filled by the CLI and the Maven plugin. {@code templates} as for compile;
 * {@code externalTools} false leaves out the ZT4xx checks, which run programs such as terraform. {@code out} is the
 * compiled output to judge (compiled first when missing or older than the input), so that hand edits to the files
 * Terraform applies are checked; empty judges an in-memory emit instead, for library callers that have no output.
 */
public record VerifyOptions(Path projectDir, Optional<Path> templates, boolean externalTools, Optional<Path> out) {

    public VerifyOptions(Path projectDir) {
        this(projectDir, Optional.empty(), true);
    }

    public VerifyOptions(Path projectDir, Optional<Path> templates, boolean externalTools) {
        this(projectDir, templates, externalTools, Optional.empty());
    }

    /** How verify compiles into {@code out} when it is missing or stale: unsigned, the project's own CA state. */
    CompileOptions compileOptions() {
        return new CompileOptions(projectDir, out, templates, Optional.empty(), Optional.empty());
    }
}
