package dev.ztc.verify;

import dev.ztc.model.Suppression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage "verify": runs each check over the context, then applies the project's suppressions. A suppression
 * accepts the findings of its check that involve its rule, until it expires; expired ones are reported by
 * their own check (ZT306) and accept nothing.
 */
public final class Verifier {

    private Verifier() {
    }

    public static VerifyReport verify(VerifyContext context, List<Check> checks, String projectDir) {
        List<ReportedFinding> findings = new ArrayList<>();
        List<Suppression> suppressions = context.project().project().settings().suppressions();
        for (Check check : checks) {
            for (Finding finding : check.run(context)) {
                findings.add(new ReportedFinding(finding, acceptedBy(finding, suppressions, context)));
            }
        }
        findings.sort(null);
        return new VerifyReport(projectDir, checks, findings, Coverage.of(context.project(), context.ir()),
                Compliance.of(checks, findings));
    }

    private static Optional<Suppression> acceptedBy(Finding finding, List<Suppression> suppressions, VerifyContext context) {
        return suppressions.stream()
                .filter(s -> s.check().equals(finding.checkId()) && finding.ruleIds().contains(s.rule()))
                .filter(s -> !s.expiredOn(context.today()))
                .findFirst();
    }
}
