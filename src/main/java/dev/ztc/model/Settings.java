package dev.ztc.model;

import dev.ztc.diag.SourceLocation;

/** {@code ztc.yaml}: per-project settings. Absent file, absent keys: the defaults below. */
public record Settings(Quotas quotas, ConditionalAccessState conditionalAccessState,
                       java.util.List<Suppression> suppressions, SourceLocation at) {

    public Settings {
        suppressions = java.util.List.copyOf(suppressions);
    }

    /** Settings without suppressions, as version-1 files before {@code suppressions} existed. */
    public Settings(Quotas quotas, ConditionalAccessState conditionalAccessState, SourceLocation at) {
        this(quotas, conditionalAccessState, java.util.List.of(), at);
    }

    public static Settings defaults(SourceLocation at) {
        return new Settings(Quotas.DEFAULT, ConditionalAccessState.REPORT_ONLY, at);
    }

    public Settings withConditionalAccessState(ConditionalAccessState state) {
        return new Settings(quotas, state, suppressions, at);
    }

    /** The state generated Conditional Access policies get; report-only first is Microsoft's advice for rollouts. */
    public enum ConditionalAccessState {
        ENABLED("enabled"), DISABLED("disabled"), REPORT_ONLY("enabledForReportingButNotEnforced");

        private final String graphName;

        ConditionalAccessState(String graphName) {
            this.graphName = graphName;
        }

        /** As Microsoft Graph and the azuread provider spell it. */
        public String graphName() {
            return graphName;
        }

        public static java.util.Optional<ConditionalAccessState> parse(String text) {
            return java.util.Arrays.stream(values()).filter(s -> s.graphName.equals(text)).findFirst();
        }
    }

    /** Cloud limits ztc fits its output into; lower them to leave head-room, never raise them past AWS or Azure. */
    public record Quotas(int securityGroupRulesPerDirection, int iamPolicySize, int iamPoliciesPerRole,
                         int conditionalAccessPolicies) {
        public static final Quotas DEFAULT = new Quotas(60, 6144, 10, 195);
    }
}
