package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.StateObject;
import dev.ztc.drift.graph.ConditionalAccessNames;
import dev.ztc.drift.graph.ConditionalAccessObjects;
import dev.ztc.drift.graph.DirectoryIds;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Conditional Access policies and named locations of a Terraform state (the hashicorp/azuread provider's schema)
 * in the normal form Graph's are read into. Object ids map back to the inventory's ids through what the state
 * itself records: the module's {@code data.azuread_group.by_name} and {@code data.azuread_user.by_upn} instances
 * are keyed by the inventory's ids, and named locations carry ztc's display names.
 */
final class ConditionalAccessStateObjects {

    private final ResolvedProject project;

    ConditionalAccessStateObjects(ResolvedProject project) {
        this.project = project;
    }

    List<StateObject> read(List<StateResource> resources) {
        ConditionalAccessNames names = new ConditionalAccessNames(project);
        DirectoryIds ids = DirectoryIds.of(project);
        List<StateObject> out = new ArrayList<>();
        for (StateResource r : resources) {
            if (r.data("azuread_group") && project.groups().containsKey(r.index())) {
                ids.group(r.text("object_id"), r.index());
            } else if (r.data("azuread_user") && project.users().containsKey(r.index())) {
                ids.user(r.text("object_id"), r.index());
            } else if (r.managed("azuread_named_location")) {
                String name = r.text("display_name");
                names.locationId(name).ifPresent(id -> ids.location(r.text("id"), id));
                List<String> cidrs = new ArrayList<>();
                r.values().path("ip").forEach(ip -> ip.path("ip_ranges").forEach(c -> cidrs.add(c.asText())));
                out.add(ConditionalAccessObjects.namedLocation(name, cidrs, names.managed(name), names.locationRuleIds(name)));
            }
        }
        for (StateResource r : resources) {
            if (r.managed("azuread_conditional_access_policy")) {
                out.add(policy(r.values(), ids, names));
            }
        }
        return out;
    }

    /** Nested blocks are lists of (at most) one object in the state; an absent block reads as empty. */
    private static StateObject policy(JsonNode v, DirectoryIds ids, ConditionalAccessNames names) {
        JsonNode c = v.path("conditions").path(0);
        JsonNode users = c.path("users").path(0);
        JsonNode locations = c.path("locations").path(0);
        JsonNode grant = v.path("grant_controls").path(0);
        JsonNode session = v.path("session_controls").path(0);
        int hours = 0;
        if (session.path("sign_in_frequency").canConvertToInt() && session.path("sign_in_frequency").asInt() > 0) {
            hours = session.path("sign_in_frequency").asInt() * ("days".equals(session.path("sign_in_frequency_period").asText()) ? 24 : 1);
        }
        String name = v.path("display_name").asText("");
        List<String> applications = strings(c.path("applications").path(0).path("included_applications"), s -> s);
        return new ConditionalAccessObjects.Policy(name, v.path("state").asText(""), applications,
                strings(users.path("included_users"), ids::user), strings(users.path("excluded_users"), ids::user),
                strings(users.path("included_groups"), ids::group), strings(users.path("excluded_groups"), ids::group),
                strings(c.path("client_app_types"), s -> s), strings(locations.path("included_locations"), ids::location),
                strings(locations.path("excluded_locations"), ids::location), strings(c.path("sign_in_risk_levels"), s -> s),
                grant.path("operator").asText(""), strings(grant.path("built_in_controls"), s -> s), hours)
                .object(names.managed(name), names.policyRuleIds(name, applications));
    }

    private static List<String> strings(JsonNode array, UnaryOperator<String> name) {
        List<String> out = new ArrayList<>();
        array.forEach(item -> out.add(name.apply(item.asText())));
        return out;
    }
}
