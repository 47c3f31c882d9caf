package dev.ztc.drift.graph;

import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Group;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Entra object ids → the inventory's ids, for users, groups and named locations, so that a live policy names its
 * people and places as the compiled module does. Group ids the inventory gives are known up front; the rest are
 * learned from where a source finds them (Graph look-ups, a Terraform state's data sources, named locations).
 * An object id nothing maps stays visible as {@code id:<object id>}; Graph's keywords ({@code All},
 * {@code GuestsOrExternalUsers}, {@code AllTrusted}) stay as they are.
 */
public final class DirectoryIds {

    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final Map<String, String> users = new HashMap<>();
    private final Map<String, String> groups = new HashMap<>();
    private final Map<String, String> locations = new HashMap<>();

    /** Seeded with the group object ids the inventory states. */
    public static DirectoryIds of(ResolvedProject project) {
        DirectoryIds ids = new DirectoryIds();
        for (Group group : project.groups().values()) {
            group.azureGroupId().ifPresent(oid -> ids.group(oid, group.id()));
        }
        return ids;
    }

    public void user(String objectId, String inventoryId) {
        users.put(objectId.toLowerCase(Locale.ROOT), inventoryId);
    }

    public void group(String objectId, String inventoryId) {
        groups.put(objectId.toLowerCase(Locale.ROOT), inventoryId);
    }

    public void location(String objectId, String inventoryId) {
        locations.put(objectId.toLowerCase(Locale.ROOT), inventoryId);
    }

    public String user(String value) {
        return name(users, value);
    }

    public String group(String value) {
        return name(groups, value);
    }

    public String location(String value) {
        return name(locations, value);
    }

    /** How an object id nothing maps is written on both sides (break-glass accounts, foreign groups). */
    public static String unmapped(String objectId) {
        return "id:" + objectId.toLowerCase(Locale.ROOT);
    }

    private static String name(Map<String, String> known, String value) {
        String mapped = known.get(value.toLowerCase(Locale.ROOT));
        if (mapped != null) {
            return mapped;
        }
        return OBJECT_ID.matcher(value).matches() ? unmapped(value) : value;
    }
}
