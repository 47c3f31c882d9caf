package dev.ztc.verify;

import java.util.List;

/**
 * The outcome of one verify (or plan-check) run: the checks that ran (in id order), every finding (suppressed ones
 * included, sorted), the coverage table and the compliance summary. {@code command} names the run in the reports'
 * titles and summaries ({@code verify}, {@code plan-check}). {@code projectDir} is the project directory as the
 * user typed it; finding locations are already relative to where ztc was started.
 */
public record VerifyReport(String command, String projectDir, List<CheckDeclaration> checks,
                           List<ReportedFinding> findings, Coverage coverage, Compliance compliance) {

    public VerifyReport {
        checks = List.copyOf(checks);
        findings = List.copyOf(findings);
    }

    /** A verify run's report. */
    public VerifyReport(String projectDir, List<? extends CheckDeclaration> checks, List<ReportedFinding> findings,
                        Coverage coverage, Compliance compliance) {
        this("verify", projectDir, List.<CheckDeclaration>copyOf(checks), findings, coverage, compliance);
    }

    /** Findings at or above {@code threshold} that no suppression accepts: what {@code --fail-on} counts. */
    public long failing(Severity threshold) {
        return findings.stream().filter(f -> !f.suppressed() && f.finding().severity().atLeast(threshold)).count();
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> !f.suppressed() && f.finding().severity() == severity).count();
    }

    public long suppressedCount() {
        return findings.stream().filter(ReportedFinding::suppressed).count();
    }
}
