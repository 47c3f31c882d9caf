package dev.ztc.drift.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.FieldChange;
import dev.ztc.drift.LayerDrift;
import dev.ztc.model.Suppression;

import java.util.Map;

/**
 * Every field of the model, keys in a fixed order (built node by node, not by reflection, so that a new record
 * component cannot reorder the output), plus the summary the other formats show and the trend. Jackson does the
 * escaping.
 */
public final class JsonReport {

    private static final ObjectMapper JSON = new ObjectMapper();
    // "\n" whatever the platform: the same report gives the same bytes everywhere
    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n")).withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonReport() {
    }

    public static String render(ReportInput input) {
        DriftReport report = input.report();
        ObjectNode root = JSON.createObjectNode();
        root.put("project", report.project());
        root.put("revision", report.revision());
        root.put("readAt", report.readAt().toString());
        root.put("status", DriftSummary.status(report));
        root.put("exitCode", report.exitCode());
        root.put("exitMeaning", DriftSummary.exitMeaning(report));
        ObjectNode summary = root.putObject("summary");
        counts(summary.putObject("byKind"), DriftSummary.byKind(report));
        counts(summary.putObject("bySeverity"), DriftSummary.bySeverity(report));
        summary.put("suppressed", DriftSummary.suppressed(report));
        ArrayNode pillars = summary.putArray("pillars");
        DriftSummary.pillars(input).forEach(row -> row(pillars.addObject(), row));
        ArrayNode notChecked = summary.putArray("notChecked");
        DriftSummary.layers(report).stream().filter(r -> r.status().equals(DriftSummary.NOT_CHECKED))
                .forEach(r -> notChecked.add(r.name()));
        ArrayNode layers = root.putArray("layers");
        report.layers().forEach(layer -> layer(layers.addObject(), layer));
        ArrayNode trend = root.putArray("trend");
        input.trend().forEach(entry -> {
            ObjectNode run = trend.addObject();
            run.put("readAt", entry.readAt().toString());
            run.put("revision", entry.revision());
            run.put("exitCode", entry.exitCode());
            run.put("counting", entry.counting());
        });
        try {
            return JSON.writer(PRETTY).writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void layer(ObjectNode node, LayerDrift layer) {
        node.put("layer", layer.layer().label());
        node.put("status", HistoryEntry.statusLabel(layer.status()));
        ArrayNode sources = node.putArray("sources");
        layer.sources().forEach(sources::add);
        node.put("intended", layer.intended());
        node.put("live", layer.live());
        if (layer.unknownBecause().isPresent()) {
            node.put("unknownBecause", layer.unknownBecause().get());
        } else {
            node.putNull("unknownBecause");
        }
        ArrayNode items = node.putArray("items");
        layer.items().forEach(item -> item(items.addObject(), item));
    }

    private static void item(ObjectNode node, DriftItem item) {
        node.put("layer", item.layer().label());
        node.put("kind", item.kind().label());
        node.put("checkId", item.kind().checkId());
        node.put("objectKind", item.objectKind());
        node.put("key", item.key());
        node.put("object", item.objectId());
        ArrayNode rules = node.putArray("ruleIds");
        item.ruleIds().forEach(rules::add);
        node.put("severity", item.severity().label());
        node.put("counts", item.counts());
        ArrayNode changes = node.putArray("changes");
        for (FieldChange change : item.changes()) {
            ObjectNode c = changes.addObject();
            c.put("field", change.field());
            c.put("intended", change.intended());
            c.put("live", change.live());
        }
        if (item.suppressedBy().isPresent()) {
            Suppression s = item.suppressedBy().get();
            ObjectNode suppressed = node.putObject("suppressedBy");
            suppressed.put("check", s.check());
            suppressed.put("rule", s.rule());
            suppressed.put("reason", s.reason());
            if (s.expires().isPresent()) {
                suppressed.put("expires", s.expires().get().toString());
            } else {
                suppressed.putNull("expires");
            }
            suppressed.put("at", s.at().toString());
        } else {
            node.putNull("suppressedBy");
        }
    }

    private static void row(ObjectNode node, DriftSummary.Row row) {
        node.put("name", row.name());
        node.put("status", row.status());
        counts(node.putObject("byKind"), row.kinds());
        node.put("counting", row.counting());
        node.put("suppressed", row.suppressed());
    }

    private static void counts(ObjectNode node, Map<String, Long> counts) {
        counts.forEach(node::put);
    }
}
