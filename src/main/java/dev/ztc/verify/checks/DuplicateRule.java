package dev.ztc.verify.checks;

import dev.ztc.model.MatrixRule;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ZT302: two rules with the same who, can, what and when. One of them is noise, and the next edit will change
 * one and not the other.
 */
public final class DuplicateRule extends DeclaredCheck {

    public DuplicateRule() {
        super("ZT302", Severity.WARNING, Tenet.DYNAMIC_POLICY, Pillar.IDENTITY,
                "two rules grant the same thing under the same conditions");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Map<String, MatrixRule> first = new HashMap<>();
        List<Finding> out = new ArrayList<>();
        for (MatrixRule rule : context.project().rules()) {
            MatrixRule earlier = first.putIfAbsent(Shadowing.key(rule), rule);
            if (earlier != null) {
                out.add(finding(rule.at(), List.of(rule.id(), earlier.id()), "rule " + rule.id() + " duplicates "
                        + earlier.id() + " (" + earlier.at() + "); remove one", ""));
            }
        }
        return out;
    }
}
