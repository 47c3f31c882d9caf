package dev.ztc.model;

import java.util.Locale;

/** How much harm a breach of the asset does; drives severities in verify and drift. */
public enum Sensitivity {
    PUBLIC, INTERNAL, CONFIDENTIAL, RESTRICTED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
