package dev.ztc.validate.network;

import inet.ipaddr.IPAddress;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a flow starts, as Security Groups see it: the groups its traffic leaves through (a workload's own
 * group, the group of a segment its address lies in) and its address, if the request gives one. {@code label}
 * names it in a deny. {@code blindTo} is what the network cannot tell about this caller: always the level (it
 * sees ports), the person's sign-in and device, the time; and who calls when it knows the caller only by
 * address (a person, an anonymous caller, a service outside its segment) or only by group (a workload that
 * gives no address, whose segment and location nobody checks then).
 */
record FlowSource(String label, List<String> groups, Optional<IPAddress> address, Set<String> blindTo) {

    /** What a Security Group never sees, whoever calls. */
    static final Set<String> ALWAYS_BLIND = Set.of("action", "mfa", "device", "hours", "jit", "risk");

    FlowSource {
        groups = List.copyOf(groups);
        blindTo = Set.copyOf(blindTo);
    }

    /** A caller with a group of its own is inside the VPC: its group's egress must let the flow out. */
    boolean insideVpc() {
        return !groups.isEmpty();
    }
}
