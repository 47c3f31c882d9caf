package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.drift.StateObject;
import dev.ztc.drift.aws.AwsObjects;
import dev.ztc.drift.aws.PolicyDocuments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Security groups, their rules, IAM roles and managed policies of a Terraform state in drift's normal form, built by
 * the AWS source's {@link AwsObjects} with its conventions: ztc's by its {@code ztc:managed} and
 * {@code ztc:organization} tags (tags stripped: an {@code <org>-} name and a description starting {@code ztc }),
 * rule ids from the {@code ztc:rules} tag or a rule's {@code ztc: A, B} description, ports -1 where EC2 has none.
 *
 * <p>A group's rules are read from the rule resources and, after a refresh, also from the group's own
 * {@code ingress}/{@code egress} attributes, which list every rule EC2 holds; the union (by key) shows a rule
 * added by hand that no resource declares.
 */
final class AwsStateObjects {

    private final String organization;

    AwsStateObjects(String organization) {
        this.organization = organization;
    }

    List<StateObject> network(List<StateResource> resources) {
        Map<String, String> nameOfId = new HashMap<>();
        Map<String, Boolean> managedGroups = new HashMap<>();
        List<StateObject> out = new ArrayList<>();
        for (StateResource r : resources) {
            if (r.managed("aws_security_group")) {
                nameOfId.put(r.text("id"), r.text("name"));
                boolean managed = owned(tags(r.values()),
                        r.text("name").startsWith(organization + "-") && r.text("description").startsWith("ztc "));
                managedGroups.put(r.text("name"), managed);
                out.add(AwsObjects.securityGroup(r.text("name"), r.text("description"), r.text("vpc_id"), managed,
                        AwsObjects.ruleIdsOfTag(tags(r.values()).get("ztc:rules"))));
            }
        }
        Map<String, StateObject> rules = new LinkedHashMap<>();
        for (StateResource r : resources) {
            String direction = r.managed("aws_vpc_security_group_ingress_rule") ? "ingress"
                    : r.managed("aws_vpc_security_group_egress_rule") ? "egress" : null;
            if (direction != null) {
                JsonNode v = r.values();
                String group = nameOfId.getOrDefault(r.text("security_group_id"), r.text("security_group_id"));
                String peer = !r.text("cidr_ipv4").isEmpty() ? r.text("cidr_ipv4") : !r.text("cidr_ipv6").isEmpty() ? r.text("cidr_ipv6")
                        : !r.text("prefix_list_id").isEmpty() ? "pl:" + r.text("prefix_list_id")
                        : "sg:" + nameOfId.getOrDefault(r.text("referenced_security_group_id"), r.text("referenced_security_group_id"));
                add(rules, group, direction, peer, r.text("ip_protocol"), port(v.path("from_port")), port(v.path("to_port")),
                        r.text("description"), managedGroups.getOrDefault(group, false));
            }
        }
        for (StateResource r : resources) {
            if (r.managed("aws_security_group")) {
                inline(r, "ingress", nameOfId, managedGroups, rules);
                inline(r, "egress", nameOfId, managedGroups, rules);
            }
        }
        out.addAll(rules.values());
        return out;
    }

    /** The group's inline view: one rule object per peer of each entry, as EC2's IP permissions read. */
    private void inline(StateResource group, String direction, Map<String, String> nameOfId,
                        Map<String, Boolean> managedGroups, Map<String, StateObject> rules) {
        String name = group.text("name");
        for (JsonNode e : group.values().path(direction)) {
            String protocol = e.path("protocol").asText("");
            // the provider writes 0-0 for "all traffic", which EC2 (and the rule resources) leave without ports
            boolean all = protocol.equals("-1");
            int from = all ? -1 : port(e.path("from_port"));
            int to = all ? -1 : port(e.path("to_port"));
            List<String> peers = new ArrayList<>();
            e.path("cidr_blocks").forEach(c -> peers.add(c.asText()));
            e.path("ipv6_cidr_blocks").forEach(c -> peers.add(c.asText()));
            e.path("prefix_list_ids").forEach(c -> peers.add("pl:" + c.asText()));
            e.path("security_groups").forEach(c -> peers.add("sg:" + nameOfId.getOrDefault(c.asText(), c.asText())));
            if (e.path("self").asBoolean(false)) {
                peers.add("sg:" + name);
            }
            for (String peer : peers) {
                add(rules, name, direction, peer, protocol, from, to, e.path("description").asText(""),
                        managedGroups.getOrDefault(name, false));
            }
        }
    }

    private static void add(Map<String, StateObject> rules, String group, String direction, String peer, String protocol,
                            int from, int to, String description, boolean managed) {
        StateObject rule = AwsObjects.securityGroupRule(group, direction, peer, protocol, from, to, description, managed,
                AwsObjects.ruleIdsOfDescription(description));
        rules.putIfAbsent(rule.key(), rule);
    }

    List<StateObject> identity(List<StateResource> resources) throws StateResource.StateFormatException {
        Map<String, TreeSet<String>> attached = new HashMap<>();
        for (StateResource r : resources) {
            if (r.managed("aws_iam_role_policy_attachment")) {
                attached.computeIfAbsent(r.text("role"), k -> new TreeSet<>()).add(policyName(r.text("policy_arn")));
            }
        }
        List<StateObject> out = new ArrayList<>();
        for (StateResource r : resources) {
            if (r.managed("aws_iam_role")) {
                TreeSet<String> policies = attached.getOrDefault(r.text("name"), new TreeSet<>());
                r.values().path("managed_policy_arns").forEach(arn -> policies.add(policyName(arn.asText())));
                JsonNode max = r.values().path("max_session_duration");
                Map<String, String> tags = tags(r.values());
                out.add(AwsObjects.role(r.text("name"), document(r, "assume_role_policy"),
                        max.canConvertToInt() ? max.asInt() : AwsObjects.DEFAULT_MAX_SESSION_SECONDS, List.copyOf(policies),
                        owned(tags, r.text("description").startsWith("ztc ")), AwsObjects.ruleIdsOfTag(tags.get("ztc:rules"))));
            } else if (r.managed("aws_iam_policy")) {
                Map<String, String> tags = tags(r.values());
                out.add(AwsObjects.policy(r.text("name"), document(r, "policy"),
                        owned(tags, r.text("description").startsWith("ztc ")), AwsObjects.ruleIdsOfTag(tags.get("ztc:rules"))));
            }
        }
        return out;
    }

    private static String document(StateResource r, String attribute) throws StateResource.StateFormatException {
        try {
            return PolicyDocuments.canonical(r.text(attribute));
        } catch (JsonProcessingException e) {
            throw new StateResource.StateFormatException(r.address() + "." + attribute + " is not a JSON policy document: "
                    + e.getOriginalMessage());
        }
    }

    /** {@code arn:aws:iam::111122223333:policy/path/name} → {@code name}. */
    private static String policyName(String arn) {
        return arn.substring(arn.lastIndexOf('/') + 1);
    }

    /** ztc's tags decide; with the tags stripped, what ztc writes into names and descriptions does. */
    private boolean owned(Map<String, String> tags, boolean writtenByZtc) {
        if ("true".equals(tags.get("ztc:managed"))) {
            return organization.equals(tags.getOrDefault("ztc:organization", organization));
        }
        return writtenByZtc;
    }

    /** {@code tags_all} holds the provider's default tags too (the root module sets ztc's there); else {@code tags}. */
    private static Map<String, String> tags(JsonNode values) {
        JsonNode tags = values.path("tags_all").isObject() ? values.path("tags_all") : values.path("tags");
        Map<String, String> out = new TreeMap<>();
        tags.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    private static int port(JsonNode value) {
        return value.canConvertToInt() ? value.asInt() : -1;
    }
}
