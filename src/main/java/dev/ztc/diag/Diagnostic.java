package dev.ztc.diag;

import java.util.Comparator;

/** One input problem: a stable code, a place, and a one-line message in the user's vocabulary. */
public record Diagnostic(SourceLocation location, Severity severity, ErrorCode code, String message)
        implements Comparable<Diagnostic> {

    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparing(Diagnostic::location)
            .thenComparing(Diagnostic::code)
            .thenComparing(Diagnostic::message);

    public static Diagnostic error(SourceLocation location, ErrorCode code, String message) {
        return new Diagnostic(location, Severity.ERROR, code, message);
    }

    /** {@code inventory.yaml:12:7: error: unknown segment 'nowhere' (ZTC-E105)}. */
    public String format() {
        return location + ": " + severity.label() + ": " + message + " (" + code.id() + ")";
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return format();
    }
}
