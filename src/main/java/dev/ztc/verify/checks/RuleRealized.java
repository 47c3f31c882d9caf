package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedBundleData;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.check.Enforcement;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZT104: every matrix rule is realized in every layer that applies to it: an ingress rule in the emitted network
 * module, a statement in an emitted policy document, a Conditional Access policy, a route in the OPA data.json. A
 * missing realization denies what the matrix grants, or leaves a layer the rule relies on unconfigured.
 */
public final class RuleRealized extends DeclaredCheck {

    public RuleRealized() {
        super("ZT104", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
                "every matrix rule is realized in every enforcement layer that applies to it");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Set<String> network = new TreeSet<>();
        context.securityGroupRules().stream().filter(r -> r.direction().equals("ingress"))
                .forEach(r -> network.addAll(r.ruleIds()));
        Set<String> iam = new TreeSet<>();
        context.policies().forEach(p -> iam.addAll(p.ruleIds()));
        Set<String> access = new TreeSet<>();
        context.plan().policies().forEach(p -> access.addAll(p.ruleIds()));
        Set<String> routes = new TreeSet<>();
        // read from the emitted data.json, not the IR: a route the emitter dropped denies what the matrix grants
        context.bundleData().routes().forEach(r -> routes.addAll(r.ruleIds()));

        List<Finding> out = new ArrayList<>();
        for (MatrixRule rule : context.project().rules()) {
            for (EnforcementLayer layer : Enforcement.layers(context.project(), rule)) {
                boolean realized;
                String where;
                switch (layer) {
                    case NETWORK -> { realized = network.contains(rule.id()); where = EmittedSecurityGroupRule.MAIN; }
                    case CLOUD_IDENTITY -> { realized = iam.contains(rule.id()); where = "terraform/modules/iam/policies/"; }
                    case WORKFORCE_IDENTITY -> { realized = access.contains(rule.id()); where = "terraform/modules/conditional-access/main.tf"; }
                    default -> { realized = routes.contains(rule.id()); where = EmittedBundleData.DATA; }
                }
                if (!realized) {
                    out.add(finding(rule.at(), List.of(rule.id()), "rule " + rule.id() + " applies to the " + layer.label()
                            + " layer but no " + layer.label() + " artifact realizes it", where));
                }
            }
        }
        return out;
    }
}
