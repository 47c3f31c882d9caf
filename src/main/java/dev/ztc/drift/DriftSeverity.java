package dev.ztc.drift;

import dev.ztc.model.Sensitivity;

import java.util.Locale;

/**
 * How much a drift matters. It follows the sensitivity of the most sensitive asset the object's matrix rules
 * protect; a drift that names no rule (an unexpected object without ztc provenance) is {@link #HIGH}: nobody
 * can say what it exposes. Ordered from most to least severe.
 */
public enum DriftSeverity {
    CRITICAL, HIGH, MEDIUM, LOW;

    public static DriftSeverity of(Sensitivity sensitivity) {
        return switch (sensitivity) {
            case RESTRICTED -> CRITICAL;
            case CONFIDENTIAL -> HIGH;
            case INTERNAL -> MEDIUM;
            case PUBLIC -> LOW;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
