package dev.ztc.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code verify} needs, filled by the CLI and (later) the Maven plugin. {@code templates} as for compile;
 * {@code externalTools} false leaves out the ZT4xx checks, which run programs such as terraform.
 */
public record VerifyOptions(Path projectDir, Optional<Path> templates, boolean externalTools) {

    public VerifyOptions(Path projectDir) {
        this(projectDir, Optional.empty(), true);
    }
}
