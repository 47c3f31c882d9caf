package dev.ztc.drift.report;

import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftKind;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.DriftSeverity;
import dev.ztc.drift.LayerDrift;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Pillar;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The numbers every format leads with, computed once so that the formats cannot disagree: the run's status and
 * what its exit code means, counts by kind and by severity, every layer (including those nobody was asked to
 * read: "not checked", which is not "unknown") and every CISA pillar.
 */
public final class DriftSummary {

    public static final String NOT_CHECKED = "not-checked";

    /** One layer or pillar: its status label, counts by kind label, and why it is unknown or not checked. */
    public record Row(String name, String status, Map<String, Long> kinds, long counting, long suppressed, String note) {

        public Row {
            kinds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kinds));
        }
    }

    private DriftSummary() {
    }

    public static String status(DriftReport report) {
        return switch (report.exitCode()) {
            case 0 -> "in-sync";
            case 1 -> "drifted";
            default -> "unknown";
        };
    }

    public static String exitMeaning(DriftReport report) {
        return switch (report.exitCode()) {
            case 0 -> "exit 0: every layer checked matches the compiled intent";
            case 1 -> "exit 1: live state differs from the compiled intent";
            default -> "exit 2: a source could not be read, so nothing can be said about its layer";
        };
    }

    /** Counts of every item by kind, over all layers; suppressed items included (they are shown, marked). */
    public static Map<String, Long> byKind(DriftReport report) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (DriftKind kind : DriftKind.values()) {
            out.put(kind.label(), report.layers().stream().mapToLong(l -> l.count(kind)).sum());
        }
        return out;
    }

    /** Counts by severity of the items that make the run drift (unsuppressed drift). */
    public static Map<String, Long> bySeverity(DriftReport report) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (DriftSeverity severity : DriftSeverity.values()) {
            out.put(severity.label(), items(report).stream().filter(DriftItem::counts).filter(i -> i.severity() == severity).count());
        }
        return out;
    }

    public static long suppressed(DriftReport report) {
        return items(report).stream().filter(i -> i.suppressedBy().isPresent()).count();
    }

    public static List<DriftItem> items(DriftReport report) {
        return report.layers().stream().flatMap(l -> l.items().stream()).toList();
    }

    /** Every layer in enum order; one the run did not read is "not checked". */
    public static List<Row> layers(DriftReport report) {
        List<Row> out = new ArrayList<>();
        for (EnforcementLayer layer : EnforcementLayer.values()) {
            Optional<LayerDrift> drift = layer(report, layer);
            if (drift.isEmpty()) {
                out.add(new Row(layer.label(), NOT_CHECKED, zeros(), 0, 0, "no source was asked to read this layer"));
            } else {
                LayerDrift d = drift.get();
                out.add(new Row(layer.label(), HistoryEntry.statusLabel(d.status()), kinds(d.items()),
                        d.items().stream().filter(DriftItem::counts).count(),
                        d.items().stream().filter(i -> i.suppressedBy().isPresent()).count(), d.unknownBecause().orElse("")));
            }
        }
        return out;
    }

    /** Every pillar: unknown when a layer serving it is unknown, drifted when an item of it counts, else in sync. */
    public static List<Row> pillars(ReportInput input) {
        List<Row> out = new ArrayList<>();
        DriftReport report = input.report();
        for (Pillar pillar : Pillar.values()) {
            List<LayerDrift> layers = report.layers().stream()
                    .filter(l -> pillar == Pillar.DATA || Pillar.of(l.layer()).contains(pillar)).toList();
            List<DriftItem> items = items(report).stream().filter(i -> pillars(i, input.dataRules()).contains(pillar)).toList();
            long counting = items.stream().filter(DriftItem::counts).count();
            String status;
            String note = "";
            if (layers.isEmpty()) {
                status = NOT_CHECKED;
                note = "no layer serving it was checked";
            } else if (layers.stream().anyMatch(l -> l.status() == LayerDrift.Status.UNKNOWN)) {
                status = "unknown";
                note = "a layer serving it could not be read";
            } else {
                status = counting > 0 ? "drifted" : "in-sync";
                if (pillar == Pillar.DATA && layers.size() < EnforcementLayer.values().length) {
                    note = "from the layers checked only";
                }
            }
            out.add(new Row(pillar.title(), status, kinds(items), counting,
                    items.stream().filter(i -> i.suppressedBy().isPresent()).count(), note));
        }
        return out;
    }

    public static Optional<LayerDrift> layer(DriftReport report, EnforcementLayer layer) {
        return report.layers().stream().filter(l -> l.layer() == layer).findFirst();
    }

    private static Map<String, Long> kinds(List<DriftItem> items) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (DriftKind kind : DriftKind.values()) {
            out.put(kind.label(), items.stream().filter(i -> i.kind() == kind).count());
        }
        return out;
    }

    private static Map<String, Long> zeros() {
        return kinds(List.of());
    }

    /** The layer's pillars; Data too when the item's matrix rules protect a data store, whatever the layer. */
    static Set<Pillar> pillars(DriftItem item, Set<String> dataRules) {
        Set<Pillar> out = EnumSet.copyOf(Pillar.of(item.layer()));
        if (item.ruleIds().stream().anyMatch(dataRules::contains)) {
            out.add(Pillar.DATA);
        }
        return out;
    }
}
