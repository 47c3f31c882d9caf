package dev.ztc.plan;

import dev.ztc.Fixtures;
import dev.ztc.core.PlanCheckOptions;
import dev.ztc.core.Ztc;
import dev.ztc.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each example's first-apply plan, as {@link PlanWriter} writes it from the compiled output, is committed under
 * {@code src/test/resources/plans/<example>/compliant.json} and passes plan-check with no finding at all.
 * Set {@code -Dztc.regeneratePlans=true} after changing the emitters to rewrite the fixtures.
 */
class CompliantPlanTest {

    static final java.util.List<String> EXAMPLES = PlanFixtures.EXAMPLES;

    @ParameterizedTest
    @FieldSource("EXAMPLES")
    void theCommittedFixtureIsTheCompiledOutputsPlan(String example) throws Exception {
        String written = PlanWriter.firstApply(PlanFixtures.intent(example));
        Path fixture = PlanFixtures.plan(example, "compliant");
        if (Boolean.getBoolean("ztc.regeneratePlans") || !Files.exists(fixture)) {
            Files.createDirectories(fixture.getParent());
            Files.writeString(fixture, written);
        }
        assertThat(Files.readString(fixture)).isEqualTo(written);
    }

    /**
     * examples/maven-project gates this plan with ztc:plan-check in its lifecycle (run by the invoker): it must stay
     * the plan of what its intent compiles to, and pass.
     */
    @Test
    void theMavenExamplesCommittedPlanIsItsCompiledOutputsPlanAndPasses() throws Exception {
        Path project = Fixtures.repo().resolve("examples/maven-project/src/main/ztc");
        String written = PlanWriter.firstApply(Ztc.planIntent(project, Optional.empty(), PlanFixtures.CLOCK));
        Path fixture = Fixtures.repo().resolve("examples/maven-project/plans/first-apply.json");
        if (Boolean.getBoolean("ztc.regeneratePlans") || !Files.exists(fixture)) {
            Files.createDirectories(fixture.getParent());
            Files.writeString(fixture, written);
        }
        assertThat(Files.readString(fixture)).isEqualTo(written);
        VerifyReport report = Ztc.planCheck(new PlanCheckOptions(project, fixture, Optional.empty()), PlanFixtures.CLOCK);
        assertThat(report.findings()).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("EXAMPLES")
    void aCompliantPlanHasNoFinding(String example) throws Exception {
        var report = PlanFixtures.check(example, "compliant");
        assertThat(report.findings()).isEmpty();
        assertThat(report.failing(dev.ztc.verify.Severity.INFO)).isZero();
    }
}
