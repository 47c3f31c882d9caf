package dev.ztc.validate.format;

import dev.ztc.diag.DisplayPaths;
import dev.ztc.diag.SourceLocation;
import dev.ztc.validate.Agreement;
import dev.ztc.validate.LayerJudgement;
import dev.ztc.validate.RequestResult;
import dev.ztc.validate.ValidationCase;
import dev.ztc.validate.ValidationReport;

import java.util.Locale;

/**
 * A table per request: the intent, then each layer's decision, how it stands to the intent, and why. The samples
 * of requests.yaml are always shown, boundary requests only when something fails (all with {@code verbose}).
 * Failures are repeated at the end as {@code file:line:col: error: ...} lines, which editors and CI logs link.
 */
final class TextValidateReport {

    private TextValidateReport() {
    }

    static String render(ValidationReport report, boolean verbose) {
        StringBuilder out = new StringBuilder();
        for (RequestResult r : report.results()) {
            if (verbose || r.request().origin() == ValidationCase.Origin.SAMPLE || r.failing()) {
                table(r, out);
            }
        }
        for (RequestResult r : report.results()) {
            String where = where(r.request().request().location());
            r.expectation().ifPresent(e -> out.append(where).append("error: request '").append(name(r)).append("': ").append(e).append('\n'));
            for (LayerJudgement j : r.contradictions()) {
                out.append(where).append("error: request '").append(name(r)).append("': ").append(j.explanation()).append('\n');
            }
        }
        // an external engine is named, so a reader knows whether opa itself or ztc's stand-in judged the layer
        report.layers().stream().filter(l -> !report.engines().getOrDefault(l, "ztc").equals("ztc"))
                .forEach(l -> out.append(l.label()).append(" judged by ").append(report.engines().get(l)).append('\n'));
        out.append(String.format(Locale.ROOT,
                "ztc validate: %d requests (%d samples, %d boundary), %d failing: %d layer decisions agree, %d n/a, "
                        + "%d cannot see the difference, %d not realized, %d contradict; %d expectations unmet; "
                        + "%d denies no layer enforces%n",
                report.results().size(), report.count(ValidationCase.Origin.SAMPLE), report.count(ValidationCase.Origin.BOUNDARY),
                report.failing(), report.count(Agreement.AGREES), report.count(Agreement.NOT_APPLICABLE),
                report.count(Agreement.BLIND), report.count(Agreement.GAP), report.count(Agreement.CONTRADICTS),
                report.expectationMismatches(), report.unenforcedDenies()));
        return out.toString();
    }

    private static void table(RequestResult r, StringBuilder out) {
        out.append(r.request().origin().label()).append(" '").append(name(r)).append("' (")
                .append(where(r.request().request().location()).replaceFirst(": $", "")).append(")")
                .append(r.request().request().expect().map(e -> ", expect " + e.name().toLowerCase(Locale.ROOT)).orElse(""))
                .append('\n');
        String intent = r.intent().allowed() ? String.join(", ", r.intent().grantedBy()) : String.join("; ", r.intent().reasonTexts());
        row(out, "intent", r.intent().allowed() ? "allow" : "deny", "", intent);
        for (LayerJudgement j : r.layers()) {
            row(out, j.decision().layer().label(), j.decision().verdict().label(),
                    j.agreement() == Agreement.NOT_APPLICABLE ? "" : j.agreement().label(), j.explanation());
        }
        if (r.unenforcedDeny()) {
            out.append("  note: no generated layer enforces this deny\n");
        }
        out.append('\n');
    }

    private static void row(StringBuilder out, String layer, String verdict, String agreement, String why) {
        out.append(String.format(Locale.ROOT, "  %-18s %-5s %-12s %s%n", layer, verdict, agreement, why).stripTrailing()).append('\n');
    }

    private static String name(RequestResult r) {
        return r.request().request().name();
    }

    private static String where(SourceLocation location) {
        return DisplayPaths.relative(location.file()) + ":" + location.line() + ":" + location.column() + ": ";
    }
}
