package dev.ztc.compile;

import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.NamedNetwork;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** CIDR arithmetic shared by the layers that pin a source address. */
final class Networks {

    private Networks() {
    }

    /** The source CIDRs of a rule: a service's or segment's own, a location's, or the people's {@code from}. Empty: anywhere. */
    static List<String> sourceCidrs(ResolvedProject project, MatrixRule rule) {
        return switch (rule.who().kind()) {
            case SERVICE -> project.segments().get(project.services().get(rule.who().id()).segment()).cidrs();
            case SEGMENT -> project.segments().get(rule.who().id()).cidrs();
            case LOCATION -> project.locations().get(rule.who().id()).cidrs();
            case GROUP, USER -> locationCidrs(project, rule.when().from());
        };
    }

    static List<String> locationCidrs(ResolvedProject project, Collection<String> locationIds) {
        List<String> cidrs = new ArrayList<>();
        for (String id : locationIds) {
            NamedNetwork location = project.locations().get(id);
            cidrs.addAll(location.cidrs());
        }
        return aggregate(cidrs);
    }

    /** The smallest set of prefix blocks covering {@code cidrs}, IPv4 before IPv6, each family in address order. */
    static List<String> aggregate(Collection<String> cidrs) {
        return aggregateWithSources(cidrs.stream().collect(java.util.stream.Collectors.toMap(c -> c, c -> List.<String>of(), (a, b) -> a)))
                .keySet().stream().toList();
    }

    /**
     * Aggregates CIDRs that each carry rule ids: every resulting block carries the ids of the CIDRs it covers.
     * Keys are ordered IPv4 first, then by address, so the result is the same for any input order.
     */
    static Map<String, List<String>> aggregateWithSources(Map<String, List<String>> cidrToIds) {
        List<IPAddress> v4 = new ArrayList<>();
        List<IPAddress> v6 = new ArrayList<>();
        for (String cidr : cidrToIds.keySet()) {
            IPAddress block = Values.block(cidr);
            (block.isIPv4() ? v4 : v6).add(block);
        }
        Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (List<IPAddress> family : List.of(v4, v6)) {
            if (family.isEmpty()) {
                continue;
            }
            IPAddress[] merged = family.get(0).mergeToPrefixBlocks(family.toArray(new IPAddress[0]));
            java.util.Arrays.sort(merged);
            for (IPAddress block : merged) {
                TreeSet<String> ids = new TreeSet<>();
                cidrToIds.forEach((cidr, ruleIds) -> {
                    if (block.contains(Values.block(cidr))) {
                        ids.addAll(ruleIds);
                    }
                });
                out.put(block.toCanonicalString(), List.copyOf(ids));
            }
        }
        return out;
    }

    static <K extends Comparable<K>, V> Map<K, V> sorted(Map<K, V> map) {
        return new TreeMap<>(map);
    }
}
