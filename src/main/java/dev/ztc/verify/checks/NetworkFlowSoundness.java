package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.PortRange;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ZT101: every security group rule in the emitted network module names matrix rules that exist and realize the
 * network layer, and allows no more than they grant: the destination is the rule's asset, the ports lie within
 * the asset's, the source group is the rule's service or segment, a source CIDR lies within the rules' sources.
 */
public final class NetworkFlowSoundness extends DeclaredCheck {

    public NetworkFlowSoundness() {
        super("ZT101", Severity.ERROR, Tenet.DYNAMIC_POLICY, Pillar.NETWORKS,
                "every security group rule traces to a matrix rule and allows no more than it grants");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (EmittedSecurityGroupRule sg : context.securityGroupRules()) {
            if (sg.problem().isPresent()) {
                out.add(finding(context.matrixFile(), List.of(), sg.problem().get(), EmittedSecurityGroupRule.MAIN));
                continue;
            }
            problem(context, sg).ifPresent(p -> out.add(finding(context.locationOf(sg.ruleIds()), sg.ruleIds(),
                    sg.direction() + " rule '" + sg.key() + "' " + p, sg.artifact())));
        }
        return out;
    }

    private Optional<String> problem(VerifyContext context, EmittedSecurityGroupRule sg) {
        if (sg.ruleIds().isEmpty()) {
            return Optional.of("names no matrix rule: nothing in the matrix grants it");
        }
        ResolvedProject project = context.project();
        List<MatrixRule> rules = new ArrayList<>();
        for (String id : sg.ruleIds()) {
            Optional<MatrixRule> rule = context.rule(id);
            if (rule.isEmpty()) {
                return Optional.of("names rule " + id + ", which the matrix does not define");
            }
            if (!Enforcement.layers(project, rule.get()).contains(EnforcementLayer.NETWORK)) {
                return Optional.of("names rule " + id + ", which the network layer does not realize");
            }
            rules.add(rule.get());
        }
        boolean ingress = sg.direction().equals("ingress");
        String destination = ingress ? sg.owner() : sg.peerOwner();
        String source = ingress ? sg.peerOwner() : sg.owner();
        List<String> sources = new ArrayList<>();
        for (MatrixRule rule : rules) {
            if (!destination.equals("asset:" + rule.what())) {
                return Optional.of("reaches " + describe(destination) + " but rule " + rule.id() + " grants asset:" + rule.what());
            }
            List<PortRange> ports = project.asset(rule).ports();
            boolean inPorts = ports.stream().anyMatch(p -> p.protocol().equals(sg.protocol())
                    && p.from() <= sg.fromPort() && sg.toPort() <= p.to());
            if (!inPorts) {
                return Optional.of("opens " + sg.fromPort() + "-" + sg.toPort() + "/" + sg.protocol()
                        + ", outside the ports " + ports + " of asset:" + rule.what());
            }
            if (!sg.cidr().isEmpty()) {
                sources.addAll(Grants.sourceCidrs(project, rule));
            }
            if (sg.cidr().isEmpty() && !source.equals(rule.who().ref())) {
                return Optional.of("admits " + describe(source) + " but rule " + rule.id() + " grants " + rule.who());
            }
        }
        if (!sg.cidr().isEmpty() && !Grants.covered(sg.cidr(), sources)) {
            return Optional.of("admits " + sg.cidr() + ", wider than the sources " + sources + " of " + String.join(", ", sg.ruleIds()));
        }
        return Optional.empty();
    }

    private static String describe(String owner) {
        return owner.isEmpty() ? "a group ztc did not declare" : owner;
    }
}
