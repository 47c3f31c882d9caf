package dev.ztc.verify.format;

import dev.ztc.diag.DisplayPaths;
import dev.ztc.emit.MarkdownOutputFormat;
import dev.ztc.model.Condition;
import dev.ztc.verify.Compliance;
import dev.ztc.verify.Coverage;
import dev.ztc.verify.Finding;
import dev.ztc.verify.ReportedFinding;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;

import java.util.List;

/** A summary fit for a pull-request comment: counts, the findings, the coverage table and the compliance summary. */
final class MarkdownReport {

    private MarkdownReport() {
    }

    static String render(VerifyReport report) {
        StringBuilder out = new StringBuilder();
        long errors = report.count(Severity.ERROR);
        out.append("## ztc ").append(report.command()).append(": ").append(errors == 0 ? "passed" : "failed").append("\n\n");
        out.append("| checks | errors | warnings | notes | suppressed |\n|---:|---:|---:|---:|---:|\n");
        out.append("| ").append(report.checks().size()).append(" | ").append(errors).append(" | ")
                .append(report.count(Severity.WARNING)).append(" | ").append(report.count(Severity.INFO)).append(" | ")
                .append(report.suppressedCount()).append(" |\n\n");

        out.append("### Findings\n\n");
        if (report.findings().isEmpty()) {
            out.append("None.\n\n");
        } else {
            out.append("| severity | check | where | rules | message |\n|---|---|---|---|---|\n");
            for (ReportedFinding r : report.findings()) {
                Finding f = r.finding();
                String severity = r.suppressed() ? "suppressed " + f.severity().label() : f.severity().label();
                String message = f.message() + r.suppression().map(s -> " — suppressed: " + s.reason()).orElse("");
                out.append("| ").append(severity).append(" | [").append(f.checkId()).append("](docs/checks/")
                        .append(f.checkId()).append(".md) | `").append(code(DisplayPaths.relative(f.location().file()) + ":"
                        + f.location().line())).append("` | ").append(cell(String.join(", ", f.ruleIds()))).append(" | ")
                        .append(cell(message)).append(" |\n");
            }
            out.append('\n');
        }

        out.append("### Enforcement coverage\n\nPer rule, the layers that realize it and, per condition, the layers that"
                + " enforce it (**none**: no generated artifact does).\n\n");
        out.append("| rule | layers |");
        for (Condition c : Condition.values()) {
            out.append(' ').append(c.label()).append(" |");
        }
        out.append("\n|---|---|").append("---|".repeat(Condition.values().length)).append('\n');
        for (Coverage.Row row : report.coverage().rows()) {
            out.append("| ").append(cell(row.ruleId())).append(" | ").append(cell(String.join(", ", row.layers()))).append(" |");
            for (Condition c : Condition.values()) {
                List<String> by = row.conditions().get(c.label());
                out.append(' ').append(by == null ? "" : by.isEmpty() ? "**none**" : cell(String.join(", ", by))).append(" |");
            }
            out.append('\n');
        }
        out.append("\n### Compliance\n\n");
        table(out, "CISA ZTMM pillar", report.compliance().pillars());
        table(out, "NIST SP 800-207 tenet", report.compliance().tenets());
        return out.toString();
    }

    private static void table(StringBuilder out, String title, List<Compliance.Line> lines) {
        out.append("| ").append(title).append(" | checks | passed | failed |\n|---|---:|---:|---|\n");
        for (Compliance.Line line : lines) {
            out.append("| ").append(cell(line.name())).append(" | ").append(line.run()).append(" | ").append(line.passed())
                    .append(" | ").append(line.failed()).append(line.failedChecks().isEmpty() ? "" : " (" + String.join(", ", line.failedChecks()) + ")")
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String cell(String text) {
        return MarkdownOutputFormat.escape(text);
    }

    private static String code(String text) {
        return text.replace("`", "'").replace("\n", " ");
    }
}
