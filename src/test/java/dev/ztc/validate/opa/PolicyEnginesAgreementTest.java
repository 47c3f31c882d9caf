package dev.ztc.validate.opa;

import dev.ztc.ExternalTool;
import dev.ztc.artifact.EmittedBundleData;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.Verdict;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The two engines of the application layer must decide alike: on every sample and boundary request of every
 * example (verdict, granting rules, routes and reasons), and on the same inputs with paths that exercise the
 * policy's normalization (encodings, dot segments, double encoding, invalid UTF-8), decision for decision.
 */
class PolicyEnginesAgreementTest {

    /** Path variants, each appended to or wrapped around an input's path: what a PEP may forward. */
    private static final List<String> SUFFIXES = List.of("/", "//", "/.", "/./x", "/x/..", "/../..", "/%2e%2e", "/%252e",
            "/%41", "/%2541", "/%C3%A9", "/%C3", "/%zz", "/%", "/a;b", "/a+b", "/a%20b", "?q=1", "#frag", "/a\\b", "/%0a",
            "/%7f", "/x/y/../../..", "/x//y/", "/%E2%82%AC/./", "/%F0%9F%98%80");

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> opaAndTheJavaEvaluationDecideEveryRequestOfEveryExampleAlike() throws Exception {
        Path opa = ExternalTool.require("opa").path();
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : CompiledExample.examples()) {
            tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                CompiledExample example = CompiledExample.compile(dir, temp);
                List<LayerDecision> java = ApplicationLayerEvaluator.inJava(example.project(), example.artifacts(), "")
                        .decide(example.requests());
                List<LayerDecision> real = ApplicationLayerEvaluator.withOpa(example.project(), example.artifacts(), opa,
                        Duration.ofMinutes(2)).decide(example.requests());
                assertThat(java).hasSameSizeAs(example.requests());
                for (int i = 0; i < java.size(); i++) {
                    assertThat(java.get(i)).as(example.requests().get(i).name()).isEqualTo(real.get(i));
                }
                // the layer judged something both ways in every example that has an HTTP API
                if (example.project().assets().values().stream().anyMatch(a -> a.basePath().isPresent())) {
                    assertThat(real).extracting(LayerDecision::verdict).contains(Verdict.ALLOW, Verdict.DENY);
                }
            }));
            tests.add(DynamicTest.dynamicTest(dir.getFileName() + " with unusual paths", () -> {
                CompiledExample example = CompiledExample.compile(dir, temp.resolve("paths"));
                List<Map<String, Object>> inputs = unusualPaths(example);
                List<PolicyDecision> java = new BundleDataPolicy(EmittedBundleData.read(example.artifacts())).decide(inputs);
                List<PolicyDecision> real = new OpaEvalEngine(opa, bundle(example.artifacts()), Duration.ofMinutes(2)).decide(inputs);
                for (int i = 0; i < inputs.size(); i++) {
                    assertThat(java.get(i)).as(inputs.get(i).toString()).isEqualTo(real.get(i));
                }
            }));
        }
        return tests.stream();
    }

    /** Every input of the example's requests, its path varied by each of {@link #SUFFIXES}, and upper-cased. */
    private static List<Map<String, Object>> unusualPaths(CompiledExample example) {
        IntentEvaluator intent = new IntentEvaluator(example.project().project());
        List<Map<String, Object>> out = new ArrayList<>();
        example.requests().stream().map(r -> HttpAsks.of(r, example.project(), intent))
                .flatMap(a -> a.alternatives().stream()).flatMap(List::stream).forEach(input -> {
                    String path = (String) input.get("path");
                    List<String> paths = new ArrayList<>(SUFFIXES.stream().map(s -> path + s).toList());
                    paths.add(path.toUpperCase(java.util.Locale.ROOT));
                    paths.add("/" + path);
                    paths.add("/%2F" + path);
                    for (String p : paths) {
                        Map<String, Object> varied = new TreeMap<>(input);
                        varied.put("path", p);
                        out.add(varied);
                    }
                });
        return out;
    }

    static Map<String, String> bundle(Map<String, String> artifacts) {
        Map<String, String> out = new TreeMap<>();
        for (String name : List.of("opa/policy.rego", "opa/data.json", "opa/.manifest")) {
            out.put(name, artifacts.get(name));
        }
        return out;
    }
}
