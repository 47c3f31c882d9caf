package dev.ztc.compile;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.NetworkLayer;
import dev.ztc.model.Asset;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.PortRange;
import dev.ztc.model.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Micro-segmentation: a group per service and per network-reachable asset (and per segment the matrix
 * grants to as a whole); flows from a source group or CIDR to the asset's group on its ports. Location
 * CIDRs granted to the same (asset, port) are aggregated into the fewest blocks.
 */
final class NetworkCompiler {

    private final ResolvedProject project;
    /** Group name → owner, segment, rule ids. */
    private final Map<String, GroupBuilder> groups = new TreeMap<>();
    /** Flow key → flow under construction. */
    private final Map<String, FlowBuilder> flows = new TreeMap<>();
    /** (destination group, port range) → CIDR → rule ids, aggregated at the end. */
    private final Map<String, Map<String, TreeSet<String>>> cidrSources = new TreeMap<>();
    private final Map<String, PortRange> cidrPorts = new TreeMap<>();

    private final Networks networks;

    NetworkCompiler(ResolvedProject project, Networks networks) {
        this.project = project;
        this.networks = networks;
    }

    static String assetGroup(String assetId) {
        return "asset-" + assetId;
    }

    static String serviceGroup(String serviceId) {
        return "svc-" + serviceId;
    }

    static String segmentGroup(String segmentId) {
        return "seg-" + segmentId;
    }

    NetworkLayer compile() {
        for (Service service : project.services().values()) {
            group(serviceGroup(service.id()), "service:" + service.id(), service.segment());
        }
        for (Asset asset : project.assets().values()) {
            if (asset.networkReachable()) {
                group(assetGroup(asset.id()), "asset:" + asset.id(), asset.segment().orElseThrow());
            }
        }
        for (MatrixRule rule : project.rules()) {
            if (Enforcement.layers(project, rule).contains(EnforcementLayer.NETWORK)) {
                realize(rule);
            }
        }
        aggregateCidrFlows();
        List<NetworkLayer.SecurityGroup> sgs = groups.entrySet().stream()
                .map(e -> new NetworkLayer.SecurityGroup(e.getKey(), e.getValue().owner, e.getValue().segment,
                        List.copyOf(e.getValue().ruleIds)))
                .toList();
        List<NetworkLayer.Flow> out = flows.values().stream().map(FlowBuilder::build).toList();
        return new NetworkLayer(sgs, out);
    }

    private void realize(MatrixRule rule) {
        Asset asset = project.asset(rule);
        String destination = assetGroup(asset.id());
        groups.get(destination).ruleIds.add(rule.id());
        String sourceGroup = switch (rule.who().kind()) {
            case SERVICE -> serviceGroup(rule.who().id());
            case SEGMENT -> group(segmentGroup(rule.who().id()), "segment:" + rule.who().id(), rule.who().id());
            default -> null;
        };
        for (PortRange ports : asset.ports()) {
            if (sourceGroup != null) {
                groups.get(sourceGroup).ruleIds.add(rule.id());
                flow(sourceGroup, null, destination, ports).ruleIds.add(rule.id());
            } else {
                String slot = destination + "|" + ports;
                cidrPorts.put(slot, ports);
                for (String cidr : networks.sourceCidrs(rule)) {
                    cidrSources.computeIfAbsent(slot, k -> new TreeMap<>()).computeIfAbsent(cidr, k -> new TreeSet<>()).add(rule.id());
                }
            }
        }
    }

    private void aggregateCidrFlows() {
        cidrSources.forEach((slot, sources) -> {
            String destination = slot.substring(0, slot.indexOf('|'));
            Map<String, List<String>> byCidr = new TreeMap<>();
            sources.forEach((cidr, ids) -> byCidr.put(cidr, List.copyOf(ids)));
            networks.aggregateWithSources(byCidr).forEach((block, ids) ->
                    flow(null, block, destination, cidrPorts.get(slot)).ruleIds.addAll(ids));
        });
    }

    private String group(String name, String owner, String segment) {
        groups.computeIfAbsent(name, n -> new GroupBuilder(owner, segment));
        return name;
    }

    private FlowBuilder flow(String sourceGroup, String sourceCidr, String destination, PortRange ports) {
        String key = (sourceGroup != null ? sourceGroup : sourceCidr) + "->" + destination + ":" + ports;
        return flows.computeIfAbsent(key, k -> new FlowBuilder(k, sourceGroup, sourceCidr, destination, ports));
    }

    private static final class GroupBuilder {
        final String owner;
        final String segment;
        final TreeSet<String> ruleIds = new TreeSet<>();

        GroupBuilder(String owner, String segment) {
            this.owner = owner;
            this.segment = segment;
        }
    }

    private static final class FlowBuilder {
        final String key;
        final String sourceGroup;
        final String sourceCidr;
        final String destination;
        final PortRange ports;
        final TreeSet<String> ruleIds = new TreeSet<>();

        FlowBuilder(String key, String sourceGroup, String sourceCidr, String destination, PortRange ports) {
            this.key = key;
            this.sourceGroup = sourceGroup;
            this.sourceCidr = sourceCidr;
            this.destination = destination;
            this.ports = ports;
        }

        NetworkLayer.Flow build() {
            return new NetworkLayer.Flow(key, sourceGroup, sourceCidr, destination, ports.protocol(), ports.from(),
                    ports.to(), new ArrayList<>(ruleIds));
        }
    }
}
