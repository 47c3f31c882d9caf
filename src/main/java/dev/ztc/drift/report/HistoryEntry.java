package dev.ztc.drift.report;

import dev.ztc.drift.DriftKind;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.LayerDrift;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One past run as the history file keeps it: when, against which compiled intent, the exit code, and per layer its
 * status and how many items of each kind (suppressed ones included; {@code counting} is what made it drift).
 */
public record HistoryEntry(Instant readAt, String revision, int exitCode, Map<String, LayerCounts> layers) {

    public HistoryEntry {
        layers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(layers));
    }

    /** A layer of one run: status label ({@code in-sync}, {@code drifted}, {@code unknown}) and counts by kind label. */
    public record LayerCounts(String status, Map<String, Long> kinds, long counting) {

        public LayerCounts {
            kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        }
    }

    public static HistoryEntry of(DriftReport report) {
        Map<String, LayerCounts> layers = new LinkedHashMap<>();
        for (LayerDrift layer : report.layers()) {
            Map<String, Long> kinds = new LinkedHashMap<>();
            for (DriftKind kind : DriftKind.values()) {
                kinds.put(kind.label(), layer.count(kind));
            }
            long counting = layer.items().stream().filter(i -> i.counts()).count();
            layers.put(layer.layer().label(), new LayerCounts(statusLabel(layer.status()), kinds, counting));
        }
        return new HistoryEntry(report.readAt(), report.revision(), report.exitCode(), layers);
    }

    /** Items that made the run drift, over every layer: the trend's measure. */
    public long counting() {
        return layers.values().stream().mapToLong(LayerCounts::counting).sum();
    }

    public boolean anyUnknown() {
        return layers.values().stream().anyMatch(l -> l.status().equals("unknown"));
    }

    static String statusLabel(LayerDrift.Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static List<String> kindLabels() {
        return Arrays.stream(DriftKind.values()).map(DriftKind::label).toList();
    }
}
