package dev.ztc.intent;

import dev.ztc.load.ProjectLoader;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The evaluator on a project as users write it: loaded from YAML, each sample request's expect holds. */
class YamlProjectTest {

    // surefire sets ztc.repo to the project directory, so the test does not depend on the working directory
    private static final Path ACME = Path.of(System.getProperty("ztc.repo", ".")).resolve("src/test/resources/intent/acme");

    static Project acme() throws Exception {
        return ProjectLoader.load(ACME);
    }

    static Stream<Request> requests() throws Exception {
        return acme().requests().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void meetsTheExpectation(Request request) throws Exception {
        Decision decision = new IntentEvaluator(acme()).decide(request);

        boolean expected = request.expect().orElseThrow() == Request.Expectation.ALLOW;
        assertThat(decision.allowed()).as("%s: %s", request.name(), decision.reasonTexts()).isEqualTo(expected);
    }

    @Test
    void theFixtureHasBothOutcomes() throws Exception {
        var expectations = acme().requests().stream().map(r -> r.expect().orElseThrow()).distinct().toList();

        assertThat(acme().requests()).hasSize(12);
        assertThat(expectations).containsExactlyInAnyOrder(Request.Expectation.ALLOW, Request.Expectation.DENY);
    }

    @Test
    void explainsTheOfficeDenial() throws Exception {
        Request fromHome = acme().requests().get(1);

        assertThat(new IntentEvaluator(acme()).decide(fromHome).reasonTexts())
                .containsExactly("FIN-1: source 198.51.100.7 not in location corp-office");
    }
}
