package dev.ztc.drift.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts a run's reports in place, then its history line. Every file is written aside and moved over the old one, so
 * a reader never sees half a report; the history file is rewritten the same way (what it held before, plus one
 * line) and only after every report is in place, so a run that fails to write its reports leaves no trace in the
 * trend, and a crash can never leave the history cut mid-line.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** Writes {@code rendered} into {@code reportDir} and appends {@code entry} to {@code historyBefore}; returns what it wrote. */
    public static List<Path> write(Map<DriftFormat, String> rendered, Path reportDir, Path historyFile, String historyBefore,
                                   HistoryEntry entry) throws IOException {
        Files.createDirectories(reportDir);
        String before = historyBefore.isEmpty() || historyBefore.endsWith("\n") ? historyBefore : historyBefore + "\n";
        Files.createDirectories(historyFile.toAbsolutePath().getParent());
        // every file aside first: a report that cannot be written stops the run before anything is replaced
        Map<Path, Path> asides = new LinkedHashMap<>();
        try {
            for (Map.Entry<DriftFormat, String> report : rendered.entrySet()) {
                Path target = reportDir.resolve(report.getKey().fileName()).toAbsolutePath();
                asides.put(target, aside(target, report.getValue()));
            }
            Path history = historyFile.toAbsolutePath();
            asides.put(history, aside(history, before + DriftHistory.line(entry)));
            // the history line moves last, after every report is in place
            for (Map.Entry<Path, Path> move : asides.entrySet()) {
                moveOver(move.getValue(), move.getKey());
            }
        } finally {
            for (Path aside : asides.values()) {
                Files.deleteIfExists(aside);
            }
        }
        return new ArrayList<>(asides.keySet());
    }

    /** The history as it stands; none yet is empty. */
    public static String readHistory(Path historyFile) throws IOException {
        return Files.isRegularFile(historyFile) ? Files.readString(historyFile, StandardCharsets.UTF_8) : "";
    }

    private static Path aside(Path target, String text) throws IOException {
        Path aside = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        Files.writeString(aside, text, StandardCharsets.UTF_8);
        return aside;
    }

    private static void moveOver(Path aside, Path target) throws IOException {
        try {
            Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
