package dev.ztc.drift.report;

import dev.ztc.drift.DriftReport;

import java.util.List;
import java.util.Set;

/**
 * What every report format renders: this run, the runs before it (oldest first, from the history file) and the
 * matrix rules that protect data stores (their drift also counts for the CISA Data pillar). Nothing else: the
 * same input renders the same bytes.
 */
public record ReportInput(DriftReport report, List<HistoryEntry> history, int skippedHistoryLines, Set<String> dataRules) {

    /** How many runs the trend shows, this one included. */
    public static final int TREND_RUNS = 30;

    public ReportInput {
        history = List.copyOf(history);
        dataRules = Set.copyOf(dataRules);
    }

    public static ReportInput of(DriftReport report) {
        return new ReportInput(report, List.of(), 0, Set.of());
    }

    /** The last {@link #TREND_RUNS} runs, this one last. */
    public List<HistoryEntry> trend() {
        List<HistoryEntry> all = new java.util.ArrayList<>(history);
        all.add(HistoryEntry.of(report));
        return List.copyOf(all.subList(Math.max(0, all.size() - TREND_RUNS), all.size()));
    }
}
