package dev.ztc.drift.graph;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Asset;
import dev.ztc.model.Conditions;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Risk;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a live Conditional Access object's display name says about it. ztc names every policy
 * {@code ztc-<organization>-<asset>-<NN>-<purpose>[-<controls key>]} (or {@code ztc-<organization>-00-block-legacy-auth})
 * and every named location {@code ztc-<organization>-<location>}: the prefix marks ztc's objects, and the rest is their
 * provenance, since Graph's policies have no description to carry rule ids. A name resolves to the matrix rules it
 * stands for: the rules on the named asset (legacy-auth: on the policy's apps) that Conditional Access realizes,
 * narrowed to those whose conditions give the name's controls key.
 */
public final class ConditionalAccessNames {

    private static final Pattern GRANT = Pattern.compile("\\d\\d-(?:require|block-outside|block-risk)-(.+)");

    private final ResolvedProject project;
    private final String prefix;

    public ConditionalAccessNames(ResolvedProject project) {
        this.project = project;
        this.prefix = "ztc-" + project.organization() + "-";
    }

    /** Whether ztc owns the object: its name is in ztc's convention for this organization. */
    public boolean managed(String displayName) {
        return displayName.startsWith(prefix);
    }

    /** The named location's display name for a matrix location. */
    public String location(String locationId) {
        return prefix + locationId;
    }

    /** The matrix location a named location stands for, when it is one of ztc's. */
    public Optional<String> locationId(String displayName) {
        return managed(displayName) ? Optional.of(displayName.substring(prefix.length()))
                .filter(project.locations()::containsKey) : Optional.empty();
    }

    /** The rules a named location serves: those whose {@code from} names it. */
    public List<String> locationRuleIds(String displayName) {
        return locationId(displayName).map(id -> rules(r -> r.when().from().contains(id))).orElse(List.of());
    }

    /** The rules a policy realizes, from its name (and, for the legacy-auth policy, its apps); none for others'. */
    public List<String> policyRuleIds(String displayName, Collection<String> applications) {
        if (!managed(displayName)) {
            return List.of();
        }
        String rest = displayName.substring(prefix.length());
        if (rest.equals("00-block-legacy-auth")) {
            return rules(r -> project.asset(r).azureAppId().filter(applications::contains).isPresent());
        }
        Optional<Asset> asset = project.assets().values().stream().filter(a -> rest.startsWith(a.id() + "-"))
                .max(Comparator.comparingInt(a -> a.id().length()));
        if (asset.isEmpty()) {
            return List.of();
        }
        String assetId = asset.get().id();
        Matcher grant = GRANT.matcher(rest.substring(assetId.length() + 1));
        Predicate<MatrixRule> onAsset = r -> r.what().equals(assetId);
        return grant.matches() ? rules(onAsset.and(r -> controlsKey(r.when()).equals(grant.group(1)))) : rules(onAsset);
    }

    private List<String> rules(Predicate<MatrixRule> filter) {
        List<String> out = new ArrayList<>();
        for (MatrixRule rule : project.rules()) {
            if (Enforcement.layers(project, rule).contains(EnforcementLayer.WORKFORCE_IDENTITY) && filter.test(rule)) {
                out.add(rule.id());
            }
        }
        return out.stream().sorted().distinct().toList();
    }

    /**
     * The compiler's name for a set of controls ({@code mfa+device-managed+from-corp-office+sif-60m+risk-low}). Kept
     * in step with {@code ConditionalAccessCompiler.controlsKey} by hand: drift may not depend on the compile stage,
     * and the drift tests fail when the two disagree (every in-sync policy would then change its rules).
     */
    static String controlsKey(Conditions when) {
        List<String> parts = new ArrayList<>();
        if (when.requiresMfa()) {
            parts.add("mfa");
        }
        when.device().ifPresent(d -> parts.add("device-" + d));
        when.from().forEach(l -> parts.add("from-" + l));
        when.jitMaxSession().filter(d -> d.toMinutes() > 0).ifPresent(d -> parts.add("sif-" + d.toMinutes() + "m"));
        when.maxRisk().map(Risk::label).ifPresent(r -> parts.add("risk-" + r));
        return parts.isEmpty() ? "baseline" : String.join("+", parts);
    }
}
