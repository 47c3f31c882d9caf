package dev.ztc.emit;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.ir.Ir;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.ir.NetworkLayer;
import dev.ztc.model.Located;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The template model of {@code modules/network}: the IR's security groups, and each flow as an ingress rule
 * on the destination group plus, when the source is a group, the matching egress rule on the source group
 * (egress is default deny too). Every rule is keyed by the flow's stable key. Fails when a group would
 * carry more rules in one direction than the quota allows.
 */
final class NetworkModule {

    /** What {@code network/*.ftl} print; every list is in a stable order. */
    public record Model(String organization, List<SecurityGroup> securityGroups, List<Rule> ingressFromGroups,
                 List<Rule> ingressFromCidrs, List<Rule> egressToGroups, List<ModuleGap> gaps, int quota) {
    }

    /** {@code name} is the for_each key (the IR name); {@code awsName} is unique within the VPC. */
    public record SecurityGroup(String name, String awsName, String owner, String segment, String description,
                         String rules, List<String> ruleIds, int ingressRules, int egressRules) {
    }

    /** {@code peer} is the other group's key, or the CIDR for rules from a location. */
    public record Rule(String key, String securityGroup, String peer, boolean ipv6, String protocol, int fromPort, int toPort,
                String description, String rules, List<String> ruleIds) {
    }


    private NetworkModule() {
    }

    static Model of(Ir ir, ResolvedProject project) throws InputException {
        NetworkLayer network = ir.network();
        List<Rule> fromGroups = new ArrayList<>();
        List<Rule> fromCidrs = new ArrayList<>();
        List<Rule> toGroups = new ArrayList<>();
        Map<String, Integer> ingress = new TreeMap<>();
        Map<String, Integer> egress = new TreeMap<>();
        for (NetworkLayer.Flow flow : network.flows()) {
            String description = AwsText.ruleDescription(flow.ruleIds());
            String rules = AwsText.ruleTag(flow.ruleIds());
            ingress.merge(flow.destinationGroup(), 1, Integer::sum);
            if (flow.sourceGroup() != null) {
                fromGroups.add(new Rule(flow.key(), flow.destinationGroup(), flow.sourceGroup(), false, flow.protocol(),
                        flow.fromPort(), flow.toPort(), description, rules, flow.ruleIds()));
                toGroups.add(new Rule(flow.key(), flow.sourceGroup(), flow.destinationGroup(), false, flow.protocol(),
                        flow.fromPort(), flow.toPort(), description, rules, flow.ruleIds()));
                egress.merge(flow.sourceGroup(), 1, Integer::sum);
            } else {
                fromCidrs.add(new Rule(flow.key(), flow.destinationGroup(), flow.sourceCidr(), flow.sourceCidr().contains(":"),
                        flow.protocol(), flow.fromPort(), flow.toPort(), description, rules, flow.ruleIds()));
            }
        }
        int quota = project.project().settings().quotas().securityGroupRulesPerDirection();
        Diagnostics problems = new Diagnostics();
        List<SecurityGroup> groups = new ArrayList<>();
        for (NetworkLayer.SecurityGroup sg : network.securityGroups()) {
            int in = ingress.getOrDefault(sg.name(), 0);
            int out = egress.getOrDefault(sg.name(), 0);
            overQuota(problems, project, sg, "ingress", in, quota);
            overQuota(problems, project, sg, "egress", out, quota);
            groups.add(new SecurityGroup(sg.name(), ir.organization() + "-" + sg.name(), sg.owner(), sg.segment(),
                    AwsText.description("ztc micro-segment of " + sg.owner() + " in segment " + sg.segment()),
                    AwsText.ruleTag(sg.ruleIds()), sg.ruleIds(), in, out));
        }
        problems.throwIfErrors();
        List<ModuleGap> gaps = ModuleGap.of(ir, EnforcementLayer.NETWORK);
        return new Model(ir.organization(), groups, fromGroups, fromCidrs, toGroups, gaps, quota);
    }

    private static void overQuota(Diagnostics problems, ResolvedProject project, NetworkLayer.SecurityGroup sg,
                                  String direction, int count, int quota) {
        if (count > quota) {
            problems.error(ownerLocation(project, sg.owner()), ErrorCode.QUOTA_EXCEEDED, "security group '" + sg.name()
                    + "' would need " + count + " " + direction + " rules, more than the quota of " + quota
                    + " per direction (quotas.security_group_rules_per_direction in ztc.yaml; AWS allows at most 1000"
                    + " with a raised limit); grant to a segment instead of to many sources, or split the asset");
        }
    }

    /** Where the group's owner was declared in the inventory. */
    static SourceLocation ownerLocation(ResolvedProject project, String owner) {
        String id = owner.substring(owner.indexOf(':') + 1);
        Optional<? extends Located> element = switch (owner.substring(0, owner.indexOf(':'))) {
            case "asset" -> Optional.ofNullable(project.assets().get(id));
            case "service" -> Optional.ofNullable(project.services().get(id));
            case "segment" -> Optional.ofNullable(project.segments().get(id));
            default -> Optional.empty();
        };
        return element.map(Located::at).orElse(project.project().inventory().at());
    }
}
