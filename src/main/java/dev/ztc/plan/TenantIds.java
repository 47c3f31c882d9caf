package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Group;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tenant's object ids a plan's Conditional Access policies hold, named as the compiled module names them, so
 * that a planned policy can be compared with the intended one whether the plan creates or updates it. The names
 * come from what the inventory states (group object ids) and from what the plan itself records: the module's
 * {@code data.azuread_group.by_name} / {@code data.azuread_user.by_upn} instances are keyed by inventory ids, and
 * its {@code azuread_named_location.this} instances by location ids. An id nothing names is written
 * {@code id:<object id>}: it never matches an intended one, so an exclusion of a stranger is always reported.
 */
final class TenantIds {

    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> locations = new HashMap<>();

    static TenantIds of(ResolvedProject project, TerraformPlan plan) {
        TenantIds ids = new TenantIds();
        for (Group group : project.groups().values()) {
            group.azureGroupId().ifPresent(oid -> ids.groups.put(key(oid), group.id()));
        }
        String data = PlanIntent.CONDITIONAL_ACCESS + ".data.";
        plan.dataObjects().forEach((address, values) -> {
            String objectId = values.path("object_id").asText("");
            if (address.startsWith(data + "azuread_group.by_name[") && !objectId.isEmpty()) {
                ids.groups.put(key(objectId), index(address));
            } else if (address.startsWith(data + "azuread_user.by_upn[") && !objectId.isEmpty()) {
                ids.users.put(key(objectId), index(address));
            }
        });
        String location = PlanIntent.CONDITIONAL_ACCESS + ".azuread_named_location.this[";
        plan.knownObjects().forEach((address, values) -> ids.location(address, values, location));
        // an update plan knows the ids of the locations it keeps even when planned_values leaves them out
        plan.changes().stream().filter(c -> c.address().startsWith(location))
                .forEach(c -> ids.location(c.address(), c.before() == null ? null : c.before(), location));
        return ids;
    }

    private void location(String address, JsonNode values, String prefix) {
        if (values != null && address.startsWith(prefix) && !values.path("id").asText("").isEmpty()) {
            locations.putIfAbsent(key(values.path("id").asText()), index(address));
        }
    }

    String user(String objectId) {
        return name(users, objectId);
    }

    String group(String objectId) {
        return name(groups, objectId);
    }

    String location(String objectId) {
        return name(locations, objectId);
    }

    /** Graph's keywords ({@code All}, {@code AllTrusted}, {@code GuestsOrExternalUsers}) are their own names. */
    private static String name(Map<String, String> known, String value) {
        String mapped = known.get(key(value));
        if (mapped != null) {
            return mapped;
        }
        return value.contains("-") ? "id:" + key(value) : value;
    }

    /** How a break-glass account (known only by its object id) is named on both sides. */
    static String unmapped(String objectId) {
        return "id:" + key(objectId);
    }

    private static String key(String objectId) {
        return objectId.toLowerCase(Locale.ROOT);
    }

    /** {@code ...["payments"]} → {@code payments}. */
    private static String index(String address) {
        String quoted = address.substring(address.lastIndexOf("[\"") + 2, address.length() - 2);
        return quoted.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
