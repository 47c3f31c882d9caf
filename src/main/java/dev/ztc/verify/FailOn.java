package dev.ztc.verify;

import java.util.Locale;
import java.util.Optional;

/** {@code --fail-on} / {@code <failOn>}: which unsuppressed findings fail a run of verify or plan-check. */
public enum FailOn {
    ERROR, WARNING, NEVER;

    /** {@code error}, {@code warning} or {@code never}; anything else is empty, for the caller to name in its words. */
    public static Optional<FailOn> parse(String text) {
        for (FailOn value : values()) {
            if (value.label().equals(text)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** How many findings of {@code report} fail the run. */
    public long failing(VerifyReport report) {
        return switch (this) {
            case ERROR -> report.failing(Severity.ERROR);
            case WARNING -> report.failing(Severity.WARNING);
            case NEVER -> 0;
        };
    }
}
