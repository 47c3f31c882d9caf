package dev.ztc.diag;

import java.util.ArrayList;
import java.util.List;

/** Collects every input problem of a run, so that the user sees them all at once. */
public final class Diagnostics {

    /** Past this many, the report ends with one ZTC-E199 line: the rest are usually consequences. */
    public static final int LIMIT = 200;

    private final List<Diagnostic> all = new ArrayList<>();

    public void error(SourceLocation location, ErrorCode code, String message) {
        all.add(Diagnostic.error(location, code, message));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    public int count() {
        return all.size();
    }

    /** Sorted by place, de-duplicated, cut at {@link #LIMIT}. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> sorted = all.stream().distinct().sorted().toList();
        if (sorted.size() <= LIMIT) {
            return sorted;
        }
        List<Diagnostic> cut = new ArrayList<>(sorted.subList(0, LIMIT));
        cut.add(Diagnostic.error(sorted.get(LIMIT).location(), ErrorCode.TOO_MANY_ERRORS,
                (sorted.size() - LIMIT) + " more problems not shown"));
        return List.copyOf(cut);
    }

    /** Throws when any error was collected; call between stages. */
    public void throwIfErrors() throws InputException {
        if (hasErrors()) {
            throw new InputException(sorted());
        }
    }
}
