package dev.ztc;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * An external program a test needs (terraform, checkov, parliament...). Looked up on PATH, then in the
 * directory scripts/install-test-tools.sh installs into. Missing: the test fails in CI (where the script
 * installs it) and is skipped, loudly, elsewhere.
 */
public final class ExternalTool {

    /** What one run printed and how it ended. */
    public record Run(int exitCode, String out, String err) {
    }

    private final Path binary;

    private ExternalTool(Path binary) {
        this.binary = binary;
    }

    public static Optional<ExternalTool> find(String name) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        String tools = System.getenv("ZTC_TOOLS");
        dirs.add(tools != null ? Path.of(tools, "bin") : Path.of(System.getProperty("user.home"), ".cache", "ztc-tools", "bin"));
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst().map(ExternalTool::new);
    }

    /** The first of {@code names} that is installed; otherwise fails in CI and aborts the test elsewhere. */
    public static ExternalTool require(String... names) {
        for (String name : names) {
            Optional<ExternalTool> tool = find(name);
            if (tool.isPresent()) {
                return tool.get();
            }
        }
        String message = String.join(" or ", names) + " not found on PATH or in ~/.cache/ztc-tools/bin;"
                + " install it with: eval \"$(scripts/install-test-tools.sh)\"";
        if (System.getenv("CI") != null) {
            Assertions.fail(message + " (CI is set, so this test may not be skipped)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    /** Where the binary is, for tests that run it as a long-lived child process (a server). */
    public Path path() {
        return binary;
    }

    public String name() {
        return binary.getFileName().toString();
    }

    /** Runs the tool in {@code dir} with stdin from {@code input} (or nothing), killing it after {@code timeoutSeconds}. */
    public Run run(Path dir, Optional<Path> input, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("ztc-tool-", ".out");
        Path err = Files.createTempFile("ztc-tool-", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            // no telemetry, no update checks: the tests run offline
            builder.environment().put("CHECKPOINT_DISABLE", "1");
            builder.environment().put("BC_SKIP_MAPPING", "TRUE");
            builder.environment().put("CHECKOV_RUN_SCA_PACKAGE_SCAN_V2", "false");
            input.ifPresentOrElse(i -> builder.redirectInput(i.toFile()),
                    () -> builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))));
            Process process = builder.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail(name() + " did not finish within " + timeoutSeconds + "s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
