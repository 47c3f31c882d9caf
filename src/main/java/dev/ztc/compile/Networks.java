package dev.ztc.compile;

import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.MatrixRule;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * CIDR arithmetic shared by the layers that pin a source address. One instance per compile: it caches
 * parsed blocks and the aggregate of each set of locations, which thousands of rules share.
 */
final class Networks {

    private final ResolvedProject project;
    private final Map<String, IPAddress> blocks = new HashMap<>();
    private final Map<List<String>, List<String>> locationAggregates = new HashMap<>();

    Networks(ResolvedProject project) {
        this.project = project;
    }

    /** The source CIDRs of a rule: a service's or segment's own, a location's, or the people's {@code from}. Empty: anywhere. */
    List<String> sourceCidrs(MatrixRule rule) {
        return switch (rule.who().kind()) {
            case SERVICE -> project.segments().get(project.services().get(rule.who().id()).segment()).cidrs();
            case SEGMENT -> project.segments().get(rule.who().id()).cidrs();
            case LOCATION -> project.locations().get(rule.who().id()).cidrs();
            case GROUP, USER -> locationCidrs(rule.when().from());
        };
    }

    /** The aggregated CIDRs of some locations ({@code from} lists are sorted and distinct already). */
    List<String> locationCidrs(List<String> locationIds) {
        return locationAggregates.computeIfAbsent(List.copyOf(locationIds), ids -> {
            List<String> cidrs = new ArrayList<>();
            ids.forEach(id -> cidrs.addAll(project.locations().get(id).cidrs()));
            Map<String, List<String>> noSources = new LinkedHashMap<>();
            cidrs.forEach(c -> noSources.put(c, List.of()));
            return List.copyOf(aggregateWithSources(noSources).keySet());
        });
    }

    /**
     * Aggregates CIDRs that each carry rule ids: every resulting block carries the ids of the CIDRs it covers.
     * Keys are ordered IPv4 first, then by address, so the result is the same for any input order.
     */
    Map<String, List<String>> aggregateWithSources(Map<String, List<String>> cidrToIds) {
        List<IPAddress> v4 = new ArrayList<>();
        List<IPAddress> v6 = new ArrayList<>();
        for (String cidr : cidrToIds.keySet()) {
            IPAddress block = block(cidr);
            (block.isIPv4() ? v4 : v6).add(block);
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (List<IPAddress> family : List.of(v4, v6)) {
            if (family.isEmpty()) {
                continue;
            }
            IPAddress[] merged = family.size() == 1 ? new IPAddress[] {family.get(0)}
                    : family.get(0).mergeToPrefixBlocks(family.toArray(new IPAddress[0]));
            java.util.Arrays.sort(merged);
            for (IPAddress block : merged) {
                TreeSet<String> ids = new TreeSet<>();
                cidrToIds.forEach((cidr, ruleIds) -> {
                    if (!ruleIds.isEmpty() && block.contains(block(cidr))) {
                        ids.addAll(ruleIds);
                    }
                });
                out.put(block.toCanonicalString(), List.copyOf(ids));
            }
        }
        return out;
    }

    private IPAddress block(String cidr) {
        return blocks.computeIfAbsent(cidr, Values::block);
    }
}
