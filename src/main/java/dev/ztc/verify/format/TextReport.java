package dev.ztc.verify.format;

import dev.ztc.verify.Finding;
import dev.ztc.verify.ReportedFinding;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;

/** {@code file:line:col: severity: ZT###: message}, one finding a line, then a one-line count. */
final class TextReport {

    private TextReport() {
    }

    static String render(VerifyReport report) {
        StringBuilder out = new StringBuilder();
        for (ReportedFinding reported : report.findings()) {
            Finding f = reported.finding();
            out.append(f.location()).append(": ").append(f.severity().label()).append(": ").append(f.checkId())
                    .append(": ").append(f.message());
            if (!f.artifact().isEmpty()) {
                out.append(" [").append(f.artifact()).append(']');
            }
            reported.suppression().ifPresent(s -> out.append(" (suppressed: ").append(s.reason()).append(')'));
            out.append('\n');
        }
        out.append(summary(report)).append('\n');
        return out.toString();
    }

    static String summary(VerifyReport report) {
        return report.command() + ": " + report.checks().size() + " checks, " + report.count(Severity.ERROR) + " errors, "
                + report.count(Severity.WARNING) + " warnings, " + report.count(Severity.INFO) + " notes, "
                + report.suppressedCount() + " suppressed";
    }
}
