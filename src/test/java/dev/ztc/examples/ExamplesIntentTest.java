package dev.ztc.examples;

import dev.ztc.core.Ztc;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sample request of every example is decided by the intent evaluator as its {@code expect} says. */
class ExamplesIntentTest {

    @TestFactory
    Stream<DynamicTest> everyExpectationHolds() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : ExamplesCompileTest.examples()) {
            Project project;
            try {
                project = Ztc.loadAndCheck(dir).project();
            } catch (dev.ztc.diag.InputException e) {
                throw new AssertionError(dir + ": " + e.getMessage(), e);
            }
            assertThat(project.requests()).as(dir + " has sample requests").hasSizeGreaterThanOrEqualTo(8);
            IntentEvaluator evaluator = new IntentEvaluator(project);
            for (Request request : project.requests()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName() + ": " + request.name(), () -> {
                    Decision decision = evaluator.decide(request);
                    boolean expected = request.expect().orElseThrow() == Request.Expectation.ALLOW;
                    assertThat(decision.allowed()).as("%s: %s", request.name(), decision.reasonTexts()).isEqualTo(expected);
                }));
            }
        }
        return tests.stream();
    }
}
