package dev.ztc.validate.network;

import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.Ir;
import dev.ztc.ir.NetworkLayer;
import dev.ztc.model.Asset;
import dev.ztc.model.PortRange;
import dev.ztc.model.Request;
import dev.ztc.model.Service;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the IR's flows admit, read off the IR rather than the module: a flow to the asset's group for each of the
 * asset's port ranges, from a group the caller carries or from a block holding its address. An IR flow from a
 * group stands for both its ingress and its egress rule, so the module must have both to agree.
 */
final class FlowOracle {

    private final ResolvedProject project;
    private final List<NetworkLayer.SecurityGroup> groups;
    private final List<NetworkLayer.Flow> flows;

    FlowOracle(ResolvedProject project, Ir ir) {
        this.project = project;
        this.groups = ir.network().securityGroups();
        this.flows = ir.network().flows();
    }

    boolean admits(Request request) {
        Asset asset = project.assets().get(request.resource());
        Optional<String> destination = group("asset:" + asset.id());
        if (destination.isEmpty()) {
            return false;
        }
        Optional<IPAddress> ip = request.sourceIp().map(t -> new IPAddressString(t).getAddress());
        Set<String> carried = new HashSet<>();
        Optional<Service> service = request.subject().service().map(project.services()::get);
        if (service.isPresent() && (ip.isEmpty() || inSegment(service.get().segment(), ip.get()))) {
            group("service:" + service.get().id()).ifPresent(carried::add);
        }
        ip.ifPresent(a -> project.segments().keySet().stream().filter(s -> inSegment(s, a))
                .forEach(s -> group("segment:" + s).ifPresent(carried::add)));
        for (PortRange range : asset.ports()) {
            boolean open = flows.stream().anyMatch(f -> f.destinationGroup().equals(destination.get())
                    && f.protocol().equals(range.protocol()) && f.fromPort() <= range.from() && f.toPort() >= range.to()
                    && (carried.contains(f.sourceGroup())
                        || (f.sourceCidr() != null && ip.isPresent() && new IPAddressString(f.sourceCidr()).getAddress().contains(ip.get()))));
            if (!open) {
                return false;
            }
        }
        return true;
    }

    private Optional<String> group(String owner) {
        return groups.stream().filter(g -> g.owner().equals(owner)).map(NetworkLayer.SecurityGroup::name).findFirst();
    }

    private boolean inSegment(String segment, IPAddress ip) {
        return project.segments().get(segment).cidrs().stream().anyMatch(c -> new IPAddressString(c).getAddress().contains(ip));
    }
}
