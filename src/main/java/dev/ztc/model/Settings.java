package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

/** {@code ztc.yaml}: per-project settings. Absent file, absent keys: the defaults below. */
public record Settings(Quotas quotas, SourceLocation at) {

    public static Settings defaults(SourceLocation at) {
        return new Settings(Quotas.DEFAULT, at);
    }

    /** Cloud limits ztc fits its output into; lower them to leave head-room, never raise them past AWS or Azure. */
    public record Quotas(int securityGroupRulesPerDirection, int iamPolicySize, int iamPoliciesPerRole,
                         int conditionalAccessPolicies) {
        public static final Quotas DEFAULT = new Quotas(60, 6144, 10, 195);
    }
}
