package dev.ztc.verify;

import dev.ztc.model.Pillar;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Per CISA pillar and per NIST tenet: how many checks ran, passed and failed. A check fails when it has an
 * unsuppressed finding of severity warning or above; notes inform and never fail a check.
 */
public record Compliance(List<Line> pillars, List<Line> tenets) {

    public Compliance {
        pillars = List.copyOf(pillars);
        tenets = List.copyOf(tenets);
    }

    /** {@code name}: "Identity", or "3. Access ... per-session basis"; {@code failedChecks} their ids. */
    public record Line(String name, int run, int passed, int failed, List<String> failedChecks) {
        public Line {
            failedChecks = List.copyOf(failedChecks);
        }
    }

    public static Compliance of(List<? extends CheckDeclaration> checks, List<ReportedFinding> findings) {
        Set<String> failing = new TreeSet<>();
        findings.stream().filter(f -> !f.suppressed() && f.finding().severity().atLeast(Severity.WARNING))
                .forEach(f -> failing.add(f.finding().checkId()));
        List<Line> pillars = new ArrayList<>();
        for (Pillar pillar : Pillar.values()) {
            pillars.add(line(pillar.title(), checks.stream().filter(c -> c.pillar() == pillar).toList(), failing));
        }
        List<Line> tenets = new ArrayList<>();
        for (Tenet tenet : Tenet.values()) {
            tenets.add(line(tenet.number() + ". " + tenet.text(), checks.stream().filter(c -> c.tenet() == tenet).toList(), failing));
        }
        return new Compliance(pillars, tenets);
    }

    private static Line line(String name, List<? extends CheckDeclaration> checks, Set<String> failing) {
        List<String> failed = checks.stream().map(CheckDeclaration::id).filter(failing::contains).toList();
        return new Line(name, checks.size(), checks.size() - failed.size(), failed.size(), failed);
    }
}
