package dev.ztc.drift;

import java.util.Locale;

/**
 * How a live object differs from the compiled intent. Each kind is also the {@code check} a {@code ztc.yaml}
 * suppression names to accept it on one matrix rule ({@code drift-missing}, {@code drift-unexpected},
 * {@code drift-changed}).
 */
public enum DriftKind {
    /** Intended, not live: an enforcement ztc generated is gone (or was never applied). */
    MISSING,
    /** Live and owned by ztc (its tags or naming), not intended: e.g. a rule added by hand in the console. */
    UNEXPECTED,
    /** On both sides, with fields that differ. */
    CHANGED,
    /** Live, in scope (the VPC, the tenant), not owned by ztc: listed, never judged as drift. */
    UNMANAGED;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The id a suppression names: {@code drift-missing}, ... */
    public String checkId() {
        return "drift-" + label();
    }

    /** Whether this kind makes the run exit 1. Unmanaged objects are reported, not judged. */
    public boolean isDrift() {
        return this != UNMANAGED;
    }
}
