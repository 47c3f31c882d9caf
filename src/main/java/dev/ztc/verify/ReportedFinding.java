package dev.ztc.verify;

import dev.ztc.model.Suppression;

import java.util.Optional;

/** A finding as reported: suppressed findings stay visible, with the suppression that accepted them. */
public record ReportedFinding(Finding finding, Optional<Suppression> suppression) implements Comparable<ReportedFinding> {

    public boolean suppressed() {
        return suppression.isPresent();
    }

    @Override
    public int compareTo(ReportedFinding other) {
        return finding.compareTo(other.finding);
    }
}
