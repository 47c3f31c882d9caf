package dev.ztc.validate.network;

import dev.ztc.artifact.EmittedSecurityGroup;
import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.NamedNetwork;
import dev.ztc.model.Request;
import dev.ztc.model.Service;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Places a request's caller in the network: a service calling from its own segment (or giving no address) is
 * its workload, whose group is the one the artifact says {@code service:<id>} owns; anything else is just its
 * address, which also puts it in the group of each segment it lies in. A service calling from outside its
 * segment is not that workload (the matrix says so too), so it is judged as the address it calls from.
 */
final class FlowSources {

    private final Map<String, Service> services;
    private final Map<String, List<IPAddress>> segmentBlocks = new LinkedHashMap<>();
    /** Owner ({@code service:x}, {@code segment:x}) → group key, as the artifact declares them. */
    private final Map<String, String> groupByOwner;

    FlowSources(ResolvedProject project, Map<String, String> groupByOwner) {
        this.services = project.services();
        this.groupByOwner = groupByOwner;
        for (NamedNetwork segment : project.segments().values()) {
            segmentBlocks.put(segment.id(), segment.cidrs().stream().map(Values::block).toList());
        }
    }

    static Map<String, String> groupsByOwner(List<EmittedSecurityGroup> groups) {
        Map<String, String> out = new LinkedHashMap<>();
        groups.forEach(g -> out.putIfAbsent(g.owner(), g.key()));
        return out;
    }

    /** Empty when the request gives the network nothing to place: no known workload and no address. */
    Optional<FlowSource> place(Request request) {
        Optional<IPAddress> address = Values.singleAddress(request.sourceIp());
        Optional<Service> service = request.subject().service().map(services::get);
        if (service.isPresent() && address.isEmpty()) {
            Set<String> blind = blind("who", "from");
            return Optional.of(new FlowSource("service:" + service.get().id(), ownGroup(service.get()), address, blind));
        }
        if (address.isEmpty()) {
            return Optional.empty();
        }
        IPAddress ip = address.get();
        List<String> groups = new ArrayList<>();
        String label = ip.toCanonicalString();
        Set<String> blind = blind("who");
        if (service.isPresent() && inSegment(service.get().segment(), ip)) {
            groups.addAll(ownGroup(service.get()));
            label = "service:" + service.get().id() + " at " + label;
            blind = FlowSource.ALWAYS_BLIND;
        }
        for (var segment : segmentBlocks.keySet()) {
            String group = groupByOwner.get("segment:" + segment);
            if (group != null && inSegment(segment, ip) && !groups.contains(group)) {
                groups.add(group);
            }
        }
        return Optional.of(new FlowSource(label, groups, address, blind));
    }

    private List<String> ownGroup(Service service) {
        String group = groupByOwner.get("service:" + service.id());
        return group == null ? List.of() : List.of(group);
    }

    private boolean inSegment(String segment, IPAddress ip) {
        return segmentBlocks.getOrDefault(segment, List.of()).stream().anyMatch(b -> b != null && b.contains(ip));
    }

    private static Set<String> blind(String... more) {
        Set<String> out = new HashSet<>(FlowSource.ALWAYS_BLIND);
        out.addAll(List.of(more));
        return out;
    }

}
