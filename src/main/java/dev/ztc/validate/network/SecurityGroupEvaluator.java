package dev.ztc.validate.network;

import dev.ztc.artifact.EmittedSecurityGroup;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.PortRange;
import dev.ztc.model.Request;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The network layer as the emitted {@code modules/network/main.tf} would enforce it: stateful AWS Security Groups,
 * default deny. A flow to an asset is admitted when, on every one of the asset's port ranges, ingress rules of the
 * asset's group admit the source (its group, or its address by CIDR) and, for a source inside the VPC, egress
 * rules of its group lead to the asset's group; replies need no rule. The rule ids a rule carries are its
 * provenance: they, not the IR, say which matrix rules an allow realizes.
 */
public final class SecurityGroupEvaluator implements LayerEvaluator {

    private final ResolvedProject project;
    private final Map<String, String> groupByOwner;
    private final FlowSources sources;
    /** Group key → rules on it, per direction. */
    private final Map<String, List<EmittedSecurityGroupRule>> ingress = new HashMap<>();
    private final Map<String, List<EmittedSecurityGroupRule>> egress = new HashMap<>();
    /** Each CIDR ingress rule's block, parsed once. */
    private final Map<EmittedSecurityGroupRule, IPAddress> blocks = new HashMap<>();

    public SecurityGroupEvaluator(ResolvedProject project, Map<String, String> artifacts) throws UnreadableArtifactException {
        String main = EmittedSecurityGroupRule.MAIN;
        if (!artifacts.containsKey(main)) {
            throw new UnreadableArtifactException(main, "is missing");
        }
        List<EmittedSecurityGroup> groups;
        try {
            groups = EmittedSecurityGroup.read(artifacts);
        } catch (IllegalArgumentException e) {
            throw new UnreadableArtifactException(main, e.getMessage());
        }
        this.project = project;
        this.groupByOwner = FlowSources.groupsByOwner(groups);
        this.sources = new FlowSources(project, groupByOwner);
        Set<String> declared = new LinkedHashSet<>();
        groups.forEach(g -> declared.add(g.key()));
        for (EmittedSecurityGroupRule rule : EmittedSecurityGroupRule.read(artifacts)) {
            index(rule, declared);
        }
    }

    private void index(EmittedSecurityGroupRule rule, Set<String> declared) throws UnreadableArtifactException {
        String main = EmittedSecurityGroupRule.MAIN;
        if (rule.problem().isPresent()) {
            throw new UnreadableArtifactException(main, rule.problem().get());
        }
        if (!declared.contains(rule.group()) || (!rule.peerGroup().isEmpty() && !declared.contains(rule.peerGroup()))) {
            throw new UnreadableArtifactException(main, rule.artifact() + " names a group that security_groups does not declare");
        }
        if (rule.peerGroup().isEmpty()) {
            IPAddress block = rule.cidr().isEmpty() ? null : Values.block(rule.cidr());
            if (block == null) {
                throw new UnreadableArtifactException(main, rule.artifact() + " has no peer group and no valid CIDR block");
            }
            blocks.put(rule, block);
        }
        (rule.direction().equals("egress") ? egress : ingress).computeIfAbsent(rule.group(), g -> new ArrayList<>()).add(rule);
    }

    @Override
    public EnforcementLayer layer() {
        return EnforcementLayer.NETWORK;
    }

    @Override
    public List<LayerDecision> decide(List<Request> requests) {
        return requests.stream().map(this::decide).toList();
    }

    private LayerDecision decide(Request request) {
        Asset asset = project.assets().get(request.resource());
        Optional<String> notMine = notApplicable(asset, request);
        if (notMine.isPresent()) {
            return LayerDecision.notApplicable(layer(), notMine.get());
        }
        Optional<FlowSource> placed = sources.place(request);
        if (placed.isEmpty()) {
            return LayerDecision.notApplicable(layer(), "the request names no workload of the inventory and gives no"
                    + " valid source address: a Security Group sees nothing else");
        }
        FlowSource source = placed.get();
        String destination = groupByOwner.get("asset:" + asset.id());
        if (destination == null) {
            return LayerDecision.deny(layer(), List.of("no security group is owned by asset:" + asset.id()), source.blindTo());
        }
        return judge(source, destination, asset.ports());
    }

    /** Why the network has no say, if it has none: the asset is not behind a group, or the action is no flow. */
    private Optional<String> notApplicable(Asset asset, Request request) {
        if (asset == null) {
            return Optional.of("asset:" + request.resource() + " is not in the inventory");
        }
        if (!asset.networkReachable()) {
            return Optional.of("asset:" + asset.id() + " has no segment and ports: no Security Group guards it");
        }
        if (request.action() instanceof Action.RawIam iam) {
            return Optional.of(iam.action() + " is an AWS API call, which no Security Group sees");
        }
        if (request.action() instanceof Action.OfLevel level && Enforcement.levelsGranted(project.kind(asset), level.level())
                .values().stream().noneMatch(Catalog.LevelMeaning::network)) {
            return Optional.of(level.text() + " on a " + asset.kind() + " is no network flow");
        }
        // a raw HTTP request travels to the asset's ports like any level that reaches the network
        return Optional.empty();
    }

    private LayerDecision judge(FlowSource source, String destination, List<PortRange> ports) {
        List<String> grantedBy = new ArrayList<>();
        Set<String> artifacts = new LinkedHashSet<>();
        List<String> reasons = new ArrayList<>();
        for (PortRange range : ports) {
            List<EmittedSecurityGroupRule> in = ingress.getOrDefault(destination, List.of()).stream()
                    .filter(r -> admits(r, source) && PortCoverage.touches(r, range)).toList();
            if (!PortCoverage.covers(in, range)) {
                reasons.add(in.isEmpty()
                        ? "no ingress rule of sg " + destination + " admits " + source.label() + " on " + range
                        : "the ingress rules of sg " + destination + " admit " + source.label() + " on only part of " + range);
                continue;
            }
            in.forEach(r -> { grantedBy.addAll(r.ruleIds()); artifacts.add(r.artifact()); });
            if (source.insideVpc()) {
                List<EmittedSecurityGroupRule> out = source.groups().stream()
                        .flatMap(g -> egress.getOrDefault(g, List.of()).stream())
                        .filter(r -> r.peerGroup().equals(destination) && PortCoverage.touches(r, range)).toList();
                if (!PortCoverage.covers(out, range)) {
                    reasons.add("egress of sg " + String.join(", ", source.groups()) + " has no rule to " + destination
                            + " on " + range);
                    continue;
                }
                out.forEach(r -> artifacts.add(r.artifact()));
            }
        }
        if (!reasons.isEmpty()) {
            return LayerDecision.deny(layer(), reasons, source.blindTo());
        }
        return LayerDecision.allow(layer(), grantedBy, List.copyOf(artifacts), source.blindTo());
    }

    /** A group rule admits a caller that carries the peer group; a CIDR rule, a caller whose address is inside. */
    private boolean admits(EmittedSecurityGroupRule rule, FlowSource source) {
        if (!rule.peerGroup().isEmpty()) {
            return source.groups().contains(rule.peerGroup());
        }
        return source.address().filter(blocks.get(rule)::contains).isPresent();
    }
}
