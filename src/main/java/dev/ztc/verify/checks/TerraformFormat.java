package dev.ztc.verify.checks;

import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
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
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * ZT401: {@code terraform fmt -check} on the generated Terraform, each file it would rewrite one finding. Where
 * terraform is missing, {@code hclfmt} (the same HCL formatter, which scripts/install-test-tools.sh installs in
 * its place) judges each file instead. With neither on PATH the check reports one note saying it did not run,
 * never a failure.
 */
public final class TerraformFormat extends DeclaredCheck {

    private static final long TIMEOUT_SECONDS = 60;

    private final Function<String, Optional<Path>> tools;

    public TerraformFormat() {
        this(TerraformFormat::onPath);
    }

    /** {@code tools}: where a program of that name is, if anywhere (tests choose which formatter is found). */
    TerraformFormat(Function<String, Optional<Path>> tools) {
        super("ZT401", Severity.WARNING, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
                "terraform fmt -check reports the generated Terraform as not canonically formatted");
        this.tools = tools;
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Optional<Path> terraform = tools.apply("terraform");
        if (terraform.isEmpty()) {
            Optional<Path> hclfmt = tools.apply("hclfmt");
            if (hclfmt.isPresent()) {
                return hclfmt(context, hclfmt.get());
            }
            return List.of(new Finding(id(), Severity.INFO, context.matrixFile(), List.of(),
                    "neither terraform nor hclfmt is on PATH; terraform fmt -check was not run", "terraform/"));
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

    /**
     * {@code hclfmt -check} parses each file and prints it formatted: a file it prints differently is not canonical,
     * one it cannot parse (exit 1, diagnostics on stderr) is broken.
     */
    private List<Finding> hclfmt(VerifyContext context, Path hclfmt) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ztc-verify-hclfmt-");
            List<Finding> out = new ArrayList<>();
            for (Map.Entry<String, String> file : context.artifacts().entrySet()) {
                if (!file.getKey().startsWith("terraform/") || !file.getKey().endsWith(".tf")) {
                    continue;
                }
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                Path stderr = dir.resolve("hclfmt.err");
                Process process = new ProcessBuilder(hclfmt.toString(), "-check", file.getKey()).directory(dir.toFile())
                        .redirectError(stderr.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
                String formatted = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return List.of(note(context, "hclfmt did not finish within " + TIMEOUT_SECONDS + "s"));
                }
                if (process.exitValue() != 0) {
                    String why = Files.readString(stderr, StandardCharsets.UTF_8).lines().map(String::strip)
                            .filter(l -> !l.isEmpty()).findFirst().orElse("exit " + process.exitValue());
                    out.add(finding(context.matrixFile(), List.of(), "hclfmt: " + file.getKey() + " is not valid HCL: " + why, file.getKey()));
                } else if (!formatted.equals(file.getValue())) {
                    out.add(finding(context.matrixFile(), List.of(), "hclfmt: " + file.getKey()
                            + " is not canonically formatted (a template prints it)", file.getKey()));
                }
            }
            return out;
        } catch (IOException e) {
            return List.of(note(context, "hclfmt could not run: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(note(context, "hclfmt was interrupted"));
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
