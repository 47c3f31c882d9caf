package dev.ztc.drift.report;

import dev.ztc.drift.DriftReport;
import dev.ztc.emit.Templates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The history file: each run adds one line after its reports are in place; a line cut short or edited by hand is
 * skipped and counted, not fatal; the trend shows the last runs, this one last; and a run whose reports cannot be
 * written leaves the history as it was.
 */
class DriftHistoryTest {

    @TempDir
    Path temp;

    @Test
    void eachRunAppendsOneLineThatReadsBackAsItWasWritten() throws Exception {
        Path reports = temp.resolve("reports");
        Path history = reports.resolve("drift-history.jsonl");
        for (DriftReport report : List.of(SampleReports.clean(), SampleReports.mixed())) {
            ReportWriter.write(Map.of(), reports, history, ReportWriter.readHistory(history), HistoryEntry.of(report));
        }
        DriftHistory.Loaded loaded = DriftHistory.parse(Files.readString(history));
        assertThat(loaded.skippedLines()).isZero();
        assertThat(loaded.entries()).containsExactly(HistoryEntry.of(SampleReports.clean()), HistoryEntry.of(SampleReports.mixed()));
        HistoryEntry mixed = loaded.entries().get(1);
        assertThat(mixed.exitCode()).isEqualTo(2);
        assertThat(mixed.layers().get("network").kinds()).containsEntry("changed", 2L).containsEntry("unmanaged", 1L);
        // the suppressed change and the unmanaged group do not count
        assertThat(mixed.layers().get("network").counting()).isEqualTo(3);
        assertThat(mixed.anyUnknown()).isTrue();
        assertThat(Files.readString(history)).endsWith("}\n").doesNotContain("\n\n");
    }

    @Test
    void aCutOrEditedLineIsSkippedAndCountedAndTheNextLineStartsOnItsOwn() throws Exception {
        Path history = temp.resolve("h.jsonl");
        String good = DriftHistory.line(HistoryEntry.of(SampleReports.clean()));
        String before = good + "not json\n" + "{\"readAt\":\"yesterday\",\"layers\":{}}\n" + good.substring(0, 30);
        ReportWriter.write(Map.of(), temp, history, before, HistoryEntry.of(SampleReports.mixed()));
        DriftHistory.Loaded loaded = DriftHistory.parse(Files.readString(history));
        assertThat(loaded.entries()).hasSize(2);
        assertThat(loaded.skippedLines()).isEqualTo(3);
        assertThat(loaded.entries().get(1).exitCode()).isEqualTo(2);
        String html = DriftFormat.HTML.render(Templates.builtIn(),
                new ReportInput(SampleReports.mixed(), loaded.entries(), loaded.skippedLines(), SampleReports.dataRules()));
        assertThat(html).contains("3 unreadable line(s) of the history file were skipped");
    }

    @Test
    void theTrendShowsTheLastRunsThisOneLast() {
        List<HistoryEntry> past = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Instant at = Instant.parse("2026-10-01T00:00:00Z").plusSeconds(86_400L * i);
            past.add(HistoryEntry.of(new DriftReport("p", "r" + i, at, List.of())));
        }
        ReportInput input = new ReportInput(SampleReports.mixed(), past, 0, SampleReports.dataRules());
        List<HistoryEntry> trend = input.trend();
        assertThat(trend).hasSize(ReportInput.TREND_RUNS);
        assertThat(trend.get(0).revision()).isEqualTo("r11");
        assertThat(trend.get(trend.size() - 1)).isEqualTo(HistoryEntry.of(SampleReports.mixed()));
        Charts.Trend chart = Charts.trend(trend);
        assertThat(chart.dots()).hasSize(ReportInput.TREND_RUNS);
        assertThat(chart.dots().get(trend.size() - 1).status()).isEqualTo("unknown");
        // the highest point is this run's three drifting items; the earlier empty runs lie on the base line
        assertThat(chart.dots().get(trend.size() - 1).y()).isLessThan(chart.dots().get(0).y());
        assertThat(chart.max()).isEqualTo(3);
    }

    @Test
    void aRunWhoseReportsCannotBeWrittenLeavesTheHistoryAsItWas() throws Exception {
        Path history = temp.resolve("h.jsonl");
        String before = DriftHistory.line(HistoryEntry.of(SampleReports.clean()));
        Files.writeString(history, before);
        Path notADirectory = Files.writeString(temp.resolve("file"), "x");
        Map<DriftFormat, String> rendered = new EnumMap<>(DriftFormat.class);
        rendered.put(DriftFormat.TEXT, "t");
        assertThatThrownBy(() -> ReportWriter.write(rendered, notADirectory.resolve("reports"), history, before,
                HistoryEntry.of(SampleReports.mixed()))).isInstanceOf(IOException.class);
        assertThat(Files.readString(history)).isEqualTo(before);
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("h.jsonl", "file");
        }
    }
}
