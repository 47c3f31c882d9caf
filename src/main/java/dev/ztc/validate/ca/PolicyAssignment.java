package dev.ztc.validate.ca;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.model.Risk;
import inet.ipaddr.IPAddress;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a Conditional Access policy applies to a sign-in, as Microsoft documents the assignments: the app is
 * included, the user is included and not excluded (exclusions win, and break-glass accounts are excluded from
 * every policy), the client app type is one the policy names, the source is in an included location and not in an
 * excluded one, and the sign-in risk is one of the policy's levels. A condition the policy leaves unset does not
 * narrow it.
 */
final class PolicyAssignment {

    /** The client app types a browser or desktop sign-in counts as; {@code exchangeActiveSync}/{@code other} are legacy. */
    private static final Set<String> MODERN_CLIENTS = Set.of("all", "browser", "mobileAppsAndDesktopClients");

    private final Map<String, List<IPAddress>> namedLocations;
    private final Set<String> breakGlass;

    PolicyAssignment(Map<String, List<IPAddress>> namedLocations, Set<String> breakGlass) {
        this.namedLocations = Map.copyOf(namedLocations);
        this.breakGlass = Set.copyOf(breakGlass);
    }

    boolean applies(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        return includesApp(policy, signIn) && includesCaller(policy, signIn) && !excludesCaller(policy, signIn)
                && clientAppTypeMatches(policy) && locationMatches(policy, signIn) && riskMatches(policy, signIn);
    }

    /** The policy names the caller itself (a user or one of their groups, not "all users"): the grant it carries is theirs. */
    boolean namesCaller(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        return includesApp(policy, signIn) && !excludesCaller(policy, signIn)
                && (signIn.user().filter(policy.includeUsers()::contains).isPresent()
                || !Collections.disjoint(policy.includeGroups(), signIn.groups()));
    }

    /** Why an applicable block policy caught the sign-in, in the terms of the condition that made it apply. */
    String why(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        if (!policy.includeLocations().isEmpty()) {
            String from = signIn.source().map(IPAddress::toCanonicalString).orElse("an unknown address");
            return policy.excludeLocations().isEmpty() ? "sign-in from " + from
                    : "sign-in from " + from + " is outside " + String.join(", ", policy.excludeLocations());
        }
        if (!policy.signInRiskLevels().isEmpty()) {
            return "sign-in risk " + signIn.risk().label();
        }
        if (policy.allUsers()) {
            return "not in a granted group";
        }
        return "the caller is included";
    }

    private static boolean includesApp(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        return policy.applications().contains("All") || policy.applications().contains(signIn.appId());
    }

    private static boolean includesCaller(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        return policy.allUsers() || signIn.user().filter(policy.includeUsers()::contains).isPresent()
                || !Collections.disjoint(policy.includeGroups(), signIn.groups());
    }

    private boolean excludesCaller(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        return signIn.user().filter(u -> breakGlass.contains(u) || policy.excludeUsers().contains(u)).isPresent()
                || !Collections.disjoint(policy.excludeGroups(), signIn.groups());
    }

    /** An empty list is Graph's "not configured": every client. */
    private static boolean clientAppTypeMatches(EmittedConditionalAccessPolicy policy) {
        return policy.clientAppTypes().isEmpty() || policy.clientAppTypes().stream().anyMatch(MODERN_CLIENTS::contains);
    }

    /**
     * The module writes the locations condition only when {@code include_locations} is non-empty, so exclusions
     * alone do not narrow a policy. {@code All} includes every sign-in, one whose address is unknown too;
     * {@code AllTrusted} none, since ztc marks its named locations untrusted.
     */
    private boolean locationMatches(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        if (policy.includeLocations().isEmpty()) {
            return true;
        }
        boolean included = policy.includeLocations().contains("All")
                || policy.includeLocations().stream().anyMatch(id -> inLocation(id, signIn));
        return included && policy.excludeLocations().stream().noneMatch(id -> inLocation(id, signIn));
    }

    private boolean inLocation(String id, SignIn signIn) {
        return signIn.source().filter(ip -> namedLocations.getOrDefault(id, List.of()).stream()
                .anyMatch(cidr -> cidr.contains(ip))).isPresent();
    }

    private static boolean riskMatches(EmittedConditionalAccessPolicy policy, SignIn signIn) {
        return policy.signInRiskLevels().isEmpty() || policy.signInRiskLevels().contains(signIn.risk().label());
    }

    static boolean isRiskLevel(String level) {
        return Risk.parse(level).isPresent();
    }
}
