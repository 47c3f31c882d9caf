package dev.ztc.core;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code validate} needs, filled by the CLI and the Maven plugin alike. {@code out} and {@code templates} as
 * for compile (the artifacts judged are those under the output directory, compiled first when missing or older
 * than the input); {@code boundary} adds each rule's generated boundary requests to the samples; {@code opa} is
 * the opa binary that decides the application layer ({@code Optional.empty()}: found on PATH or in the test-tool
 * directory), and {@code useOpa} false decides it in Java from the same data.json.
 */
public record ValidateOptions(Path projectDir, Optional<Path> out, Optional<Path> templates, boolean boundary,
                              Optional<Path> opa, boolean useOpa) {

    public ValidateOptions(Path projectDir, Optional<Path> out) {
        this(projectDir, out, Optional.empty(), true, Optional.empty(), true);
    }

    public CompileOptions compileOptions() {
        return new CompileOptions(projectDir, out, templates, Optional.empty(), Optional.empty());
    }
}
