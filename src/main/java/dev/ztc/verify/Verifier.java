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
        List<Finding> found = new ArrayList<>();
        for (Check check : checks) {
            found.addAll(check.run(context));
        }
        return report("verify", context, checks, found, projectDir);
    }

    /** Findings made elsewhere (plan-check) reported as verify reports them: suppressions applied, sorted, summarized. */
    public static VerifyReport report(String command, VerifyContext context, List<? extends CheckDeclaration> checks,
                                      List<Finding> found, String projectDir) {
        List<ReportedFinding> findings = new ArrayList<>();
        List<Suppression> suppressions = context.project().project().settings().suppressions();
        for (Finding finding : found) {
            findings.add(new ReportedFinding(finding, acceptedBy(finding, suppressions, context)));
        }
        findings.sort(null);
        return new VerifyReport(command, projectDir, List.copyOf(checks), findings,
                Coverage.of(context.project(), context.ir()), Compliance.of(checks, findings));
    }

    private static Optional<Suppression> acceptedBy(Finding finding, List<Suppression> suppressions, VerifyContext context) {
        return suppressions.stream()
                .filter(s -> s.check().equals(finding.checkId()) && finding.ruleIds().contains(s.rule()))
                .filter(s -> !s.expiredOn(context.today()))
                .findFirst();
    }
}
