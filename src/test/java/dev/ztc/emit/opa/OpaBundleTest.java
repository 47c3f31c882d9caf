package dev.ztc.emit.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ztc.Fixtures;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.ir.ApplicationLayer;
import dev.ztc.model.Asset;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated bundle, run by the real OPA: it compiles (opa check --strict), its generated tests pass
 * (opa test), and for every sample request and every route variant OPA decides as the intent evaluator.
 */
class OpaBundleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path temp;

    static List<Path> projects() throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> examples = Files.list(Fixtures.repo().resolve("examples"))) {
            examples.filter(p -> Files.exists(p.resolve("inventory.yaml"))).sorted().forEach(out::add);
        }
        out.add(Fixtures.project("opa-conditions"));
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyProjectsBundleAgreesWithTheIntent() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path project : projects()) {
            String name = project.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(name, () -> check(project, temp.resolve(name))));
        }
        return tests.stream();
    }

    private static void check(Path projectDir, Path out) throws Exception {
        OpaTool opa = OpaTool.require();
        Ztc.CompileResult compiled = Ztc.compile(new CompileOptions(projectDir, Optional.of(out)));
        Path bundle = out.resolve("opa");

        OpaTool.Result check = opa.run("check", "--strict", "-b", bundle.toString());
        assertThat(check.exitCode()).as("opa check: %s", check.stderr() + check.stdout()).isZero();

        OpaTool.Result test = opa.run("test", "-b", bundle.toString(), "--format", "json");
        assertThat(test.exitCode()).as("opa test: %s", test.stderr() + test.stdout()).isZero();
        JsonNode results = JSON.readTree(test.stdout());
        long generated = Files.readAllLines(bundle.resolve("tests/requests_test.rego")).stream()
                .filter(l -> l.startsWith("test_")).count();
        // every test the file declares ran and passed, and nothing else ran: no name injected a rule
        assertThat(results.size()).isEqualTo((int) generated);
        results.forEach(r -> assertThat(r.get("name").asText()).matches("test_[0-9]{3}_[a-z0-9_]*"));

        comparedWithIntent(opa, compiled, projectDir, bundle);
    }

    /** One opa eval for all cases: the input is an array, the query maps the policy over it. */
    private static void comparedWithIntent(OpaTool opa, Ztc.CompileResult compiled, Path projectDir, Path bundle) throws Exception {
        Project project = Ztc.loadAndCheck(projectDir).project();
        IntentEvaluator intent = new IntentEvaluator(project);
        Map<String, Asset> assets = new java.util.HashMap<>();
        project.inventory().assets().forEach(a -> assets.put(a.id(), a));

        List<Request> requests = new ArrayList<>();
        for (Request r : project.requests()) {
            Asset asset = assets.get(r.resource());
            if (asset != null && OpaInput.expressible(r)) {
                OpaInput.asHttp(r, asset, project.catalog()).ifPresent(requests::add);
            }
        }
        for (ApplicationLayer.Route route : compiled.ir().application().routes()) {
            requests.addAll(RouteVariants.of(route));
        }
        List<Map<String, Object>> inputs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Decision> expected = new ArrayList<>();
        for (Request r : requests) {
            Decision decision = intent.decide(r);
            inputs.add(OpaInput.plain(r));
            labels.add(r.name() + " " + r.action().text() + " (plain)");
            expected.add(decision);
            OpaInput.envoy(r, assets.values()).ifPresent(envoy -> {
                inputs.add(envoy);
                labels.add(r.name() + " " + r.action().text() + " (envoy)");
                expected.add(decision);
            });
        }
        OpaTool.Result eval = opa.run(Optional.of(JSON.writeValueAsString(inputs)), "eval", "--stdin-input", "-b",
                bundle.toString(), "--format", "json",
                "[d | some case in input; d := data.ztc.authz.decision with input as case]");
        assertThat(eval.exitCode()).as("opa eval: %s", eval.stderr()).isZero();
        JsonNode decisions = JSON.readTree(eval.stdout()).at("/result/0/expressions/0/value");
        assertThat(decisions.size()).isEqualTo(inputs.size());
        int allowed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            JsonNode d = decisions.get(i);
            List<String> granted = new ArrayList<>();
            d.get("granted_by").forEach(g -> granted.add(g.asText()));
            assertThat(d.get("allow").asBoolean())
                    .as("%s: intent says %s %s, OPA says %s for %s", labels.get(i), expected.get(i).allowed(),
                            expected.get(i).reasonTexts(), d, inputs.get(i))
                    .isEqualTo(expected.get(i).allowed());
            assertThat(granted).as(labels.get(i)).isEqualTo(expected.get(i).grantedBy());
            allowed += expected.get(i).allowed() ? 1 : 0;
        }
        System.out.printf("ztc opa: %s: %d decisions compared (%d allow), all agree%n", projectDir.getFileName(),
                inputs.size(), allowed);
        if (!compiled.ir().application().routes().isEmpty()) {
            assertThat(allowed).as("the granted variants must be allowed").isPositive();
        }
    }
}
