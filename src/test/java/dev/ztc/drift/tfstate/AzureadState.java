package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Group;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The {@code terraform show -json} of a state after applying the compiled Conditional Access module with the
 * hashicorp/azuread provider (v3 schema: nested blocks as one-element lists), written from the module's files and
 * the inventory: the group look-ups as data instances keyed by inventory id, named locations, and policies whose
 * ids are the object ids the provider resolved. Tests tamper with {@link #resource(String)} before writing.
 */
final class AzureadState {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODULE = "module.conditional_access";

    final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode resources;

    AzureadState(ResolvedProject project, Map<String, String> artifacts, String moduleStateDefault) {
        EmittedConditionalAccessPolicy.Module module = EmittedConditionalAccessPolicy.read(artifacts);
        root.put("format_version", "1.0").put("terraform_version", "1.9.8");
        ObjectNode child = root.putObject("values").putObject("root_module").putArray("child_modules").addObject();
        child.put("address", MODULE);
        resources = child.putArray("resources");
        Map<String, String> groupIds = new TreeMap<>();
        for (Group group : project.groups().values()) {
            String oid = group.azureGroupId().orElseGet(() -> objectId("group", group.id()));
            groupIds.put(group.id(), oid);
            if (group.azureGroupId().isEmpty() && group.azureGroup().isPresent()) {
                resource("data", "azuread_group", "by_name", group.id()).put("object_id", oid)
                        .put("display_name", group.azureGroup().get()).put("security_enabled", true);
            }
        }
        Map<String, String> locationIds = new TreeMap<>();
        module.namedLocations().forEach((id, cidrs) -> {
            String oid = objectId("location", id);
            locationIds.put(id, oid);
            ObjectNode values = resource("managed", "azuread_named_location", "this", id).put("id", oid)
                    .put("display_name", "ztc-" + project.organization() + "-" + id);
            values.putArray("country");
            ObjectNode ip = values.putArray("ip").addObject().put("trusted", false);
            cidrs.forEach(ip.putArray("ip_ranges")::add);
        });
        for (EmittedConditionalAccessPolicy p : module.policies()) {
            ObjectNode v = resource("managed", "azuread_conditional_access_policy", "this", p.key())
                    .put("id", objectId("policy", p.key())).put("display_name", p.displayName())
                    .put("state", p.state().startsWith("var.") ? moduleStateDefault : p.state());
            ObjectNode c = v.putArray("conditions").addObject();
            ObjectNode apps = c.putArray("applications").addObject();
            strings(apps.putArray("included_applications"), p.applications());
            apps.putArray("excluded_applications");
            strings(c.putArray("client_app_types"), p.clientAppTypes());
            strings(c.putArray("sign_in_risk_levels"), p.signInRiskLevels());
            c.putArray("user_risk_levels");
            ObjectNode users = c.putArray("users").addObject();
            strings(users.putArray("included_users"), p.allUsers() ? List.of("All") : List.of());
            strings(users.putArray("excluded_users"), module.breakGlassUserIds());
            strings(users.putArray("included_groups"), p.includeGroups().stream().map(groupIds::get).toList());
            strings(users.putArray("excluded_groups"), p.excludeGroups().stream().map(groupIds::get).toList());
            users.putArray("included_roles");
            users.putArray("excluded_roles");
            ArrayNode locations = c.putArray("locations");
            if (!p.includeLocations().isEmpty()) {
                ObjectNode l = locations.addObject();
                strings(l.putArray("included_locations"), p.includeLocations());
                strings(l.putArray("excluded_locations"), p.excludeLocations().stream().map(locationIds::get).toList());
            }
            ObjectNode grant = v.putArray("grant_controls").addObject().put("operator", p.operator())
                    .put("authentication_strength_policy_id", "");
            strings(grant.putArray("built_in_controls"), p.controls());
            ArrayNode session = v.putArray("session_controls");
            if (p.signInFrequencyHours() > 0) {
                session.addObject().put("sign_in_frequency", p.signInFrequencyHours()).put("sign_in_frequency_period", "hours");
            }
        }
    }

    /** The values of the module's instance {@code type.this["key"]}. */
    ObjectNode resource(String type, String key) {
        for (var r : resources) {
            if (r.path("type").asText().equals(type) && r.path("index").asText().equals(key)) {
                return (ObjectNode) r.get("values");
            }
        }
        throw new IllegalArgumentException("no " + type + " " + key);
    }

    /** A policy someone added to the configuration (or imported) beside the module's: MFA for everyone on one app. */
    void addPolicy(String key, String displayName, String appId) {
        ObjectNode v = resource("managed", "azuread_conditional_access_policy", "extra", key)
                .put("id", objectId("policy", key)).put("display_name", displayName).put("state", "enabled");
        ObjectNode c = v.putArray("conditions").addObject();
        c.putArray("applications").addObject().putArray("included_applications").add(appId);
        c.putArray("client_app_types").add("all");
        c.putArray("users").addObject().putArray("included_users").add("All");
        v.putArray("grant_controls").addObject().put("operator", "OR").putArray("built_in_controls").add("mfa");
    }

    void remove(String type, String key) {
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).path("type").asText().equals(type) && resources.get(i).path("index").asText().equals(key)) {
                resources.remove(i);
                return;
            }
        }
        throw new IllegalArgumentException("no " + type + " " + key);
    }

    String json() {
        return root.toPrettyString();
    }

    private ObjectNode resource(String mode, String type, String name, String key) {
        ObjectNode r = resources.addObject();
        r.put("address", MODULE + "." + (mode.equals("data") ? "data." : "") + type + "." + name + "[\"" + key + "\"]")
                .put("mode", mode).put("type", type).put("name", name).put("index", key)
                .put("provider_name", "registry.terraform.io/hashicorp/azuread").put("schema_version", 0);
        r.putObject("sensitive_values");
        return r.putObject("values");
    }

    static String objectId(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void strings(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
