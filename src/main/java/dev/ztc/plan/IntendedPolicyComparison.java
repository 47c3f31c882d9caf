package dev.ztc.plan;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One planned ztc Conditional Access policy held to the intended one: it must be at least as strict. It covers the
 * same or more users, groups, applications, client app types and locations; it exempts nobody and no location the
 * compiled policy does not; it asks for the same controls the same way (AND stays AND); it applies at every
 * sign-in risk level the compiled policy does; its sign-in frequency is not longer; and its state enforces no less.
 * Creates and updates are judged alike, since a create has no "before" to compare with. A value the plan knows
 * only after apply is reported as unverifiable, except the ids of named locations the same plan creates.
 */
final class IntendedPolicyComparison {

    /** Graph's policy states, least enforcing first. */
    private static final List<String> STATES = List.of("disabled", "enabledForReportingButNotEnforced", "enabled");
    private static final String UNKNOWN = "(known after apply)";

    private final ResourceChange c;
    private final EmittedConditionalAccessPolicy granted;
    private final List<String> ruleIds;
    private final TenantIds tenant;
    private final List<String> breakGlass;
    private final String intendedState;
    private final PlanFindings out;
    private final List<String> why = new ArrayList<>();

    IntendedPolicyComparison(ResourceChange c, EmittedConditionalAccessPolicy granted, List<String> ruleIds, TenantIds tenant,
                             List<String> breakGlass, String intendedState, PlanFindings out) {
        this.c = c;
        this.granted = granted;
        this.ruleIds = ruleIds;
        this.tenant = tenant;
        this.breakGlass = breakGlass;
        this.intendedState = intendedState;
        this.out = out;
    }

    void judge() {
        state();
        String[] conditions = {"conditions", "0"};
        String[] users = {"conditions", "0", "users", "0"};
        list(conditions, "applications", "0", "included_applications").ifPresent(p -> lacking("applications", granted.applications(), p));
        list(conditions, "client_app_types").ifPresent(p -> lacking("client app types", granted.clientAppTypes(), p));
        List<String> includeUsers = granted.allUsers() ? concat(List.of("All"), granted.includeUsers()) : granted.includeUsers();
        list(users, "included_users").flatMap(p -> names(p, tenant::user, "included_users")).ifPresent(p -> lacking("users", includeUsers, p));
        list(users, "included_groups").flatMap(p -> names(p, tenant::group, "included_groups")).ifPresent(p -> lacking("groups", granted.includeGroups(), p));
        List<String> excludeUsers = concat(breakGlass.stream().map(TenantIds::unmapped).toList(), granted.excludeUsers());
        list(users, "excluded_users").flatMap(p -> names(p, tenant::user, "excluded_users")).ifPresent(p -> extra("users", excludeUsers, p));
        list(users, "excluded_groups").flatMap(p -> names(p, tenant::group, "excluded_groups")).ifPresent(p -> extra("groups", granted.excludeGroups(), p));
        locations();
        list(conditions, "sign_in_risk_levels").ifPresent(this::risk);
        list(new String[] {"grant_controls", "0"}, "built_in_controls").ifPresent(p -> lacking("controls", granted.controls(), p));
        if (granted.controls().size() > 1 && "AND".equals(granted.operator())
                && c.knownText("grant_controls", "0", "operator").filter("OR"::equals).isPresent()) {
            why.add("asks for one of " + String.join(", ", granted.controls()) + " instead of all of them");
        }
        signInFrequency();
        if (!why.isEmpty()) {
            out.add(PlanCheck.CONDITIONAL_ACCESS_WEAKENED, c, ruleIds, "weakens '" + granted.displayName() + "': "
                    + String.join("; ", why));
        }
    }

    /** A policy left to report-only or disabled is not enforced; only the compiled state may say so. */
    private void state() {
        if (c.after("state") instanceof ResourceChange.Unknown) {
            out.unknown(c, ruleIds, "state");
            return;
        }
        String planned = c.knownText("state").orElse("");
        String intended = STATES.contains(intendedState) ? intendedState : "enabled";
        if (STATES.indexOf(planned) < STATES.indexOf(intended)) {
            why.add("stops enforcing it (state " + (planned.isEmpty() ? "(none)" : planned) + "; the compiled state is " + intended + ")");
        }
    }

    /**
     * Locations: without a {@code locations} block a policy applies everywhere. The planned policy must still apply
     * wherever the compiled one does, and exempt no more locations. The ids of named locations the same plan
     * creates are unknown until apply, so those entries are counted, not named.
     */
    private void locations() {
        String[] block = {"conditions", "0", "locations", "0"};
        boolean planned = c.after("conditions", "0", "locations", "0") instanceof ResourceChange.Known;
        List<String> includes = granted.includeLocations().isEmpty() ? List.of("All") : granted.includeLocations();
        Optional<List<String>> included = planned ? list(block, "included_locations").flatMap(p -> names(p, tenant::location, "included_locations"))
                : Optional.of(List.of("All"));
        included.filter(p -> !p.contains("All")).ifPresent(p -> lacking("locations", includes, p));
        Optional<List<String>> excluded = planned ? list(block, "excluded_locations").flatMap(p -> names(p, tenant::location, "excluded_locations"))
                : Optional.of(List.of());
        excluded.ifPresent(p -> {
            extra("locations", granted.excludeLocations(), p.stream().filter(l -> !l.equals(UNKNOWN)).toList());
            if (p.size() > granted.excludeLocations().size()) {
                why.add("exempts " + p.size() + " locations where the compiled policy exempts " + granted.excludeLocations().size());
            }
        });
    }

    /** A policy with risk levels applies only at those levels: it must keep every level the compiled one has. */
    private void risk(List<String> planned) {
        if (granted.signInRiskLevels().isEmpty() && !planned.isEmpty()) {
            why.add("applies only at sign-in risk " + String.join(", ", planned) + " where the compiled policy applies at any risk");
            return;
        }
        List<String> dropped = granted.signInRiskLevels().stream().filter(r -> !planned.contains(r)).toList();
        if (!dropped.isEmpty()) {
            why.add("no longer applies at sign-in risk " + String.join(", ", dropped) + " (the compiled policy covers "
                    + String.join(", ", granted.signInRiskLevels()) + ")");
        }
    }

    /** Sign-in frequency bounds a session (jit's max_session); a longer one, or none, lets a session outlive it. */
    private void signInFrequency() {
        int hours = granted.signInFrequencyHours();
        if (hours == 0) {
            return;
        }
        ResourceChange.Value value = c.after("session_controls", "0", "sign_in_frequency");
        ResourceChange.Value period = c.after("session_controls", "0", "sign_in_frequency_period");
        if (value instanceof ResourceChange.Unknown || period instanceof ResourceChange.Unknown) {
            out.unknown(c, ruleIds, "session_controls[0].sign_in_frequency");
            return;
        }
        if (!(value instanceof ResourceChange.Known k) || !k.value().canConvertToInt() || k.value().asInt() <= 0) {
            why.add("sets no sign-in frequency where the compiled policy asks for sign-in every " + hours + "h");
            return;
        }
        int planned = k.value().asInt() * (c.knownText("session_controls", "0", "sign_in_frequency_period")
                .filter("days"::equals).isPresent() ? 24 : 1);
        if (planned > hours) {
            why.add("lets a session last " + planned + "h where the compiled policy asks for sign-in every " + hours + "h");
        }
    }

    /**
     * The planned list at {@code parent + path}: empty when absent, its items with {@link #UNKNOWN} for an item known
     * only after apply; a list unknown as a whole is reported and gives nothing to compare.
     */
    private Optional<List<String>> list(String[] parent, String... path) {
        String[] full = Stream.concat(Stream.of(parent), Stream.of(path)).toArray(String[]::new);
        ResourceChange.Value value = c.after(full);
        if (value instanceof ResourceChange.Unknown) {
            out.unknown(c, ruleIds, String.join(".", full).replace(".0.", "[0]."));
            return Optional.empty();
        }
        if (!(value instanceof ResourceChange.Known k)) {
            return Optional.of(List.of());
        }
        List<String> items = new ArrayList<>();
        for (int i = 0; i < k.value().size(); i++) {
            String[] item = Stream.concat(Stream.of(full), Stream.of(String.valueOf(i))).toArray(String[]::new);
            items.add(c.after(item) instanceof ResourceChange.Known known ? known.value().asText() : UNKNOWN);
        }
        return Optional.of(items);
    }

    /**
     * Object ids named as the module names them. Users and groups come from data sources read while planning, so an
     * id unknown until apply is reported (and the list not compared); a location id may be unknown, because the
     * same plan creates the location.
     */
    private Optional<List<String>> names(List<String> planned, UnaryOperator<String> name, String attribute) {
        if (!attribute.endsWith("_locations") && planned.contains(UNKNOWN)) {
            out.unknown(c, ruleIds, "conditions[0].users[0]." + attribute);
            return Optional.empty();
        }
        return Optional.of(planned.stream().map(p -> p.equals(UNKNOWN) ? p : name.apply(p)).toList());
    }

    private void lacking(String what, List<String> required, List<String> planned) {
        List<String> lacking = required.stream().filter(r -> !planned.contains(r)).toList();
        if (!lacking.isEmpty()) {
            why.add("drops " + what + " " + String.join(", ", lacking));
        }
    }

    private void extra(String what, List<String> allowed, List<String> planned) {
        List<String> added = planned.stream().filter(p -> !p.equals(UNKNOWN) && !allowed.contains(p)).distinct().toList();
        if (!added.isEmpty()) {
            why.add("newly exempts " + what + " " + String.join(", ", added));
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
