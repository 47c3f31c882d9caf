package dev.ztc.drift.report;

import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.FieldChange;
import dev.ztc.drift.LayerDrift;

import dev.ztc.model.EnforcementLayer;

import java.util.Locale;
import java.util.stream.Collectors;

/**
 * For a terminal: a status line, a line per layer, then one line per item ({@code layer: kind severity object
 * [rules] field: 'intended' -> 'live'}). Control characters from live data are shown as {@code \\uXXXX}, so a
 * hostile name cannot move the cursor or fake a line.
 */
public final class TextReport {

    private TextReport() {
    }

    public static String render(ReportInput input) {
        DriftReport report = input.report();
        StringBuilder out = new StringBuilder();
        out.append("ztc drift ").append(clean(report.project())).append(" (intent revision ").append(clean(report.revision()))
                .append(", read at ").append(report.readAt()).append("): ").append(DriftSummary.status(report))
                .append(" (").append(DriftSummary.exitMeaning(report)).append(")\n");
        java.util.List<DriftSummary.Row> rows = DriftSummary.layers(report);
        for (EnforcementLayer layer : EnforcementLayer.values()) {
            DriftSummary.Row row = rows.get(layer.ordinal());
            out.append(String.format(Locale.ROOT, "  %-19s %-13s", row.name(), row.status()));
            DriftSummary.layer(report, layer).ifPresentOrElse(l -> out.append(layerLine(l, row)), () -> out.append(row.note()));
            out.append('\n');
        }
        for (DriftItem item : DriftSummary.items(report)) {
            out.append(item.layer().label()).append(": ").append(item.kind().label()).append(' ').append(item.severity().label())
                    .append(' ').append(clean(item.objectId())).append(" [").append(clean(String.join(", ", item.ruleIds()))).append(']');
            for (FieldChange change : item.changes()) {
                out.append(' ').append(clean(change.field())).append(": '").append(clean(change.intended())).append("' -> '")
                        .append(clean(change.live())).append('\'');
            }
            item.suppressedBy().ifPresent(s -> out.append(" (suppressed by ").append(s.check()).append(' ').append(clean(s.rule()))
                    .append(": ").append(clean(s.reason())).append(')'));
            out.append('\n');
        }
        return out.toString();
    }

    private static String layerLine(LayerDrift layer, DriftSummary.Row row) {
        if (layer.unknownBecause().isPresent()) {
            return clean(layer.unknownBecause().get());
        }
        String kinds = row.kinds().entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        return "intended " + layer.intended() + ", live " + layer.live() + ": " + kinds
                + (row.suppressed() > 0 ? " (" + row.suppressed() + " suppressed)" : "")
                + " from " + clean(String.join(", ", layer.sources()));
    }

    /** Printable as it is, except control characters (and the Unicode line separators), spelt as escapes. */
    static String clean(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0x202e) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
