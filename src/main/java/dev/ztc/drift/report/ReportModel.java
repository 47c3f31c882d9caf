package dev.ztc.drift.report;

import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.LayerDrift;
import dev.ztc.model.EnforcementLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the HTML and Markdown templates print, prepared in full: every label, count, sorted list and chart
 * coordinate is decided here; the templates loop and print, and their output format escapes every value.
 */
public record ReportModel(String project, String revision, String readAt, String status, int exitCode, String exitMeaning,
                          List<Count> byKind, List<Count> bySeverity, long suppressed, List<Note> unknownLayers,
                          List<Note> notChecked, List<Charts.Chart> layerCharts, List<Charts.Chart> pillarCharts,
                          Charts.Trend trend, List<LayerTable> layers, int skippedHistoryLines) {

    public record Count(String label, long count) {
    }

    public record Note(String name, String why) {
    }

    /** A checked layer's table; {@code rows} empty and {@code unknownBecause} set when it could not be read. */
    public record LayerTable(String layer, String status, String sources, int intended, int live, String unknownBecause,
                             List<Row> rows) {
    }

    public record Row(String kind, String checkId, String severity, String object, String rules, List<Change> changes,
                      String suppression, boolean counts) {
    }

    public record Change(String field, String intended, String live) {
    }

    public static ReportModel of(ReportInput input) {
        DriftReport report = input.report();
        List<Note> unknown = new ArrayList<>();
        List<Note> notChecked = new ArrayList<>();
        List<Charts.Chart> layerCharts = new ArrayList<>();
        for (DriftSummary.Row row : DriftSummary.layers(report)) {
            if (row.status().equals("unknown")) {
                unknown.add(new Note(row.name(), row.note()));
            } else if (row.status().equals(DriftSummary.NOT_CHECKED)) {
                notChecked.add(new Note(row.name(), row.note()));
            }
            layerCharts.add(Charts.bars(row));
        }
        List<LayerTable> tables = new ArrayList<>();
        for (EnforcementLayer layer : EnforcementLayer.values()) {
            DriftSummary.layer(report, layer).ifPresent(l -> tables.add(table(l)));
        }
        return new ReportModel(report.project(), report.revision(), report.readAt().toString(), DriftSummary.status(report),
                report.exitCode(), DriftSummary.exitMeaning(report), counts(DriftSummary.byKind(report)),
                counts(DriftSummary.bySeverity(report)), DriftSummary.suppressed(report), unknown, notChecked, layerCharts,
                DriftSummary.pillars(input).stream().map(Charts::bars).toList(), Charts.trend(input.trend()), tables,
                input.skippedHistoryLines());
    }

    private static LayerTable table(LayerDrift layer) {
        List<Row> rows = new ArrayList<>();
        for (DriftItem item : layer.items()) {
            List<Change> changes = item.changes().stream().map(c -> new Change(c.field(), shown(c.intended()), shown(c.live()))).toList();
            String suppression = item.suppressedBy().map(s -> s.check() + " on " + s.rule() + ": " + s.reason()
                    + s.expires().map(d -> " (until " + d + ")").orElse("")).orElse("");
            rows.add(new Row(item.kind().label(), item.kind().checkId(), item.severity().label(), item.objectId(),
                    item.ruleIds().isEmpty() ? "(none)" : String.join(", ", item.ruleIds()), changes, suppression, item.counts()));
        }
        return new LayerTable(layer.layer().label(), HistoryEntry.statusLabel(layer.status()), String.join(", ", layer.sources()),
                layer.intended(), layer.live(), layer.unknownBecause().orElse(""), rows);
    }

    /** The model's empty string means "absent"; a reader should see that, not a blank. */
    private static String shown(String value) {
        return value.isEmpty() ? "(absent)" : value;
    }

    private static List<Count> counts(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
    }
}
