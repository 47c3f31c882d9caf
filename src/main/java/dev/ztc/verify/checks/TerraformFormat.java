package dev.ztc.verify.checks;

import dev.ztc.verify.Finding;
import dev.ztc.verify.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ZT401: {@code terraform fmt -check} on the generated Terraform, each file it would rewrite one finding.
 * Without terraform on PATH the check reports one note saying it did not run, never a failure.
 */
public final class TerraformFormat extends DeclaredCheck {

    private static final long TIMEOUT_SECONDS = 60;

    public TerraformFormat() {
        super("ZT401", Severity.WARNING, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
                "terraform fmt -check reports the generated Terraform as not canonically formatted");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Optional<Path> terraform = onPath("terraform");
        if (terraform.isEmpty()) {
            return List.of(new Finding(id(), Severity.INFO, context.matrixFile(), List.of(),
                    "terraform is not on PATH; terraform fmt -check was not run", "terraform/"));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ztc-verify-fmt-");
            for (Map.Entry<String, String> file : context.artifacts().entrySet()) {
                if (file.getKey().startsWith("terraform/") && file.getKey().endsWith(".tf")) {
                    Path target = dir.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                }
            }
            // stdout lists the files fmt would rewrite; stderr is diagnostics (a missing ~/.terraformrc...), not findings
            ProcessBuilder builder = new ProcessBuilder(terraform.get().toString(), "fmt", "-check", "-list=true", "-recursive",
                    "terraform").directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("CHECKPOINT_DISABLE", "1");
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of(note(context, "terraform fmt did not finish within " + TIMEOUT_SECONDS + "s"));
            }
            List<Finding> out = new ArrayList<>();
            if (process.exitValue() != 0) {
                for (String line : output.strip().split("\n")) {
                    if (line.strip().endsWith(".tf")) {
                        String file = line.strip().replace('\\', '/');
                        out.add(finding(context.matrixFile(), List.of(), "terraform fmt -check: " + file
                                + " is not canonically formatted (a template prints it)", file));
                    }
                }
                if (out.isEmpty()) {
                    out.add(note(context, "terraform fmt -check failed (exit " + process.exitValue() + ") without naming a file"));
                }
            }
            return out;
        } catch (IOException e) {
            return List.of(note(context, "terraform fmt could not run: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(note(context, "terraform fmt was interrupted"));
        } finally {
            delete(dir);
        }
    }

    private Finding note(VerifyContext context, String message) {
        return new Finding(id(), Severity.INFO, context.matrixFile(), List.of(), message, "terraform/");
    }

    static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return Optional.of(Path.of(dir, name));
            }
        }
        return Optional.empty();
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }
}
