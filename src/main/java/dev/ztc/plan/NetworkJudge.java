package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.artifact.EmittedSecurityGroup;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.load.Values;
import inet.ipaddr.IPAddress;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Security groups and their rules. A rule is ztc's when the network module declares it, or when it is attached to
 * one of ztc's groups (a rule added by hand elsewhere still opens a micro-segment). Group ids are unknown in a plan
 * that creates the groups; that unknown is expected exactly when the group the rule must reference is created by
 * the same plan, and unverifiable otherwise.
 */
final class NetworkJudge {

    private static final Set<String> RULE_TYPES = Set.of("aws_vpc_security_group_ingress_rule",
            "aws_vpc_security_group_egress_rule", "aws_security_group_rule");

    private final PlanIntent intent;
    private final PlanFindings out;
    private final Map<String, EmittedSecurityGroup> groupOfId = new HashMap<>();
    private final Set<String> groupsCreated = new HashSet<>();

    NetworkJudge(PlanIntent intent, TerraformPlan plan, PlanFindings out) {
        this.intent = intent;
        this.out = out;
        Map<String, JsonNode> objects = plan.knownObjects();
        intent.groups().forEach((address, group) -> {
            JsonNode id = objects.getOrDefault(address, com.fasterxml.jackson.databind.node.MissingNode.getInstance()).path("id");
            if (id.isTextual()) {
                groupOfId.put(id.asText(), group);
            }
        });
        plan.changes().stream().filter(c -> c.actions().contains("create") && intent.groups().containsKey(c.address()))
                .forEach(c -> groupsCreated.add(intent.groups().get(c.address()).key()));
    }

    /** Judges the change when it is a security group or a rule on one of ztc's groups; false when it is neither. */
    boolean judge(ResourceChange c) {
        boolean owned = PlanIntent.owned(c);
        if (c.type().equals("aws_security_group") && owned) {
            judgeGroup(c);
            return true;
        }
        if (!RULE_TYPES.contains(c.type())) {
            return false;
        }
        Optional<EmittedSecurityGroup> target = c.knownText("security_group_id").map(groupOfId::get);
        if (!owned && target.isEmpty()) {
            return false;
        }
        EmittedSecurityGroupRule expected = owned ? intent.rules().get(c.address()) : null;
        if (c.removes()) {
            if (expected != null) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, expected.ruleIds(), "removes the flow " + expected.key()
                        + " that " + PlanCheck.rulesThatGrant(expected.ruleIds()));
            }
        } else if (c.creates()) {
            if (expected == null) {
                out.add(PlanCheck.FLOW_NOT_GRANTED, c, List.of(), "opens " + describe(c) + target.map(g -> (egress(c)
                        ? " out of " : " into ") + g.owner() + "'s micro-segment").orElse("") + ", a flow no matrix rule grants");
            } else {
                compare(c, expected);
            }
        }
        return true;
    }

    private void judgeGroup(ResourceChange c) {
        EmittedSecurityGroup group = intent.groups().get(c.address());
        if (c.removes()) {
            if (group != null) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, group.ruleIds(), "removes the micro-segment of " + group.owner());
            }
            return;
        }
        if (!c.creates()) {
            return;
        }
        if (group == null) {
            out.add(PlanCheck.FLOW_NOT_GRANTED, c, List.of(), "a security group ztc did not compile");
        }
        // inline rules would make the group authoritative and let it hold flows no rule resource shows
        for (String inline : List.of("ingress", "egress")) {
            ResourceChange.Value value = c.after(inline);
            if (value instanceof ResourceChange.Unknown) {
                out.unknown(c, group == null ? List.of() : group.ruleIds(), inline);
            } else if (value instanceof ResourceChange.Known k && k.value().size() > 0) {
                out.add(PlanCheck.FLOW_NOT_GRANTED, c, group == null ? List.of() : group.ruleIds(), "declares "
                        + k.value().size() + " inline " + inline + " rule(s); ztc grants flows only as rule resources");
            }
        }
    }

    private void compare(ResourceChange c, EmittedSecurityGroupRule expected) {
        List<String> ids = expected.ruleIds();
        boolean unknown = false;
        for (String attribute : List.of("ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6")) {
            if (c.after(attribute) instanceof ResourceChange.Unknown) {
                out.unknown(c, ids, attribute);
                unknown = true;
            }
        }
        unknown |= reference(c, "security_group_id", expected.group(), ids);
        if (!expected.peerGroup().isEmpty()) {
            unknown |= reference(c, "referenced_security_group_id", expected.peerGroup(), ids);
        }
        if (unknown) {
            return;
        }
        String protocol = c.knownText("ip_protocol").orElse("");
        int from = c.knownText("from_port").map(NetworkJudge::number).orElse(-1);
        int to = c.knownText("to_port").map(NetworkJudge::number).orElse(-1);
        String cidr = c.knownText("cidr_ipv4").or(() -> c.knownText("cidr_ipv6")).orElse("");
        boolean same = protocol.equals(expected.protocol()) && from == expected.fromPort() && to == expected.toPort()
                && cidr.equals(expected.cidr());
        if (same) {
            return;
        }
        boolean narrower = protocol.equals(expected.protocol()) && !protocol.equals("-1") && from >= expected.fromPort()
                && to <= expected.toPort() && from <= to && within(cidr, expected.cidr());
        if (narrower) {
            out.add(PlanCheck.REQUIRED_REMOVED, c, ids, "narrows the flow " + expected.key() + " to " + describe(c)
                    + "; the matrix grants " + expected.fromPort() + "-" + expected.toPort() + "/" + expected.protocol()
                    + (expected.cidr().isEmpty() ? "" : " " + peer(c) + " " + expected.cidr()));
        } else {
            out.add(PlanCheck.FLOW_NOT_GRANTED, c, ids, "opens " + describe(c) + " where " + PlanCheck.rulesThatGrant(ids)
                    + " only " + expected.fromPort() + "-" + expected.toPort() + "/" + expected.protocol()
                    + " " + peer(c) + (expected.cidr().isEmpty() ? " group " + expected.peerGroup() : " " + expected.cidr()));
        }
    }

    /** Checks a group id attribute; true when it is unknown for a reason the plan does not explain. */
    private boolean reference(ResourceChange c, String attribute, String expectedGroup, List<String> ids) {
        ResourceChange.Value value = c.after(attribute);
        if (value instanceof ResourceChange.Unknown) {
            if (groupsCreated.contains(expectedGroup)) {
                return false;
            }
            out.unknown(c, ids, attribute);
            return true;
        }
        Optional<EmittedSecurityGroup> group = c.knownText(attribute).map(groupOfId::get);
        if (group.isEmpty() || !group.get().key().equals(expectedGroup)) {
            out.add(PlanCheck.FLOW_NOT_GRANTED, c, ids, attribute + " is " + c.knownText(attribute).orElse("null")
                    + (group.map(g -> " (group " + g.key() + ")").orElse(", not a ztc group")) + " where the matrix needs group "
                    + expectedGroup);
        }
        return false;
    }

    /** A planned CIDR inside the granted one; both empty (a group-to-group rule) counts as inside. */
    private static boolean within(String planned, String granted) {
        if (planned.isEmpty() || granted.isEmpty()) {
            return planned.isEmpty() && granted.isEmpty();
        }
        try {
            IPAddress outer = Values.block(granted);
            IPAddress inner = Values.block(planned);
            return outer != null && inner != null && outer.contains(inner);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String describe(ResourceChange c) {
        String protocol = c.knownText("ip_protocol").or(() -> c.knownText("protocol")).orElse("?");
        String ports = c.knownText("from_port").orElse("?") + "-" + c.knownText("to_port").orElse("?");
        String from = c.knownText("cidr_ipv4").or(() -> c.knownText("cidr_ipv6"))
                .or(() -> c.after("cidr_blocks") instanceof ResourceChange.Known k ? Optional.of(k.value().toString()) : Optional.empty())
                .map(cidr -> (isWorld(cidr) ? "the whole Internet " : "") + cidr)
                .orElse("a security group");
        return ports + "/" + (protocol.equals("-1") ? "all protocols" : protocol) + " " + peer(c) + " " + from;
    }

    /** An egress rule's peer is where traffic goes, an ingress rule's where it comes from. */
    private static String peer(ResourceChange c) {
        return egress(c) ? "to" : "from";
    }

    private static boolean egress(ResourceChange c) {
        return c.type().equals("aws_vpc_security_group_egress_rule")
                || c.type().equals("aws_security_group_rule") && c.knownText("type").filter("egress"::equals).isPresent();
    }

    private static boolean isWorld(String cidr) {
        return cidr.contains("0.0.0.0/0") || cidr.contains("::/0");
    }

    private static int number(String text) {
        try {
            return (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Integer.MIN_VALUE;
        }
    }
}
