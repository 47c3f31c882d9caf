package dev.ztc.artifact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One security group rule as {@code modules/network/main.tf} declares it, read back with HCL4j.
 * {@code direction} is ingress or egress; {@code group} the group the rule is on and {@code owner} that group's
 * owner ({@code asset:x}, {@code service:x}, {@code segment:x}); the peer is a group ({@code peerGroup},
 * {@code peerOwner}) or a CIDR block. {@code problem} is set when the module could not be read.
 */
public record EmittedSecurityGroupRule(String key, String direction, String group, String owner, String peerGroup,
                                       String peerOwner, String cidr, String protocol, int fromPort, int toPort,
                                       List<String> ruleIds, Optional<String> problem) {

    public static final String MAIN = "terraform/modules/network/main.tf";

    public String artifact() {
        return MAIN + "#" + direction + ":" + key;
    }

    @SuppressWarnings("unchecked")
    public static List<EmittedSecurityGroupRule> read(Map<String, String> artifacts) {
        List<EmittedSecurityGroupRule> out = new ArrayList<>();
        String main = artifacts.get(MAIN);
        if (main == null) {
            return out;
        }
        Map<String, Object> locals;
        try {
            locals = NetworkModuleLocals.parse(main);
        } catch (IllegalArgumentException e) {
            out.add(broken(e.getMessage()));
            return out;
        }
        Map<String, Object> groups = map(locals, "security_groups");
        map(locals, "ingress_from_groups").forEach((key, v) -> out.add(rule(key, "ingress", (Map<String, Object>) v, groups)));
        map(locals, "ingress_from_cidrs").forEach((key, v) -> out.add(rule(key, "ingress", (Map<String, Object>) v, groups)));
        map(locals, "egress_to_groups").forEach((key, v) -> out.add(rule(key, "egress", (Map<String, Object>) v, groups)));
        return out;
    }

    /**
     * Each rule's {@code description} (what AWS shows beside the rule), by {@code <direction>:<key>} as
     * {@link #artifact()} names it; empty when the module is absent or unreadable (then {@link #read} says why).
     */
    @SuppressWarnings("unchecked")
    public static Map<String, String> descriptions(Map<String, String> artifacts) {
        Map<String, String> out = new java.util.TreeMap<>();
        String main = artifacts.get(MAIN);
        if (main == null) {
            return out;
        }
        try {
            Map<String, Object> locals = NetworkModuleLocals.parse(main);
            for (String block : List.of("ingress_from_groups", "ingress_from_cidrs", "egress_to_groups")) {
                String direction = block.startsWith("ingress") ? "ingress" : "egress";
                map(locals, block).forEach((key, v) -> out.put(direction + ":" + key,
                        v instanceof Map<?, ?> r ? text(((Map<String, Object>) r).get("description")) : ""));
            }
        } catch (IllegalArgumentException e) {
            // read() reports the same problem
        }
        return out;
    }

    private static EmittedSecurityGroupRule rule(String key, String direction, Map<String, Object> r, Map<String, Object> groups) {
        String group = text(r.get("security_group"));
        String peer = text(r.get("peer_group"));
        String cidr = !text(r.get("cidr_ipv4")).isEmpty() ? text(r.get("cidr_ipv4")) : text(r.get("cidr_ipv6"));
        List<String> ruleIds = Arrays.stream(text(r.get("rules")).split(" ")).filter(s -> !s.isEmpty()).sorted().toList();
        return new EmittedSecurityGroupRule(key, direction, group, owner(groups, group), peer,
                peer.isEmpty() ? "" : owner(groups, peer), cidr, text(r.get("ip_protocol")), number(r.get("from_port")),
                number(r.get("to_port")), ruleIds, Optional.empty());
    }

    @SuppressWarnings("unchecked")
    private static String owner(Map<String, Object> groups, String name) {
        Object group = groups.get(name);
        return group instanceof Map<?, ?> g ? text(((Map<String, Object>) g).get("owner")) : "";
    }

    private static EmittedSecurityGroupRule broken(String problem) {
        return new EmittedSecurityGroupRule("", "", "", "", "", "", "", "", 0, 0, List.of(), Optional.of(MAIN + " " + problem));
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return NetworkModuleLocals.map(parent, key);
    }

    private static String text(Object value) {
        return NetworkModuleLocals.text(value);
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : -1;
    }
}
