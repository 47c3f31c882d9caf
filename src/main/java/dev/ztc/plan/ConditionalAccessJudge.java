package dev.ztc.plan;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.artifact.EmittedConditionalAccessPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Conditional Access only ever adds requirements, so what matters in a plan is what it takes away: a deleted or
 * disabled policy, fewer controls, fewer applications or client app types covered, new exclusions, a named
 * location that grows. A planned policy, created or updated alike, is compared with the intended one of the
 * compiled module ({@link IntendedPolicyComparison}); the tenant's object ids are named through {@link TenantIds}.
 */
final class ConditionalAccessJudge {

    private final PlanIntent intent;
    private final PlanFindings out;
    private final TenantIds tenant;
    private final List<String> breakGlass;
    private final String variableState;

    ConditionalAccessJudge(PlanIntent intent, TerraformPlan plan, PlanFindings out) {
        this.intent = intent;
        this.out = out;
        this.tenant = TenantIds.of(intent.context().project(), plan);
        this.breakGlass = EmittedConditionalAccessPolicy.read(intent.context().artifacts()).breakGlassUserIds();
        this.variableState = variableState(intent.context().artifacts().get(EmittedConditionalAccessPolicy.VARIABLES));
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
        new IntendedPolicyComparison(c, granted, ids, tenant, breakGlass, intendedState(granted), out).judge();
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

    /** The state the compiled policy asks for: its literal, or the module variable's default it leaves it to. */
    private String intendedState(EmittedConditionalAccessPolicy granted) {
        return granted.state().startsWith("var.") ? variableState : granted.state();
    }

    /** {@code variable "state" { default = "..." }}; empty when it cannot be read (then only "enabled" is assumed). */
    private static String variableState(String variables) {
        if (variables == null) {
            return "";
        }
        try {
            Object variable = ((Map<?, ?>) new HCLParser().parse(variables).getOrDefault("variable", Map.of())).get("state");
            return variable instanceof Map<?, ?> v && v.get("default") instanceof String d ? d : "";
        } catch (Exception e) {
            return "";
        }
    }

    private static List<String> texts(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }
}
