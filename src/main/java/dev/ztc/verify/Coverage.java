package dev.ztc.verify;

import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.Ir;
import dev.ztc.model.Condition;
import dev.ztc.model.MatrixRule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The enforcement-coverage table: per matrix rule, the layers that realize it and, per condition it sets,
 * the layers that enforce that condition. A condition with no enforcing layer is enforced by no artifact.
 */
public record Coverage(List<Row> rows) {

    public Coverage {
        rows = List.copyOf(rows);
    }

    /** {@code conditions}: condition label → enforcing layers (possibly none), in the order of {@link Condition}. */
    public record Row(String ruleId, List<String> layers, Map<String, List<String>> conditions) {
        public Row {
            layers = List.copyOf(layers);
            conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        }
    }

    public static Coverage of(ResolvedProject project, Ir ir) {
        Set<String> gaps = new TreeSet<>();
        ir.gaps().forEach(g -> gaps.add(g.ruleId() + "|" + g.layer() + "|" + g.condition()));
        List<Row> rows = new ArrayList<>();
        for (Ir.RuleSummary summary : ir.rules()) {
            Optional<MatrixRule> rule = project.rules().stream().filter(r -> r.id().equals(summary.id())).findFirst();
            Map<String, List<String>> conditions = new LinkedHashMap<>();
            rule.ifPresent(r -> {
                for (Condition c : Condition.present(r.when())) {
                    conditions.put(c.label(), summary.layers().stream()
                            .filter(layer -> !gaps.contains(r.id() + "|" + layer + "|" + c.label())).toList());
                }
            });
            rows.add(new Row(summary.id(), summary.layers(), conditions));
        }
        return new Coverage(rows);
    }
}
