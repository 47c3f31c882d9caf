package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.artifact.EmittedConditionalAccessPolicy;

import java.util.ArrayList;
import java.util.List;

/**
 * Conditional Access only ever adds requirements, so what matters in a plan is what it takes away: a deleted or
 * disabled policy, fewer controls, fewer applications or client app types covered, new exclusions, a named
 * location that grows. Object ids of users, groups and locations are the tenant's, not the inventory's, so
 * exclusions are judged against the policy as it is before the change.
 */
final class ConditionalAccessJudge {

    private final PlanIntent intent;
    private final PlanFindings out;

    ConditionalAccessJudge(PlanIntent intent, PlanFindings out) {
        this.intent = intent;
        this.out = out;
    }

    boolean judge(ResourceChange c) {
        if (!PlanIntent.owned(c)) {
            return false;
        }
        if (c.type().equals("azuread_conditional_access_policy")) {
            policy(c, intent.caPolicies().get(c.address()));
            return true;
        }
        if (c.type().equals("azuread_named_location")) {
            location(c, intent.namedLocations().get(c.address()));
            return true;
        }
        return false;
    }

    private void policy(ResourceChange c, EmittedConditionalAccessPolicy granted) {
        List<String> ids = granted == null ? List.of() : granted.ruleIds();
        if (c.removes()) {
            if (granted != null) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, ids, "deletes the Conditional Access policy '" + granted.displayName()
                        + "' (" + String.join(" + ", granted.controls()) + ") that " + String.join(", ", ids) + " require");
            }
            return;
        }
        if (!c.creates()) {
            return;
        }
        if (granted == null) {
            out.add(PlanCheck.CONDITIONAL_ACCESS_WEAKENED, c, List.of(), "a Conditional Access policy ztc did not compile");
            return;
        }
        List<String> why = new ArrayList<>();
        missing(c, ids, why, "controls", granted.controls(), "grant_controls", "0", "built_in_controls");
        missing(c, ids, why, "applications", granted.applications(), "conditions", "0", "applications", "0", "included_applications");
        missing(c, ids, why, "client app types", granted.clientAppTypes(), "conditions", "0", "client_app_types");
        if (granted.allUsers()) {
            missing(c, ids, why, "users", List.of("All"), "conditions", "0", "users", "0", "included_users");
        }
        if (granted.controls().size() > 1 && "AND".equals(granted.operator())
                && c.knownText("grant_controls", "0", "operator").filter("OR"::equals).isPresent()) {
            why.add("asks for one of " + String.join(", ", granted.controls()) + " instead of all of them");
        }
        if (c.beforeText("state").filter("enabled"::equals).isPresent()
                && c.knownText("state").filter(s -> !s.equals("enabled")).isPresent()) {
            why.add("stops enforcing it (state " + c.knownText("state").get() + ")");
        }
        for (String field : List.of("excluded_users", "excluded_groups")) {
            if (!c.beforeNode("conditions").isArray()) {
                continue;
            }
            List<String> before = texts(c.beforeNode("conditions", "0", "users", "0", field));
            if (c.after("conditions", "0", "users", "0", field) instanceof ResourceChange.Known k) {
                List<String> added = texts(k.value()).stream().filter(id -> !before.contains(id)).toList();
                if (!added.isEmpty()) {
                    why.add("newly exempts " + field.replace("excluded_", "") + " " + String.join(", ", added));
                }
            }
        }
        if (!why.isEmpty()) {
            out.add(PlanCheck.CONDITIONAL_ACCESS_WEAKENED, c, ids, "weakens '" + granted.displayName() + "': "
                    + String.join("; ", why));
        }
    }

    /** Adds to {@code why} the required values the planned list at {@code path} lacks; unknown is reported. */
    private void missing(ResourceChange c, List<String> ids, List<String> why, String what, List<String> required,
                         String... path) {
        ResourceChange.Value value = c.after(path);
        if (value instanceof ResourceChange.Unknown) {
            out.unknown(c, ids, String.join(".", path).replace(".0.", "[0]."));
            return;
        }
        List<String> planned = value instanceof ResourceChange.Known k ? texts(k.value()) : List.of();
        List<String> lacking = required.stream().filter(r -> !planned.contains(r)).toList();
        if (!lacking.isEmpty()) {
            why.add("drops " + what + " " + String.join(", ", lacking));
        }
    }

    private void location(ResourceChange c, List<String> granted) {
        if (c.removes() || !c.creates()) {
            if (c.removes() && granted != null) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, List.of(), "deletes a named location the policies use");
            }
            return;
        }
        if (granted == null) {
            out.add(PlanCheck.CONDITIONAL_ACCESS_WEAKENED, c, List.of(), "a named location ztc did not compile");
            return;
        }
        ResourceChange.Value value = c.after("ip", "0", "ip_ranges");
        if (value instanceof ResourceChange.Unknown) {
            out.unknown(c, List.of(), "ip[0].ip_ranges");
        } else if (value instanceof ResourceChange.Known k) {
            List<String> added = texts(k.value()).stream().filter(r -> !granted.contains(r)).toList();
            if (!added.isEmpty()) {
                out.add(PlanCheck.CONDITIONAL_ACCESS_WEAKENED, c, List.of(), "widens the location by "
                        + String.join(", ", added) + "; the inventory gives " + String.join(", ", granted));
            }
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
