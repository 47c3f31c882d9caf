package dev.ztc.emit.ca;

import java.util.List;

/**
 * The Conditional Access policies, named locations and directory lookups that realize the IR's workforce
 * layer: everything the Terraform template prints, decided here. {@code notes} go to the compile summary.
 */
public record ConditionalAccessPlan(List<Policy> policies, List<NamedLocation> locations, List<GroupRef> groups,
                                    List<UserRef> users, List<String> breakGlass, List<String> notes) {
    public ConditionalAccessPlan {
        policies = List.copyOf(policies);
        locations = List.copyOf(locations);
        groups = List.copyOf(groups);
        users = List.copyOf(users);
        breakGlass = List.copyOf(breakGlass);
        notes = List.copyOf(notes);
    }

    /**
     * One {@code azuread_conditional_access_policy}. Group and user lists hold ztc ids (the template maps them
     * to object ids); {@code allUsers} includes every user of the tenant (break-glass accounts are always excluded). {@code controls} are Graph's built-in controls
     * (block, mfa, compliantDevice), joined by {@code operator}. {@code signInFrequencyHours} 0 when unset.
     */
    public record Policy(String key, String displayName, String state, String purpose, List<String> applications,
                         boolean allUsers, List<String> includeUsers, List<String> excludeUsers, List<String> includeGroups,
                         List<String> excludeGroups, List<String> clientAppTypes, List<String> includeLocations,
                         List<String> excludeLocations, List<String> signInRiskLevels, String operator,
                         List<String> controls, int signInFrequencyHours, List<String> ruleIds) {
        public Policy {
            applications = List.copyOf(applications);
            includeUsers = List.copyOf(includeUsers);
            excludeUsers = List.copyOf(excludeUsers);
            includeGroups = List.copyOf(includeGroups);
            excludeGroups = List.copyOf(excludeGroups);
            clientAppTypes = List.copyOf(clientAppTypes);
            includeLocations = List.copyOf(includeLocations);
            excludeLocations = List.copyOf(excludeLocations);
            signInRiskLevels = List.copyOf(signInRiskLevels);
            controls = List.copyOf(controls);
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** An IP named location for a matrix location; {@code displayName} is stable and prefixed. */
    public record NamedLocation(String id, String displayName, List<String> cidrs) {
        public NamedLocation {
            cidrs = List.copyOf(cidrs);
        }
    }

    /** A group: looked up by display name unless the inventory gives its object id. */
    public record GroupRef(String id, String displayName, String objectId) {
    }

    /** A user the matrix names directly: looked up by user principal name. */
    public record UserRef(String id, String upn) {
    }
}
