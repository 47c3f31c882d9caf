package dev.ztc.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ztc.ir.CloudIdentityLayer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Packs a role's statements into managed policies that fit AWS's limits: deterministic first fit in
 * statement order, each policy at most {@code maxSize} characters measured as AWS measures it (the
 * document without whitespace), at most {@code maxPolicies} per role.
 */
final class PolicyPacker {

    static final String VERSION = "2012-10-17";
    private static final ObjectMapper MINIFIED = JsonMapper.builder().build();

    /** Why a role's statements do not fit; the caller turns it into a located diagnostic. */
    public record Misfit(String message) {
    }

    /** The packed policies, or the reason they cannot be. */
    public record Packing(List<List<CloudIdentityLayer.Statement>> policies, Optional<Misfit> misfit) {
    }

    private PolicyPacker() {
    }

    static Packing pack(CloudIdentityLayer.Role role, int maxSize, int maxPolicies) {
        List<List<CloudIdentityLayer.Statement>> policies = new ArrayList<>();
        for (CloudIdentityLayer.Statement statement : role.statements()) {
            int alone = size(List.of(statement));
            if (alone > maxSize) {
                return new Packing(List.of(), Optional.of(new Misfit("statement " + statement.sid() + " of role '"
                        + role.name() + "' is " + alone + " characters as a policy on its own, more than the managed-policy"
                        + " size quota of " + maxSize + " (quotas.iam_policy_size); split the rule's resources or actions")));
            }
            boolean placed = false;
            for (List<CloudIdentityLayer.Statement> policy : policies) {
                List<CloudIdentityLayer.Statement> candidate = new ArrayList<>(policy);
                candidate.add(statement);
                if (size(candidate) <= maxSize) {
                    policy.add(statement);
                    placed = true;
                    break;
                }
            }
            if (!placed) {
                policies.add(new ArrayList<>(List.of(statement)));
            }
        }
        if (policies.size() > maxPolicies) {
            int total = size(role.statements());
            return new Packing(List.of(), Optional.of(new Misfit("role '" + role.name() + "' needs " + policies.size()
                    + " managed policies (" + role.statements().size() + " statements, " + total
                    + " characters) but the quota is " + maxPolicies + " per role (quotas.iam_policies_per_role) at "
                    + maxSize + " characters each; split the role's rules across roles")));
        }
        return new Packing(policies.stream().map(List::copyOf).toList(), Optional.empty());
    }

    /** The policy's length as AWS counts it: the minified JSON document. */
    static int size(List<CloudIdentityLayer.Statement> statements) {
        try {
            return MINIFIED.writeValueAsString(document(statements)).length();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy document as JSON values, in the shape the policy template prints. */
    static Map<String, Object> document(List<CloudIdentityLayer.Statement> statements) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("Version", VERSION);
        List<Object> out = new ArrayList<>();
        for (CloudIdentityLayer.Statement s : statements) {
            Map<String, Object> st = new LinkedHashMap<>();
            st.put("Sid", s.sid());
            st.put("Effect", "Allow");
            st.put("Action", s.actions());
            st.put("Resource", s.resources());
            if (!s.conditions().isEmpty()) {
                Map<String, Object> operators = new LinkedHashMap<>();
                new TreeMap<>(s.conditions()).forEach((operator, keys) -> {
                    Map<String, Object> byKey = new LinkedHashMap<>();
                    new TreeMap<>(keys).forEach((key, values) -> byKey.put(key, values.size() == 1 ? values.get(0) : values));
                    operators.put(operator, byKey);
                });
                st.put("Condition", operators);
            }
            out.add(st);
        }
        doc.put("Statement", out);
        return doc;
    }
}
