package dev.ztc.drift;

import java.util.Locale;

/**
 * How a live object differs from the compiled intent. Each drift kind has a check id in verify's numbering (the
 * ZT6xx block is drift's) that a {@code ztc.yaml} suppression names to accept it on one matrix rule:
 * ZT601 missing, ZT602 unexpected, ZT603 changed.
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

    /** The id a suppression names; unmanaged objects are never judged, so they have none to suppress. */
    public String checkId() {
        return switch (this) {
            case MISSING -> "ZT601";
            case UNEXPECTED -> "ZT602";
            case CHANGED -> "ZT603";
            case UNMANAGED -> "";
        };
    }

    /** Whether this kind makes the run exit 1. Unmanaged objects are reported, not judged. */
    public boolean isDrift() {
        return this != UNMANAGED;
    }
}
