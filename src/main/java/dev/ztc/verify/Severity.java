package dev.ztc.verify;

import java.util.Locale;

/** How much a finding matters; {@code --fail-on} compares against it. Ordered from most to least severe. */
public enum Severity {
    ERROR("error"), WARNING("warning"), INFO("note");

    private final String sarifLevel;

    Severity(String sarifLevel) {
        this.sarifLevel = sarifLevel;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** SARIF 2.1.0 {@code result.level}: error, warning or note. */
    public String sarifLevel() {
        return sarifLevel;
    }

    /** True when this is at least as severe as {@code threshold}. */
    public boolean atLeast(Severity threshold) {
        return compareTo(threshold) <= 0;
    }
}
