package dev.ztc.verify.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * ZT402: {@code opa check --strict} on the emitted bundle (policy, data and manifest, the files of the tarball),
 * each error OPA reports one finding naming the bundle file and line. Without opa the check reports one note
 * saying it did not run, never a failure.
 */
public final class OpaBundleCheck extends DeclaredCheck {

    private static final long TIMEOUT_SECONDS = 60;
    private static final String DIR = "opa/";
    private static final List<String> BUNDLE_FILES = List.of("policy.rego", "data.json", ".manifest");
    private static final ObjectMapper JSON = new ObjectMapper();

    public OpaBundleCheck() {
        super("ZT402", Severity.WARNING, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
                "opa check --strict reports an error in the generated OPA bundle");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Optional<Path> opa = InstalledTool.find("opa");
        if (opa.isEmpty()) {
            return List.of(note(context, "opa is not on PATH (nor in $ZTC_TOOLS/bin, ~/.cache/ztc-tools/bin); opa check was not run"));
        }
        if (!context.artifacts().containsKey(DIR + "policy.rego")) {
            return List.of(note(context, "no opa/policy.rego was generated; opa check was not run"));
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ztc-verify-opa-");
            Path bundle = Files.createDirectory(dir.resolve("bundle"));
            for (String name : BUNDLE_FILES) {
                String text = context.artifacts().get(DIR + name);
                if (text != null) {
                    Files.writeString(bundle.resolve(name), text, StandardCharsets.UTF_8);
                }
            }
            Path errors = dir.resolve("errors.json"); // beside the bundle, not in it
            // "-b ." keeps the file names OPA reports relative to the bundle, i.e. the artifact names below opa/
            Process process = new ProcessBuilder(opa.get().toString(), "check", "--strict", "--format", "json", "-b", ".")
                    .directory(bundle.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(errors.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return List.of(note(context, "opa check did not finish within " + TIMEOUT_SECONDS + "s"));
            }
            if (process.exitValue() == 0) {
                return List.of();
            }
            List<Finding> out = findings(context, Files.readString(errors, StandardCharsets.UTF_8));
            return out.isEmpty() ? List.of(note(context, "opa check failed (exit " + process.exitValue() + ") without an error message"))
                    : out;
        } catch (IOException e) {
            return List.of(note(context, "opa check could not run: " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(note(context, "opa check was interrupted"));
        } finally {
            delete(dir);
        }
    }

    /** OPA's JSON report ({@code {"errors": [{message, code, location: {file, row, col}}]}}); its plain lines otherwise. */
    private List<Finding> findings(VerifyContext context, String report) {
        List<Finding> out = new ArrayList<>();
        JsonNode errors;
        try {
            errors = JSON.readTree(report).path("errors");
        } catch (IOException e) {
            errors = null;
        }
        if (errors == null || !errors.isArray()) {
            for (String line : report.strip().split("\n")) {
                if (!line.isBlank()) {
                    out.add(finding(context.matrixFile(), List.of(), "opa check: " + line.strip(), DIR));
                }
            }
            return out;
        }
        for (JsonNode error : errors) {
            JsonNode at = error.path("location");
            String file = at.path("file").asText("");
            String artifact = file.isEmpty() ? DIR : DIR + file.replaceFirst("^\\./", "")
                    + (at.has("row") ? ":" + at.path("row").asInt() + ":" + at.path("col").asInt() : "");
            String code = error.path("code").asText("");
            out.add(finding(context.matrixFile(), List.of(), "opa check --strict: " + (code.isEmpty() ? "" : code + ": ")
                    + error.path("message").asText(""), artifact));
        }
        return out;
    }

    private Finding note(VerifyContext context, String message) {
        return new Finding(id(), Severity.INFO, context.matrixFile(), List.of(), message, DIR);
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
