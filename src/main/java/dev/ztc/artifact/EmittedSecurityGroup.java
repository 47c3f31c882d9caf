package dev.ztc.artifact;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One security group as {@code modules/network/main.tf} declares it in {@code local.security_groups}: its key
 * (which the rules name), its {@code owner} ({@code asset:x}, {@code service:x}, {@code segment:x}) and the
 * matrix rule ids it serves. A reader needs the groups, not just the rules, to find the group of a caller or a
 * destination that has no rule at all. {@code name} and {@code description} are what AWS shows (drift matches live
 * groups by name).
 */
public record EmittedSecurityGroup(String key, String owner, List<String> ruleIds, String name, String description) {

    public EmittedSecurityGroup {
        ruleIds = List.copyOf(ruleIds);
    }

    /**
     * The groups in file order; empty when the module is absent. A module that cannot be parsed is an
     * {@link IllegalArgumentException}, whose message says why (the rule reader reports the same as a problem).
     */
    @SuppressWarnings("unchecked")
    public static List<EmittedSecurityGroup> read(Map<String, String> artifacts) {
        String main = artifacts.get(EmittedSecurityGroupRule.MAIN);
        if (main == null) {
            return List.of();
        }
        Map<String, Object> locals = NetworkModuleLocals.parse(main);
        List<EmittedSecurityGroup> out = new ArrayList<>();
        NetworkModuleLocals.map(locals, "security_groups").forEach((key, value) -> {
            Map<String, Object> group = value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
            List<String> ids = Arrays.stream(NetworkModuleLocals.text(group.get("rules")).split(" "))
                    .filter(s -> !s.isEmpty()).sorted().toList();
            out.add(new EmittedSecurityGroup(key, NetworkModuleLocals.text(group.get("owner")), ids,
                    NetworkModuleLocals.text(group.get("name")), NetworkModuleLocals.text(group.get("description"))));
        });
        return out;
    }
}
