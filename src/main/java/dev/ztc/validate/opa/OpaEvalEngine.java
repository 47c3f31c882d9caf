package dev.ztc.validate.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.validate.UnreadableArtifactException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real {@code opa}, batched: one {@code opa eval} process decides every input, each with
 * {@code data.ztc.authz.decision with input as} the input, so a validate run pays for one process start and one
 * bundle load. The bundle is the emitted policy, data.json and .manifest, written to a private directory from the
 * same text the other evaluators read. Anything but a decision for every input — a non-zero exit, a timeout,
 * output that is not that — is an {@link UnreadableArtifactException} carrying opa's stderr, never an allow.
 */
public final class OpaEvalEngine implements PolicyEngine {

    /** Decisions keyed by the input's index, so that the answer does not depend on iteration order. */
    static final String QUERY = "{i: d | some i; x := input.requests[i]; d := data.ztc.authz.decision with input as x}";
    static final String BUNDLE = "opa/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path opa;
    private final Map<String, String> bundle;
    private final Duration timeout;

    /** {@code bundle}: the emitted files under {@code opa/} that make up the bundle, by their path under the output dir. */
    public OpaEvalEngine(Path opa, Map<String, String> bundle, Duration timeout) {
        this.opa = opa;
        this.bundle = Map.copyOf(bundle);
        this.timeout = timeout;
    }

    @Override
    public String description() {
        return "opa (" + opa + "), one batched opa eval";
    }

    @Override
    public List<PolicyDecision> decide(List<Map<String, Object>> inputs) throws UnreadableArtifactException {
        if (inputs.isEmpty()) {
            return List.of();
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("ztc-opa-eval");
            Path dir = Files.createDirectory(work.resolve("bundle"));
            for (Map.Entry<String, String> file : bundle.entrySet()) {
                Files.writeString(dir.resolve(file.getKey().substring(BUNDLE.length())), file.getValue(), StandardCharsets.UTF_8);
            }
            Path input = work.resolve("input.json");
            JSON.writeValue(input.toFile(), Map.of("requests", inputs));
            JsonNode answer = run(work, List.of(opa.toString(), "eval", "--format", "json", "--bundle", dir.toString(),
                    "--input", input.toString(), QUERY));
            return decisions(answer, inputs.size());
        } catch (IOException e) {
            throw new UnreadableArtifactException(BUNDLE, "cannot run " + opa + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnreadableArtifactException(BUNDLE, "interrupted while opa eval ran");
        } finally {
            delete(work);
        }
    }

    private JsonNode run(Path work, List<String> command) throws IOException, InterruptedException, UnreadableArtifactException {
        Path out = work.resolve("stdout.json");
        Path err = work.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE).start();
        process.getOutputStream().close();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new UnreadableArtifactException(BUNDLE, "opa eval did not answer within " + timeout.toSeconds() + " s");
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8).strip();
        if (process.exitValue() != 0) {
            // opa prints its errors as JSON on stdout with --format json, and its own failures on stderr
            String why = (stderr + " " + errors(stdout)).strip();
            throw new UnreadableArtifactException(BUNDLE, "opa eval exited " + process.exitValue()
                    + (why.isEmpty() ? "" : ": " + oneLine(why)));
        }
        try {
            JsonNode answer = JSON.readTree(stdout);
            if (answer == null || answer.isMissingNode()) {
                throw new UnreadableArtifactException(BUNDLE, "opa eval printed no JSON" + (stderr.isEmpty() ? "" : ": " + oneLine(stderr)));
            }
            return answer;
        } catch (IOException e) {
            throw new UnreadableArtifactException(BUNDLE, "opa eval printed no JSON: " + oneLine(stdout + " " + stderr));
        }
    }

    private static List<PolicyDecision> decisions(JsonNode answer, int count) throws UnreadableArtifactException {
        JsonNode value = answer.path("result").path(0).path("expressions").path(0).path("value");
        if (!value.isObject()) {
            throw new UnreadableArtifactException(BUNDLE, "opa eval gave no decisions (is data.ztc.authz.decision defined?)");
        }
        List<PolicyDecision> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode d = value.path(Integer.toString(i));
            if (!d.path("allow").isBoolean() || !d.path("granted_by").isArray() || !d.path("reasons").isArray()) {
                throw new UnreadableArtifactException(BUNDLE, "opa eval gave no decision {allow, granted_by, reasons} for input " + i
                        + ": " + d);
            }
            out.add(new PolicyDecision(d.path("allow").asBoolean(), strings(d.path("granted_by")), strings(d.path("reasons"))));
        }
        return out;
    }

    private static String errors(String stdout) {
        try {
            List<String> messages = new ArrayList<>();
            JSON.readTree(stdout).path("errors").forEach(e -> messages.add(e.path("message").asText()
                    + (e.path("location").isObject() ? " (" + e.path("location").path("file").asText() + ":"
                    + e.path("location").path("row").asInt() + ")" : "")));
            return String.join("; ", messages);
        } catch (IOException e) {
            return stdout;
        }
    }

    private static String oneLine(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 2000 ? line.substring(0, 2000) + "..." : line;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no reason to fail a validate run
        }
    }
}
