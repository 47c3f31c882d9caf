package dev.ztc.validate;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.Ztc;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.intent.Reason;
import dev.ztc.model.MatrixRule;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generator's promise, checked by the intent evaluator on every rule of every example: the "granted" request
 * is granted by its own rule, and each variant breaks its rule on exactly the field it names.
 */
class BoundaryRequestsTest {

    /** Variant name prefix → the condition key of the obstacle it must put in its rule's way. */
    private static final Map<String, String> BREAKS = Map.ofEntries(
            Map.entry("no mfa", "mfa"), Map.entry("no device", "device"), Map.entry("weaker device", "device"), Map.entry("outside its locations", "from"),
            Map.entry("just before its hours", "hours"), Map.entry("on ", "hours"), Map.entry("session older than", "jit"),
            Map.entry("risk above", "risk"), Map.entry("neighbouring group", "who"), Map.entry("another user", "who"),
            Map.entry("another service", "who"), Map.entry("outside its segment", "who"), Map.entry("outside the segment", "who"),
            Map.entry("outside the location", "who"), Map.entry("next level", "action"),
            Map.entry("path just outside base_path", "action"), Map.entry("neighbouring method", "action"),
            Map.entry("sibling asset", "asset"));

    @TestFactory
    Stream<DynamicTest> eachVariantBreaksItsRuleOnTheFieldItNames() throws IOException {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Fixtures.repo().resolve("examples"))) {
            examples = dirs.filter(d -> Files.isRegularFile(d.resolve("matrix.yaml"))).sorted().toList();
        }
        return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ResolvedProject project = Ztc.loadAndCheck(dir);
            IntentEvaluator intent = new IntentEvaluator(project.project());
            BoundaryRequests generator = new BoundaryRequests(project);
            int variants = 0;
            for (MatrixRule rule : project.rules()) {
                List<ValidationCase> cases = generator.of(rule);
                assertThat(cases.get(0).request().name()).isEqualTo(rule.id() + ": granted");
                assertThat(intent.explain(rule, cases.get(0).request())).as(rule.id() + " grants its own request").isEmpty();
                assertThat(intent.decide(cases.get(0).request()).grantedBy()).contains(rule.id());
                for (ValidationCase c : cases.subList(1, cases.size())) {
                    String what = c.request().name().substring(rule.id().length() + 2);
                    String key = BREAKS.entrySet().stream().filter(e -> what.startsWith(e.getKey())).map(Map.Entry::getValue)
                            .findFirst().orElseThrow(() -> new AssertionError("unknown variant " + c.request().name()));
                    List<Reason> obstacles = intent.explain(rule, c.request());
                    assertThat(obstacles).as(c.request().name()).extracting(Reason::condition).containsExactly(key);
                    assertThat(c.ruleId()).contains(rule.id());
                    variants++;
                }
            }
            assertThat(variants).isGreaterThan(project.rules().size());
        }));
    }
}
