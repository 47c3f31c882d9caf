package dev.ztc.core;

import dev.ztc.model.Settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code compile} needs, filled by the CLI and (later) the Maven plugin alike.
 * {@code out} empty means {@code <project>/build/ztc}; {@code templates} is a directory whose templates
 * replace the built-in ones of the same name; {@code signingKey} (a PKCS#8 PEM) signs the OPA bundle.
 */
public record CompileOptions(Path projectDir, Optional<Path> out, Optional<Path> templates,
                             Optional<Settings.ConditionalAccessState> conditionalAccessState,
                             Optional<Path> signingKey) {

    public CompileOptions(Path projectDir, Optional<Path> out) {
        this(projectDir, out, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Path outputDir() {
        return out.orElse(projectDir.resolve("build").resolve("ztc"));
    }
}
