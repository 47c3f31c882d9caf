package dev.ztc.validate;

import dev.ztc.model.EnforcementLayer;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One enforcement point's decision on one request, computed from its emitted artifact.
 *
 * <p>{@code grantedBy}: for an allow, the matrix rule ids of the artifact elements that allowed it (their
 * provenance: a Sid, a security group rule's description, a Conditional Access policy's rules, an OPA route's
 * rule_ids). {@code artifacts}: those elements, named as a reader finds them
 * ({@code terraform/modules/iam/policies/sre-1.json#Sid}). {@code reasons}: for a deny, what stood in the way, or
 * for n/a, why the layer cannot judge the request. {@code blindTo}: the intent conditions (the keys of
 * {@link dev.ztc.intent.Reason#condition()}: {@code action}, {@code who}, {@code mfa}, {@code device}, {@code from},
 * {@code hours}, {@code jit}, {@code risk}) this layer cannot see for this request: a Security Group sees ports,
 * not levels, and addresses, not people.
 */
public record LayerDecision(EnforcementLayer layer, Verdict verdict, List<String> grantedBy, List<String> artifacts,
                            List<String> reasons, Set<String> blindTo) {

    public LayerDecision {
        grantedBy = List.copyOf(new TreeSet<>(grantedBy));
        artifacts = List.copyOf(artifacts);
        reasons = List.copyOf(reasons);
        blindTo = Set.copyOf(blindTo);
    }

    public static LayerDecision allow(EnforcementLayer layer, List<String> grantedBy, List<String> artifacts, Set<String> blindTo) {
        return new LayerDecision(layer, Verdict.ALLOW, grantedBy, artifacts, List.of(), blindTo);
    }

    public static LayerDecision deny(EnforcementLayer layer, List<String> reasons, Set<String> blindTo) {
        return new LayerDecision(layer, Verdict.DENY, List.of(), List.of(), reasons, blindTo);
    }

    public static LayerDecision notApplicable(EnforcementLayer layer, String why) {
        return new LayerDecision(layer, Verdict.NOT_APPLICABLE, List.of(), List.of(), List.of(why), Set.of());
    }
}
