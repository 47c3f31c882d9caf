package dev.ztc.bench;

import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.Request;
import dev.ztc.validate.LayerDecision;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ValidationCase;
import dev.ztc.validate.Validator;
import dev.ztc.validate.ca.ConditionalAccessEvaluator;
import dev.ztc.validate.iam.IamLayerEvaluator;
import dev.ztc.validate.network.SecurityGroupEvaluator;
import dev.ztc.validate.opa.ApplicationLayerEvaluator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Decisions per second of the intent evaluator and of each layer evaluator, on the boundary requests of a
 * project (scripts/bench-validate.sh passes a synthetic organisation of 10,000 rules as {@code -p project=DIR}).
 * Each invocation decides one batch of {@link #BATCH} requests, the way validate hands them to a layer; the score
 * is per request. The application layer is measured with ztc's Java evaluation of data.json; opa itself is timed
 * by the script on the same inputs, which the set-up writes when {@code ZTC_BENCH_OPA_INPUTS} names a directory
 * ({@code opa-inputs.json}: {@code {"requests": [...]}} as validate's batched opa eval reads them, {@code opa-input.json}
 * the first alone; the compiled output goes there too, as {@code ztc-bench-*}/ztc).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class ValidateBenchmark {

    static final int BATCH = 1000;

    @Param({"examples/bank-payments"})
    public String project;

    private IntentEvaluator intent;
    private Map<String, LayerEvaluator> layers;
    private List<Request> requests;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path dir = Path.of(project);
        String opaInputs = System.getenv("ZTC_BENCH_OPA_INPUTS");
        Path out = opaInputs == null ? Files.createTempDirectory("ztc-bench") : Files.createTempDirectory(Path.of(opaInputs), "ztc-bench-");
        Ztc.compile(new CompileOptions(dir, Optional.of(out.resolve("ztc"))));
        ResolvedProject resolved = Ztc.loadAndCheck(dir);
        Map<String, String> artifacts = read(out.resolve("ztc"));
        intent = new IntentEvaluator(resolved.project());
        layers = new TreeMap<>();
        layers.put("network", new SecurityGroupEvaluator(resolved, artifacts));
        layers.put("cloud-identity", new IamLayerEvaluator(resolved, artifacts));
        layers.put("workforce-identity", new ConditionalAccessEvaluator(resolved, artifacts));
        layers.put("application", ApplicationLayerEvaluator.inJava(resolved, artifacts, ""));
        Validator validator = new Validator(resolved, dev.ztc.emit.IrJson.read(artifacts.get("ir.json")));
        List<Request> all = validator.cases(true).stream().map(ValidationCase::request).toList();
        // a fixed, spread sample of the boundary requests: every rule's variants are represented
        requests = java.util.stream.IntStream.range(0, BATCH).mapToObj(i -> all.get((int) ((long) i * all.size() / BATCH))).toList();
        if (opaInputs != null) {
            List<Map<String, Object>> inputs = ApplicationLayerEvaluator.inputs(resolved, requests);
            ObjectMapper json = new ObjectMapper();
            json.writeValue(Path.of(opaInputs, "opa-inputs.json").toFile(), Map.of("requests", inputs));
            json.writeValue(Path.of(opaInputs, "opa-input.json").toFile(), inputs.get(0));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
    public void intent(Blackhole sink) {
        for (Request r : requests) {
            sink.consume(intent.decide(r));
        }
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
    public List<LayerDecision> network() throws UnreadableArtifactException {
        return layers.get("network").decide(requests);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
    public List<LayerDecision> cloudIdentity() throws UnreadableArtifactException {
        return layers.get("cloud-identity").decide(requests);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
    public List<LayerDecision> workforceIdentity() throws UnreadableArtifactException {
        return layers.get("workforce-identity").decide(requests);
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BATCH)
    public List<LayerDecision> application() throws UnreadableArtifactException {
        return layers.get("application").decide(requests);
    }

    static Map<String, String> read(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String name = out.relativize(f).toString().replace('\\', '/');
                if (!name.endsWith(".tar.gz")) {
                    files.put(name, Files.readString(f, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
