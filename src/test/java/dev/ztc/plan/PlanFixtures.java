package dev.ztc.plan;

import dev.ztc.Fixtures;
import dev.ztc.core.PlanCheckOptions;
import dev.ztc.core.Ztc;
import dev.ztc.verify.ReportedFinding;
import dev.ztc.verify.VerifyReport;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The examples and their plan fixtures under {@code src/test/resources/plans/<example>/}. */
final class PlanFixtures {

    static final List<String> EXAMPLES = List.of("bank-payments", "healthcare-saas", "remote-workforce");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    private PlanFixtures() {
    }

    static Path example(String name) {
        return Fixtures.repo().resolve("examples").resolve(name);
    }

    static Path plan(String example, String variant) {
        return Fixtures.repo().resolve("src/test/resources/plans").resolve(example).resolve(variant + ".json");
    }

    static VerifyReport check(String example, String variant) throws Exception {
        return Ztc.planCheck(new PlanCheckOptions(example(example), plan(example, variant), Optional.empty()), CLOCK);
    }

    static PlanIntent intent(String example) throws Exception {
        return Ztc.planIntent(example(example), Optional.empty(), CLOCK);
    }

    /** The unsuppressed findings of one check, as "address | rules | message". */
    static List<String> of(VerifyReport report, String checkId) {
        return report.findings().stream().filter(f -> !f.suppressed()).map(ReportedFinding::finding)
                .filter(f -> f.checkId().equals(checkId))
                .map(f -> f.artifact().replaceFirst("^.*?#", "") + " | " + String.join(",", f.ruleIds()) + " | " + f.message())
                .toList();
    }
}
