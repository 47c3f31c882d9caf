package dev.ztc.core;

import dev.ztc.check.Enforcement;
import dev.ztc.ir.Ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** The short report {@code ztc compile} prints: counts per layer, and what some layer cannot enforce. */
public record CompileSummary(int rules, int securityGroups, int flows, int roles, int statements, int apps, int grants,
                             int routes, List<String> unenforced, List<String> notes) {

    public CompileSummary {
        unenforced = List.copyOf(unenforced);
        notes = List.copyOf(notes);
    }

    /** {@code notes}: what the emitters want the user to know (e.g. Conditional Access policies that combine). */
    public static CompileSummary of(Ir ir, List<String> notes) {
        Map<String, List<String>> layersOfRule = new TreeMap<>();
        ir.rules().forEach(r -> layersOfRule.put(r.id(), r.layers()));
        Map<String, Map<String, Long>> gapCount = new TreeMap<>();
        for (Ir.Gap gap : ir.gaps()) {
            gapCount.computeIfAbsent(gap.ruleId(), k -> new TreeMap<>()).merge(gap.condition(), 1L, Long::sum);
        }
        Map<String, TreeSet<String>> byConditionAndLayer = new TreeMap<>();
        for (Ir.Gap gap : ir.gaps()) {
            // a condition that every realizing layer misses is enforced by no artifact at all: say so loudest
            boolean nowhere = gapCount.get(gap.ruleId()).get(gap.condition()) == layersOfRule.get(gap.ruleId()).size();
            String what = Enforcement.expresses(gap.layer(), gap.condition())
                    ? gap.condition() + " enforced only approximately by " + gap.layer()
                    : nowhere ? gap.condition() + " enforced by NO generated artifact"
                    : gap.condition() + " not enforced by " + gap.layer();
            byConditionAndLayer.computeIfAbsent(what, k -> new TreeSet<>()).add(gap.ruleId());
        }
        List<String> unenforced = new ArrayList<>();
        byConditionAndLayer.forEach((what, ids) -> unenforced.add(what + ": " + abbreviate(ids)));
        return new CompileSummary(ir.rules().size(),
                ir.network().securityGroups().size(), ir.network().flows().size(),
                ir.cloudIdentity().roles().size(),
                ir.cloudIdentity().roles().stream().mapToInt(r -> r.statements().size()).sum(),
                ir.workforceIdentity().apps().size(),
                ir.workforceIdentity().apps().stream().mapToInt(a -> a.grants().size()).sum(),
                ir.application().routes().size(), unenforced, notes);
    }

    public String format() {
        StringBuilder out = new StringBuilder();
        out.append("compiled ").append(rules).append(rules == 1 ? " rule\n" : " rules\n");
        out.append(String.format(java.util.Locale.ROOT, "  %-20s %d security groups, %d flows%n", "network", securityGroups, flows));
        out.append(String.format(java.util.Locale.ROOT, "  %-20s %d roles, %d statements%n", "cloud-identity", roles, statements));
        out.append(String.format(java.util.Locale.ROOT, "  %-20s %d apps, %d grants%n", "workforce-identity", apps, grants));
        out.append(String.format(java.util.Locale.ROOT, "  %-20s %d routes%n", "application", routes));
        if (!unenforced.isEmpty()) {
            out.append("conditions some layer cannot enforce (ztc verify reports them):\n");
            unenforced.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        if (!notes.isEmpty()) {
            out.append("notes:\n");
            notes.forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    private static String abbreviate(TreeSet<String> ids) {
        List<String> shown = ids.stream().limit(8).toList();
        return String.join(", ", shown) + (ids.size() > shown.size() ? " and " + (ids.size() - shown.size()) + " more" : "");
    }
}
