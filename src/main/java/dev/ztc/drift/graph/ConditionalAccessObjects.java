package dev.ztc.drift.graph;

import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds {@code ca-policy} and {@code named-location} objects in drift's normal form, for every side that reads
 * them (the compiled module, Graph, a Terraform state), so that equal policies give equal fields however they
 * were read. Users, groups and locations arrive already as inventory ids ({@code id:<object id>} otherwise).
 */
public final class ConditionalAccessObjects {

    public static final String POLICY = "ca-policy";
    public static final String NAMED_LOCATION = "named-location";

    private ConditionalAccessObjects() {
    }

    /** One policy's conditions and controls as Graph holds them; lists in any order. */
    public record Policy(String displayName, String state, Collection<String> applications,
                         Collection<String> includeUsers, Collection<String> excludeUsers,
                         Collection<String> includeGroups, Collection<String> excludeGroups,
                         Collection<String> clientAppTypes, Collection<String> includeLocations,
                         Collection<String> excludeLocations, Collection<String> signInRiskLevels, String operator,
                         Collection<String> controls, int signInFrequencyHours) {

        public StateObject object(boolean managed, List<String> ruleIds) {
            Map<String, String> fields = new TreeMap<>();
            fields.put("state", state);
            fields.put("applications", joined(applications));
            fields.put("include_users", joined(includeUsers));
            fields.put("exclude_users", joined(excludeUsers));
            fields.put("include_groups", joined(includeGroups));
            fields.put("exclude_groups", joined(excludeGroups));
            fields.put("client_app_types", joined(clientAppTypes));
            fields.put("include_locations", joined(includeLocations));
            fields.put("exclude_locations", joined(excludeLocations));
            fields.put("sign_in_risk_levels", joined(signInRiskLevels));
            fields.put("operator", operator);
            fields.put("controls", joined(controls));
            fields.put("sign_in_frequency_hours", String.valueOf(signInFrequencyHours));
            return new StateObject(EnforcementLayer.WORKFORCE_IDENTITY, POLICY, displayName, fields, managed, ruleIds);
        }
    }

    public static StateObject namedLocation(String displayName, Collection<String> cidrs, boolean managed, List<String> ruleIds) {
        List<String> normal = cidrs.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        return new StateObject(EnforcementLayer.WORKFORCE_IDENTITY, NAMED_LOCATION, displayName,
                Map.of("cidrs", joined(normal)), managed, ruleIds);
    }

    /** Sorted, without duplicates, comma-separated (StateObject's convention for lists). */
    static String joined(Collection<String> values) {
        return String.join(",", new TreeSet<>(values));
    }
}
