package dev.ztc.validate;

/** What one enforcement point does with a request; a layer that cannot judge it says so, never "allow". */
public enum Verdict {
    ALLOW, DENY, NOT_APPLICABLE;

    public String label() {
        return this == NOT_APPLICABLE ? "n/a" : name().toLowerCase(java.util.Locale.ROOT);
    }
}
