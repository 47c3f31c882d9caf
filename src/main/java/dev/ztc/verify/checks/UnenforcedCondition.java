package dev.ztc.verify.checks;

import dev.ztc.ir.Ir;
import dev.ztc.check.Enforcement;
import dev.ztc.model.Condition;
import dev.ztc.model.MatrixRule;
import dev.ztc.verify.Coverage;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ZT105: a condition of a rule that a realizing layer cannot express (the IR's gaps). A warning while another
 * layer of the rule enforces it (the request is still checked somewhere); an error when no generated artifact
 * enforces it at all, e.g. {@code hours} on an S3 rule, which IAM cannot express.
 */
public final class UnenforcedCondition extends DeclaredCheck {

    private static final java.util.Set<String> WRITTEN_CONDITIONS = java.util.Arrays.stream(Condition.values())
            .map(Condition::label).collect(java.util.stream.Collectors.toSet());

    public UnenforcedCondition() {
        super("ZT105", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.IDENTITY,
                "a rule's condition that some realizing layer cannot enforce (error when none can)");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Map<String, Map<String, List<String>>> enforcing = new LinkedHashMap<>();
        Coverage.of(context.project(), context.ir()).rows().forEach(row -> enforcing.put(row.ruleId(), row.conditions()));
        Map<String, List<Ir.Gap>> byRuleAndCondition = new LinkedHashMap<>();
        for (Ir.Gap gap : context.ir().gaps()) {
            if (!WRITTEN_CONDITIONS.contains(gap.condition())) {
                // e.g. a service's binding to its segment in IAM: a property of the subject, not a 'when' the
                // user wrote; the module README lists it under "Not enforced here"
                continue;
            }
            byRuleAndCondition.computeIfAbsent(gap.ruleId() + "|" + gap.condition(), k -> new ArrayList<>()).add(gap);
        }
        List<Finding> out = new ArrayList<>();
        byRuleAndCondition.forEach((key, gaps) -> {
            Ir.Gap first = gaps.get(0);
            Optional<MatrixRule> rule = context.rule(first.ruleId());
            List<String> by = enforcing.getOrDefault(first.ruleId(), Map.of()).getOrDefault(first.condition(), List.of());
            String missing = String.join("; ", gaps.stream().map(g -> g.layer() + ": " + g.reason()).toList());
            String message0 = "rule " + first.ruleId() + ": '" + first.condition() + "' is enforced by "
                    + (by.isEmpty() ? "NO generated artifact" : String.join(", ", by) + " only") + " (" + missing + ")";
            String message = message0;
            // a layer that expresses the condition but only approximately (jit below its 1h floor, a posture
            // delegated to Intune compliance) still enforces it: a warning, not "enforced nowhere"
            boolean approximated = gaps.stream().allMatch(UnenforcedCondition::isApproximation);
            Severity severity = by.isEmpty() && !approximated ? Severity.ERROR : Severity.WARNING;
            if (approximated) {
                message = "rule " + first.ruleId() + ": '" + first.condition() + "' is enforced only approximately ("
                        + missing + ")";
            }
            out.add(new Finding(id(), severity, rule.map(MatrixRule::at).orElse(context.matrixFile()),
                    List.of(first.ruleId()), message, "ir.json#gaps"));
        });
        return out;
    }

    private static boolean isApproximation(Ir.Gap gap) {
        return Enforcement.expresses(gap.layer(), gap.condition());
    }
}
