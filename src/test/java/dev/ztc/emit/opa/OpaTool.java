package dev.ztc.emit.opa;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real {@code opa} binary: found on PATH or where scripts/install-test-tools.sh puts it; run with a timeout. */
final class OpaTool {

    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path binary;

    private OpaTool(Path binary) {
        this.binary = binary;
    }

    /** Fails in CI (the script installs opa there), skips loudly elsewhere. */
    static OpaTool require() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            if (System.getenv("CI") != null) {
                Assertions.fail("opa not found in CI; scripts/install-test-tools.sh should have installed it");
            }
            Assumptions.abort("opa not found; run scripts/install-test-tools.sh");
        }
        return new OpaTool(found.get());
    }

    private static Optional<Path> find() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "opa"));
            }
        }
        String tools = System.getenv("ZTC_TOOLS");
        if (tools != null) {
            candidates.add(Path.of(tools, "bin", "opa"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "ztc-tools", "bin", "opa"));
        return candidates.stream().filter(Files::isExecutable).findFirst();
    }

    Result run(Optional<String> stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("opa-out", ".txt");
        Path err = Files.createTempFile("opa-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (stdin.isEmpty()) {
                builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            }
            Process process = builder.start();
            if (stdin.isPresent()) {
                try (var in = process.getOutputStream()) {
                    in.write(stdin.get().getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                Assertions.fail("opa " + String.join(" ", args) + " did not finish in 120s");
            }
            return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    Result run(String... args) throws IOException, InterruptedException {
        return run(Optional.empty(), args);
    }
}
