package dev.ztc.drift.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The geometry of the HTML report's inline SVG charts, computed here so that the template only prints numbers:
 * a bar per drift kind for each layer and pillar, and the trend of drifting items over past runs. Whole pixels,
 * so the same report gives the same bytes.
 */
public final class Charts {

    static final int BAR_AREA = 150;
    static final int LABEL_WIDTH = 84;
    static final int ROW = 22;
    static final int TREND_WIDTH = 1080;
    static final int TREND_HEIGHT = 120;
    private static final int PAD = 14;
    /** Room above the highest point for the "max" label. */
    private static final int TOP = 26;

    /** One chart: a title, its status and note, and a bar per kind. */
    public record Chart(String title, String status, String note, int width, int height, List<Bar> bars) {
    }

    /** One bar: where it is and how long; {@code kind} names its CSS class. */
    public record Bar(String kind, long count, int x, int y, int width, int textY, int countX) {
    }

    /** The trend: a polyline through one dot per run; unknown runs are dots of their own colour. */
    public record Trend(int width, int height, String points, List<Dot> dots, long max, int runs, String first, String last) {
    }

    public record Dot(int x, int y, String status, String title) {
    }

    private Charts() {
    }

    /** No bars where there is nothing to count: a layer not checked, or unknown with no item (zeros would read as "no drift"). */
    public static Chart bars(DriftSummary.Row row) {
        long total = row.kinds().values().stream().mapToLong(Long::longValue).sum();
        if (row.status().equals(DriftSummary.NOT_CHECKED) || (row.status().equals("unknown") && total == 0)) {
            return new Chart(row.name(), row.status(), row.note(), LABEL_WIDTH + BAR_AREA + 40, 0, List.of());
        }
        long max = row.kinds().values().stream().mapToLong(Long::longValue).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Long> kind : row.kinds().entrySet()) {
            int y = 6 + i * ROW;
            int width = max == 0 ? 0 : (int) Math.max(kind.getValue() > 0 ? 3 : 0, kind.getValue() * BAR_AREA / max);
            bars.add(new Bar(kind.getKey(), kind.getValue(), LABEL_WIDTH, y, width, y + 13, LABEL_WIDTH + width + 6));
            i++;
        }
        return new Chart(row.name(), row.status(), row.note(), LABEL_WIDTH + BAR_AREA + 40, 12 + i * ROW, bars);
    }

    /** Empty when there is no run to show (never: this run is always the last). */
    public static Trend trend(List<HistoryEntry> runs) {
        long max = Math.max(1, runs.stream().mapToLong(HistoryEntry::counting).max().orElse(0));
        List<Dot> dots = new ArrayList<>();
        int n = runs.size();
        for (int i = 0; i < n; i++) {
            HistoryEntry run = runs.get(i);
            int x = n == 1 ? TREND_WIDTH / 2 : PAD + i * (TREND_WIDTH - 2 * PAD) / (n - 1);
            int y = TREND_HEIGHT - PAD - (int) (run.counting() * (TREND_HEIGHT - PAD - TOP) / max);
            String status = run.anyUnknown() ? "unknown" : run.counting() > 0 ? "drifted" : "in-sync";
            dots.add(new Dot(x, y, status, run.readAt() + ": " + run.counting() + " drifting, " + status));
        }
        String points = dots.stream().map(d -> d.x() + "," + d.y()).collect(Collectors.joining(" "));
        return new Trend(TREND_WIDTH, TREND_HEIGHT, points, dots, max, n,
                runs.isEmpty() ? "" : runs.get(0).readAt().toString(), runs.isEmpty() ? "" : runs.get(n - 1).readAt().toString());
    }
}
