package dev.ztc.verify;

import dev.ztc.diag.SourceLocation;

import java.util.Comparator;
import java.util.List;

/**
 * One problem a check found. {@code location} is the matrix rule or inventory element responsible (where the
 * user fixes it); {@code ruleIds} the matrix rules involved, sorted (suppressions match on them);
 * {@code artifact} the generated file and element it was seen in, or empty.
 */
public record Finding(String checkId, Severity severity, SourceLocation location, List<String> ruleIds, String message,
                      String artifact) implements Comparable<Finding> {

    private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::location)
            .thenComparing(Finding::checkId)
            .thenComparing(f -> String.join(",", f.ruleIds()))
            .thenComparing(Finding::message)
            .thenComparing(Finding::artifact);

    public Finding {
        ruleIds = ruleIds.stream().sorted().distinct().toList();
        artifact = artifact == null ? "" : artifact;
    }

    @Override
    public int compareTo(Finding other) {
        return ORDER.compare(this, other);
    }
}
