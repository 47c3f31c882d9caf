package dev.ztc.model;

import java.util.Locale;
import java.util.Optional;

/** Sign-in risk as identity providers grade it; {@code risk: low} means "at most low". */
public enum Risk {
    NONE, LOW, MEDIUM, HIGH;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Risk> parse(String text) {
        for (Risk r : values()) {
            if (r.label().equals(text)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
