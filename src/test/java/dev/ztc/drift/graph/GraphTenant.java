package dev.ztc.drift.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Group;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant as Graph shows it after {@code terraform apply} of the compiled Conditional Access module: what the
 * azuread provider would create, in Graph's {@code conditionalAccessPolicy} and {@code ipNamedLocation} JSON,
 * with object ids made up for everything the inventory does not fix (groups known by name, locations, policies).
 * Built from the module's files and the inventory, not from drift's normal form, so that the two readings
 * meet only in the comparison. Tests then change it as an administrator would in the portal.
 */
final class GraphTenant {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOCATION = Pattern.compile("\"([^\"]+)\" = \\{\\s*display_name = \"([^\"]+)\"");

    final List<ObjectNode> policies = new ArrayList<>();
    final List<ObjectNode> namedLocations = new ArrayList<>();
    /** Display name → object id, for the groups the inventory names by display name only. */
    final Map<String, String> groupsByName = new LinkedHashMap<>();

    GraphTenant(ResolvedProject project, Map<String, String> artifacts, String moduleStateDefault) {
        EmittedConditionalAccessPolicy.Module module = EmittedConditionalAccessPolicy.read(artifacts);
        Map<String, String> groupIds = new LinkedHashMap<>();
        for (Group group : project.groups().values()) {
            String oid = group.azureGroupId().orElseGet(() -> objectId("group", group.id()));
            groupIds.put(group.id(), oid);
            if (group.azureGroupId().isEmpty()) {
                group.azureGroup().ifPresent(name -> groupsByName.put(name, oid));
            }
        }
        Map<String, String> locationIds = new LinkedHashMap<>();
        String main = artifacts.get(EmittedConditionalAccessPolicy.MAIN);
        Matcher m = LOCATION.matcher(main.substring(main.indexOf("resource \"azuread_named_location\"")));
        while (m.find()) {
            String oid = objectId("location", m.group(1));
            locationIds.put(m.group(1), oid);
            ObjectNode location = JSON.createObjectNode().put("@odata.type", "#microsoft.graph.ipNamedLocation")
                    .put("id", oid).put("displayName", m.group(2)).put("isTrusted", false);
            ArrayNode ranges = location.putArray("ipRanges");
            module.namedLocations().get(m.group(1)).forEach(cidr -> ranges.addObject()
                    .put("@odata.type", cidr.contains(":") ? "#microsoft.graph.iPv6CidrRange" : "#microsoft.graph.iPv4CidrRange")
                    .put("cidrAddress", cidr));
            namedLocations.add(location);
        }
        for (EmittedConditionalAccessPolicy p : module.policies()) {
            ObjectNode policy = JSON.createObjectNode().put("id", objectId("policy", p.key())).put("displayName", p.displayName())
                    .put("state", p.state().startsWith("var.") ? moduleStateDefault : p.state());
            ObjectNode conditions = policy.putObject("conditions");
            array(conditions.putObject("applications").putArray("includeApplications"), p.applications());
            ObjectNode users = conditions.putObject("users");
            List<String> include = new ArrayList<>(p.allUsers() ? List.of("All") : List.of());
            array(users.putArray("includeUsers"), include);
            List<String> exclude = new ArrayList<>(module.breakGlassUserIds());
            array(users.putArray("excludeUsers"), exclude);
            array(users.putArray("includeGroups"), p.includeGroups().stream().map(groupIds::get).toList());
            array(users.putArray("excludeGroups"), p.excludeGroups().stream().map(groupIds::get).toList());
            users.putArray("includeRoles");
            users.putArray("excludeRoles");
            array(conditions.putArray("clientAppTypes"), p.clientAppTypes());
            if (p.includeLocations().isEmpty()) {
                conditions.putNull("locations");
            } else {
                ObjectNode locations = conditions.putObject("locations");
                array(locations.putArray("includeLocations"), p.includeLocations());
                array(locations.putArray("excludeLocations"), p.excludeLocations().stream().map(locationIds::get).toList());
            }
            array(conditions.putArray("signInRiskLevels"), p.signInRiskLevels());
            conditions.putArray("userRiskLevels");
            ObjectNode grant = policy.putObject("grantControls").put("operator", p.operator());
            array(grant.putArray("builtInControls"), p.controls());
            if (p.signInFrequencyHours() > 0) {
                policy.putObject("sessionControls").putObject("signInFrequency")
                        .put("value", p.signInFrequencyHours()).put("type", "hours").put("isEnabled", true);
            } else {
                policy.putNull("sessionControls");
            }
            if (!p.includeUsers().isEmpty() || !p.excludeUsers().isEmpty()) {
                throw new IllegalStateException("this tenant does not make up user object ids; the example names no users");
            }
            policies.add(policy);
        }
    }

    ObjectNode policy(String displayName) {
        return policies.stream().filter(p -> p.path("displayName").asText().equals(displayName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy " + displayName));
    }

    /** A policy made by hand in the portal, outside Terraform. */
    ObjectNode addPolicy(String displayName, String appId) {
        ObjectNode policy = JSON.createObjectNode().put("id", objectId("policy", displayName)).put("displayName", displayName)
                .put("state", "enabled");
        ObjectNode conditions = policy.putObject("conditions");
        conditions.putObject("applications").putArray("includeApplications").add(appId);
        conditions.putObject("users").putArray("includeUsers").add("All");
        conditions.putArray("clientAppTypes").add("all");
        policy.putObject("grantControls").put("operator", "OR").putArray("builtInControls").add("mfa");
        policies.add(policy);
        return policy;
    }

    static String objectId(String kind, String name) {
        return UUID.nameUUIDFromBytes((kind + ":" + name).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static void array(ArrayNode into, List<String> values) {
        values.forEach(into::add);
    }
}
