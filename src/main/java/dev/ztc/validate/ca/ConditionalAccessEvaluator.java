package dev.ztc.validate.ca;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.Asset;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Request;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;
import inet.ipaddr.IPAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workforce-identity layer: what Entra ID Conditional Access would decide on a person's sign-in to an app,
 * computed from the emitted {@code modules/conditional-access} files. Every policy that applies must be
 * satisfied: one that blocks denies, any other must have its grant and session controls met. Conditional Access
 * never grants, so an allow names the grant policies that applied (their {@code rules}); a sign-in that only
 * escaped the block policies is allowed with the rules of the policies that name the caller, or none.
 *
 * <p>Policies are judged as enforced whatever {@code var.state} says (report-only reports exactly these
 * decisions); only a policy the file itself marks {@code disabled} is left out.
 */
public final class ConditionalAccessEvaluator implements LayerEvaluator {

    private static final EnforcementLayer LAYER = EnforcementLayer.WORKFORCE_IDENTITY;
    /**
     * A sign-in names an app, not a level or a method; Conditional Access has no time-of-day condition; and it
     * sees a device's compliance, not which posture, encryption or OS version.
     */
    private static final Set<String> ALWAYS_BLIND = Set.of("action", "hours", "device");
    private static final Set<String> LOCATION_KEYWORDS = Set.of("All", "AllTrusted");

    private final ResolvedProject project;
    private final List<EmittedConditionalAccessPolicy> policies;
    private final PolicyAssignment assignment;
    private final Map<String, MatrixRule> rules;

    public ConditionalAccessEvaluator(ResolvedProject project, Map<String, String> artifacts)
            throws UnreadableArtifactException {
        this.project = project;
        String main = EmittedConditionalAccessPolicy.MAIN;
        EmittedConditionalAccessPolicy.Module module = EmittedConditionalAccessPolicy.read(artifacts);
        if (!module.present() && project.assets().values().stream().anyMatch(a -> a.azureAppId().isPresent())) {
            throw new UnreadableArtifactException(main, "missing, yet the inventory names Entra apps");
        }
        if (!module.problems().isEmpty()) {
            throw new UnreadableArtifactException(EmittedConditionalAccessPolicy.MODULE, String.join("; ", module.problems()));
        }
        Map<String, List<IPAddress>> locations = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> location : module.namedLocations().entrySet()) {
            locations.put(location.getKey(), blocks(location.getKey(), location.getValue()));
        }
        for (EmittedConditionalAccessPolicy policy : module.policies()) {
            checkReadable(policy, locations.keySet());
        }
        this.policies = module.policies().stream().filter(p -> !p.state().equals("disabled")).toList();
        this.assignment = new PolicyAssignment(locations, new HashSet<>(module.breakGlassUserIds()));
        this.rules = project.rules().stream()
                .collect(Collectors.toUnmodifiableMap(MatrixRule::id, Function.identity(), (a, b) -> a));
    }

    @Override
    public EnforcementLayer layer() {
        return LAYER;
    }

    @Override
    public List<LayerDecision> decide(List<Request> requests) {
        return requests.stream().map(this::decide).toList();
    }

    private LayerDecision decide(Request request) {
        Asset asset = project.assets().get(request.resource());
        if (asset == null || asset.azureAppId().isEmpty()) {
            return LayerDecision.notApplicable(LAYER, "asset:" + request.resource() + " is not an Entra app");
        }
        Request.Caller caller = request.subject();
        if (caller.service().isPresent()) {
            return LayerDecision.notApplicable(LAYER, "service " + caller.service().get() + " does not sign in to Entra ID");
        }
        if (caller.user().isEmpty() && caller.groups().isEmpty()) {
            return LayerDecision.notApplicable(LAYER, "an anonymous caller does not sign in to Entra ID");
        }
        SignIn signIn = SignIn.of(request, asset.azureAppId().get(), project);
        List<EmittedConditionalAccessPolicy> applied = policies.stream().filter(p -> assignment.applies(p, signIn)).toList();
        List<String> reasons = new ArrayList<>();
        for (EmittedConditionalAccessPolicy policy : applied) {
            if (policy.controls().contains("block")) {
                reasons.add("policy " + policy.displayName() + " blocks: " + assignment.why(policy, signIn));
            } else {
                reasons.addAll(AccessControls.unmet(policy, signIn));
            }
        }
        if (!reasons.isEmpty()) {
            return LayerDecision.deny(LAYER, reasons, blindTo(request, ruleIds(applied)));
        }
        List<EmittedConditionalAccessPolicy> granting = applied.stream().filter(p -> !p.controls().contains("block")).toList();
        if (granting.isEmpty()) {
            // nothing asked for controls: the caller got in by escaping the block policies
            granting = policies.stream().filter(p -> assignment.namesCaller(p, signIn)).toList();
        }
        List<String> grantedBy = ruleIds(granting);
        return LayerDecision.allow(LAYER, grantedBy,
                granting.stream().map(EmittedConditionalAccessPolicy::artifact).toList(), blindTo(request, grantedBy));
    }

    /**
     * Always {@link #ALWAYS_BLIND}; {@code risk} when the request states none (Entra grades every sign-in itself,
     * read here as {@code none}); {@code jit} when a rule's {@code max_session} is not whole hours, which a
     * sign-in frequency cannot express.
     */
    private Set<String> blindTo(Request request, Collection<String> ruleIds) {
        Set<String> blind = new TreeSet<>(ALWAYS_BLIND);
        if (request.subject().risk().isEmpty()) {
            blind.add("risk");
        }
        boolean roundedJit = ruleIds.stream().map(rules::get).filter(java.util.Objects::nonNull)
                .flatMap(r -> r.when().jitMaxSession().stream())
                .anyMatch(max -> max.isZero() || max.toSeconds() % Duration.ofHours(1).toSeconds() != 0);
        if (roundedJit) {
            blind.add("jit");
        }
        return blind;
    }

    private static List<String> ruleIds(List<EmittedConditionalAccessPolicy> policies) {
        return policies.stream().flatMap(p -> p.ruleIds().stream()).distinct().sorted().toList();
    }

    /** Values Graph or Terraform would refuse (an unknown operator, a location the module does not declare). */
    private static void checkReadable(EmittedConditionalAccessPolicy policy, Set<String> locations)
            throws UnreadableArtifactException {
        String where = policy.artifact();
        if (!AccessControls.OPERATORS.contains(policy.operator())) {
            throw new UnreadableArtifactException(where, "operator '" + policy.operator() + "' is neither AND nor OR");
        }
        for (String id : policy.includeLocations()) {
            if (!LOCATION_KEYWORDS.contains(id) && !locations.contains(id)) {
                throw new UnreadableArtifactException(where, "includes location '" + id + "', which is no named location");
            }
        }
        for (String id : policy.excludeLocations()) {
            if (!locations.contains(id)) {
                throw new UnreadableArtifactException(where, "excludes location '" + id + "', which is no named location");
            }
        }
        for (String level : policy.signInRiskLevels()) {
            if (!PolicyAssignment.isRiskLevel(level)) {
                throw new UnreadableArtifactException(where, "sign-in risk level '" + level + "' is not one Entra knows");
            }
        }
    }

    private static List<IPAddress> blocks(String location, List<String> cidrs) throws UnreadableArtifactException {
        List<IPAddress> out = new ArrayList<>();
        for (String cidr : cidrs) {
            IPAddress block;
            try {
                block = Values.block(cidr);
            } catch (IllegalArgumentException e) {
                block = null;
            }
            if (block == null) {
                throw new UnreadableArtifactException(EmittedConditionalAccessPolicy.MAIN + "#azuread_named_location." + location,
                        "'" + cidr + "' is not a CIDR block");
            }
            out.add(block);
        }
        return out;
    }
}
