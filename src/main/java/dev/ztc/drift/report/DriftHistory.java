package dev.ztc.drift.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The history file beside the reports: one JSON object per line, one line per run, oldest first. A line that does
 * not parse (a file cut short by a crash elsewhere, a hand edit) is skipped and counted, never fatal: the trend is
 * a convenience, the current report is what matters.
 */
public final class DriftHistory {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a history file held: the runs it could read and how many lines it could not. */
    public record Loaded(List<HistoryEntry> entries, int skippedLines) {

        public Loaded {
            entries = List.copyOf(entries);
        }

        public static Loaded empty() {
            return new Loaded(List.of(), 0);
        }
    }

    private DriftHistory() {
    }

    public static Loaded parse(String text) {
        List<HistoryEntry> entries = new ArrayList<>();
        int skipped = 0;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(entry(JSON.readTree(line)));
            } catch (IOException | RuntimeException e) {
                skipped++;
            }
        }
        return new Loaded(entries, skipped);
    }

    /** One line, keys in a fixed order, ending in a newline. */
    public static String line(HistoryEntry entry) {
        ObjectNode node = JSON.createObjectNode();
        node.put("readAt", entry.readAt().toString());
        node.put("revision", entry.revision());
        node.put("exitCode", entry.exitCode());
        ObjectNode layers = node.putObject("layers");
        entry.layers().forEach((name, counts) -> {
            ObjectNode layer = layers.putObject(name);
            layer.put("status", counts.status());
            counts.kinds().forEach(layer::put);
            layer.put("counting", counts.counting());
        });
        try {
            return JSON.writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HistoryEntry entry(JsonNode node) {
        if (!node.isObject() || !node.path("readAt").isTextual() || !node.path("layers").isObject()) {
            throw new IllegalArgumentException("not a history entry");
        }
        Instant readAt;
        try {
            readAt = Instant.parse(node.path("readAt").asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(e);
        }
        Map<String, HistoryEntry.LayerCounts> layers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("layers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> layer = it.next();
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (String kind : HistoryEntry.kindLabels()) {
                kinds.put(kind, layer.getValue().path(kind).asLong(0));
            }
            layers.put(layer.getKey(), new HistoryEntry.LayerCounts(layer.getValue().path("status").asText("unknown"), kinds,
                    layer.getValue().path("counting").asLong(0)));
        }
        return new HistoryEntry(readAt, node.path("revision").asText(""), node.path("exitCode").asInt(2), layers);
    }
}
