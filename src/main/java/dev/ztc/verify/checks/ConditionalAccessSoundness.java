package dev.ztc.verify.checks;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.emit.ca.ConditionalAccessPlan;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Subject;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZT103: the Conditional Access policies (as the module on disk declares them, or as compiled) trace to matrix rules that realize the
 * workforce-identity layer; nobody is exempted from an app's block policy unless a rule on that app grants them;
 * and every such rule's MFA, device and location requirements are demanded by a policy covering its subject.
 */
public final class ConditionalAccessSoundness extends DeclaredCheck {

    static final String ARTIFACT = "terraform/modules/conditional-access/main.tf#";

    public ConditionalAccessSoundness() {
        super("ZT103", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.IDENTITY,
                "every Conditional Access policy traces to matrix rules and demands at least their conditions");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        ResolvedProject project = context.project();
        for (ConditionalAccessPlan.Policy policy : context.plan().policies()) {
            for (String id : policy.ruleIds()) {
                Optional<MatrixRule> rule = context.rule(id);
                if (rule.isEmpty() || !Enforcement.layers(project, rule.get()).contains(EnforcementLayer.WORKFORCE_IDENTITY)) {
                    out.add(finding(context.locationOf(policy.ruleIds()), policy.ruleIds(), "policy '" + policy.displayName()
                            + "' names rule " + id + ", which Conditional Access does not realize", ARTIFACT + policy.key()));
                }
            }
            if (policy.allUsers() && policy.controls().contains("block")) {
                Set<String> granted = grantedSubjects(context, policy);
                List<String> exempt = new ArrayList<>();
                policy.excludeGroups().stream().map(g -> "group:" + g).filter(s -> !granted.contains(s)).forEach(exempt::add);
                policy.excludeUsers().stream().map(u -> "user:" + u).filter(s -> !granted.contains(s)).forEach(exempt::add);
                if (!exempt.isEmpty()) {
                    out.add(finding(context.locationOf(policy.ruleIds()), policy.ruleIds(), "policy '" + policy.displayName()
                            + "' exempts " + String.join(", ", exempt) + ", whom no rule on its apps grants", ARTIFACT + policy.key()));
                }
            }
        }
        for (MatrixRule rule : project.rules()) {
            if (Enforcement.layers(project, rule).contains(EnforcementLayer.WORKFORCE_IDENTITY)) {
                missingControl(context, rule).ifPresent(m -> out.add(finding(rule.at(), List.of(rule.id()),
                        "no Conditional Access policy requires " + m + " of " + rule.who() + " on asset:" + rule.what(),
                        ARTIFACT.substring(0, ARTIFACT.length() - 1))));
            }
        }
        return out;
    }

    private static Set<String> grantedSubjects(VerifyContext context, ConditionalAccessPlan.Policy policy) {
        Set<String> out = new TreeSet<>();
        for (String id : policy.ruleIds()) {
            context.rule(id).filter(r -> context.project().asset(r).azureAppId().filter(policy.applications()::contains).isPresent())
                    .ifPresent(r -> out.add(r.who().ref()));
        }
        return out;
    }

    private static Optional<String> missingControl(VerifyContext context, MatrixRule rule) {
        String app = context.project().asset(rule).azureAppId().orElse("");
        List<ConditionalAccessPlan.Policy> covering = context.plan().policies().stream()
                .filter(p -> p.applications().contains(app) && covers(p, rule.who())).toList();
        if (rule.when().requiresMfa() && covering.stream().noneMatch(p -> p.controls().contains("mfa"))) {
            return Optional.of("MFA");
        }
        if (rule.when().device().isPresent() && covering.stream().noneMatch(p -> p.controls().contains("compliantDevice"))) {
            return Optional.of("a compliant device");
        }
        if (!rule.when().from().isEmpty() && covering.stream().noneMatch(p -> p.controls().contains("block")
                && p.includeLocations().contains("All") && rule.when().from().containsAll(p.excludeLocations()))) {
            return Optional.of("a sign-in from " + String.join(", ", rule.when().from()));
        }
        return Optional.empty();
    }

    private static boolean covers(ConditionalAccessPlan.Policy policy, Subject who) {
        if (policy.allUsers()) {
            return true;
        }
        return who.kind() == Subject.Kind.GROUP ? policy.includeGroups().contains(who.id())
                : policy.includeUsers().contains(who.id());
    }
}
