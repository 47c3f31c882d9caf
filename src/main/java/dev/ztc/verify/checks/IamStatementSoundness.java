package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZT102: every statement of every emitted IAM policy document (the JSON files, parsed) traces through its Sid to
 * matrix rules that realize the cloud-identity layer, and grants no more than they do: only Allow, each
 * (action, resource) pair from the catalog levels the rules grant on the rule's asset ARN, and the rules'
 * conditions (MFA, source addresses within {@code from}, device postures at least as strict) all present.
 */
public final class IamStatementSoundness extends DeclaredCheck {

    static final String MFA_KEY = "aws:MultiFactorAuthPresent";
    static final String SOURCE_KEY = "aws:SourceIp";
    static final String DEVICE_KEY = "aws:PrincipalTag/ztc-device-posture";

    public IamStatementSoundness() {
        super("ZT102", Severity.ERROR, Tenet.DYNAMIC_POLICY, Pillar.IDENTITY,
                "every IAM statement traces to a matrix rule and grants no more actions, resources or laxer conditions");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (EmittedPolicy st : context.policies()) {
            Optional<String> problem = st.problem().isPresent() ? Optional.of("policy " + st.problem().get()) : problem(context, st);
            problem.ifPresent(p -> out.add(finding(context.locationOf(st.ruleIds()), st.ruleIds(),
                    "statement " + (st.sid().isEmpty() ? "(no Sid)" : st.sid()) + " of role '" + st.role() + "' " + p,
                    st.artifact())));
        }
        return out;
    }

    private Optional<String> problem(VerifyContext context, EmittedPolicy st) {
        if (st.ruleIds().isEmpty()) {
            return Optional.of("traces to no matrix rule (no IR statement of the role has this Sid)");
        }
        if (!st.effect().equals("Allow") || st.negated()) {
            return Optional.of("is not a plain Allow of Action and Resource (Effect '" + st.effect() + "'"
                    + (st.negated() ? ", NotAction/NotResource" : "") + ")");
        }
        ResolvedProject project = context.project();
        Set<String> allowed = new TreeSet<>();
        List<MatrixRule> rules = new ArrayList<>();
        for (String id : st.ruleIds()) {
            Optional<MatrixRule> rule = context.rule(id);
            if (rule.isEmpty() || !Enforcement.layers(project, rule.get()).contains(EnforcementLayer.CLOUD_IDENTITY)) {
                return Optional.of("names rule " + id + ", which the matrix does not realize in IAM");
            }
            allowed.addAll(Grants.iamPairs(project, rule.get()));
            rules.add(rule.get());
        }
        Set<String> extra = new TreeSet<>();
        for (String action : st.actions()) {
            for (String resource : st.resources()) {
                if (!allowed.contains(action + " " + resource)) {
                    extra.add(action + " on " + resource);
                }
            }
        }
        if (!extra.isEmpty() || st.actions().isEmpty() || st.resources().isEmpty()) {
            return Optional.of("grants " + (extra.isEmpty() ? "an empty Action or Resource" : String.join(", ", extra))
                    + ", beyond what " + String.join(", ", st.ruleIds()) + " grant");
        }
        for (MatrixRule rule : rules) {
            Optional<String> laxer = laxerConditions(project, rule, st.conditions());
            if (laxer.isPresent()) {
                return Optional.of(laxer.get() + " that rule " + rule.id() + " requires");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> laxerConditions(ResolvedProject project, MatrixRule rule,
                                                    Map<String, Map<String, List<String>>> conditions) {
        var when = rule.when();
        if (when.requiresMfa() && !values(conditions, "Bool", MFA_KEY).equals(List.of("true"))) {
            return Optional.of("lacks the MFA condition (Bool " + MFA_KEY + " = true)");
        }
        if (!when.from().isEmpty()) {
            List<String> sources = values(conditions, "IpAddress", SOURCE_KEY);
            List<String> granted = Grants.locationCidrs(project, when.from());
            if (sources.isEmpty() || sources.stream().anyMatch(c -> !Grants.covered(c, granted))) {
                return Optional.of("allows sources " + (sources.isEmpty() ? "anywhere" : sources) + ", wider than the 'from' " + granted);
            }
        }
        if (when.device().isPresent()) {
            List<String> postures = values(conditions, "StringEquals", DEVICE_KEY);
            Set<String> strict = Grants.posturesSatisfying(project, when.device().get());
            if (postures.isEmpty() || !strict.containsAll(postures)) {
                return Optional.of("accepts device postures " + (postures.isEmpty() ? "any" : postures)
                        + ", weaker than the posture '" + when.device().get() + "'");
            }
        }
        return Optional.empty();
    }

    private static List<String> values(Map<String, Map<String, List<String>>> conditions, String operator, String key) {
        return conditions.getOrDefault(operator, Map.of()).getOrDefault(key, List.of());
    }
}
