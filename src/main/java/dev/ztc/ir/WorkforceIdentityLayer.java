package dev.ztc.ir;

import java.util.List;

/** Conditional Access: per Entra app, who may sign in and under which grant controls. */
public record WorkforceIdentityLayer(List<App> apps) {
    public WorkforceIdentityLayer {
        apps = List.copyOf(apps);
    }

    /** {@code allowedGroups}/{@code allowedUsers}: everyone any grant names; all others are blocked. */
    public record App(String assetId, String appId, List<String> allowedGroups, List<String> allowedUsers,
                      List<Grant> grants) {
        public App {
            allowedGroups = List.copyOf(allowedGroups);
            allowedUsers = List.copyOf(allowedUsers);
            grants = List.copyOf(grants);
        }
    }

    /**
     * One (groups, users, controls) combination. {@code devicePostures} are the posture ids that satisfy the
     * rule's device requirement; {@code signInFrequencyMinutes} 0 when unset; {@code maxRisk} empty when unset.
     */
    public record Grant(String key, List<String> groups, List<String> users, boolean mfa, boolean compliantDevice,
                        List<String> devicePostures, List<String> locations, int signInFrequencyMinutes,
                        String maxRisk, List<String> ruleIds) {
        public Grant {
            groups = List.copyOf(groups);
            users = List.copyOf(users);
            devicePostures = List.copyOf(devicePostures);
            locations = List.copyOf(locations);
            ruleIds = List.copyOf(ruleIds);
        }
    }
}
