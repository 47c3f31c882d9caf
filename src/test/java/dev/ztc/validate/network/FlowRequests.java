package dev.ztc.validate.network;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.SourceLocation;
import dev.ztc.ir.Ir;
import dev.ztc.ir.NetworkLayer;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Request;
import dev.ztc.model.Service;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.math.BigInteger;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Boundary requests for each IR network flow: one the flow should admit (its source, the asset's action as the
 * rule grants it), and variants beside it: the same caller to every other reachable asset, from just outside
 * the source block, without an address, and every other service from its own segment.
 */
final class FlowRequests {

    private static final ZonedDateTime AT = ZonedDateTime.parse("2026-12-07T08:30:00+01:00");

    private final ResolvedProject project;
    private final Ir ir;
    private final Map<String, String> owners = new TreeMap<>();

    FlowRequests(ResolvedProject project, Ir ir) {
        this.project = project;
        this.ir = ir;
        ir.network().securityGroups().forEach(g -> owners.put(g.name(), g.owner()));
    }

    static String ownName(NetworkLayer.Flow flow) {
        return "flow " + flow.key();
    }

    List<Request> all() {
        List<Request> out = new ArrayList<>();
        for (NetworkLayer.Flow flow : ir.network().flows()) {
            String asset = owners.get(flow.destinationGroup()).substring("asset:".length());
            MatrixRule rule = project.rules().stream().filter(r -> r.id().equals(flow.ruleIds().get(0))).findFirst().orElseThrow();
            Action action = probe(rule.can());
            String block = sourceBlock(flow);
            Optional<String> service = serviceOf(flow);
            out.add(request(ownName(flow), rule, service, inside(block), action, asset));
            outside(block).ifPresent(ip -> out.add(request(ownName(flow) + " from " + ip, rule, service, Optional.of(ip), action, asset)));
            for (Asset other : project.assets().values()) {
                if (other.networkReachable() && !other.id().equals(asset)) {
                    out.add(request(ownName(flow) + " to asset:" + other.id(), rule, service, inside(block), action, other.id()));
                }
            }
            if (service.isPresent()) {
                out.add(request(ownName(flow) + " without an address", rule, service, Optional.empty(), action, asset));
                for (Service other : project.services().values()) {
                    if (!other.id().equals(service.get())) {
                        out.add(request(ownName(flow) + " as service:" + other.id(), rule, Optional.of(other.id()),
                                inside(segmentBlock(other.segment())), action, asset));
                    }
                }
            }
        }
        return out;
    }

    private Optional<String> serviceOf(NetworkLayer.Flow flow) {
        return Optional.ofNullable(flow.sourceGroup()).map(owners::get).filter(o -> o.startsWith("service:"))
                .map(o -> o.substring("service:".length()));
    }

    /** The block a flow's source lies in: its CIDR, its segment's first, or its service's segment's first. */
    private String sourceBlock(NetworkLayer.Flow flow) {
        if (flow.sourceGroup() == null) {
            return flow.sourceCidr();
        }
        String owner = owners.get(flow.sourceGroup());
        String id = owner.substring(owner.indexOf(':') + 1);
        return segmentBlock(owner.startsWith("service:") ? project.services().get(id).segment() : id);
    }

    private String segmentBlock(String segment) {
        return project.segments().get(segment).cidrs().get(0);
    }

    /** The rule's caller: the service, or a person of the rule's group or the rule's user, or anyone (segment, location). */
    private static Request request(String name, MatrixRule rule, Optional<String> service, Optional<String> ip, Action action,
                                   String asset) {
        Optional<String> user = Optional.empty();
        List<String> groups = List.of();
        if (service.isEmpty()) {
            switch (rule.who().kind()) {
                case GROUP -> { user = Optional.of("probe-user"); groups = List.of(rule.who().id()); }
                case USER -> user = Optional.of(rule.who().id());
                default -> { }
            }
        }
        boolean person = user.isPresent();
        Request.Caller caller = new Request.Caller(user, groups, service, person,
                person ? Optional.of(dev.ztc.model.Risk.NONE) : Optional.empty(),
                person ? Optional.of(Duration.ofMinutes(5)) : Optional.empty());
        Optional<Request.DeviceClaim> device = rule.when().device().map(Request.DeviceClaim.Posture::new);
        return new Request(name, caller, device, ip, action, asset, Optional.of(AT), Optional.empty(), SourceLocation.of("flow"));
    }

    /** A concrete request inside what the rule grants: a level as is, a path pattern with its wildcard filled. */
    private static Action probe(Action can) {
        return can instanceof Action.RawHttp http ? new Action.RawHttp(http.method(), http.path().replace("*", "probe")) : can;
    }

    private static Optional<String> inside(String cidr) {
        IPAddress block = new IPAddressString(cidr).getAddress();
        IPAddress lower = block.getLower().withoutPrefixLength();
        return Optional.of((block.getCount().compareTo(BigInteger.TWO) > 0 ? lower.increment(1) : lower).toCanonicalString());
    }

    private static Optional<String> outside(String cidr) {
        IPAddress next = new IPAddressString(cidr).getAddress().getUpper().withoutPrefixLength().increment(1);
        return Optional.ofNullable(next).map(IPAddress::toCanonicalString);
    }
}
