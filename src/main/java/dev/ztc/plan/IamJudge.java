package dev.ztc.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.ir.CloudIdentityLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * IAM policies, role trust and policy attachments. Policy documents arrive as JSON strings and are compared
 * statement by statement: a planned Allow statement must fit inside one granted statement (actions and resources
 * covered, every granted condition kept at least as strict); a granted action no planned statement keeps is a
 * removal. Text differences that grant nothing more (order, whitespace, a single string for a list) pass.
 */
final class IamJudge {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SAML_TRUST = List.of("sts:AssumeRoleWithSAML", "sts:TagSession");
    private static final Set<String> ATTACHING = Set.of("aws_iam_role_policy_attachment", "aws_iam_role_policy",
            "aws_iam_policy_attachment");

    private final PlanIntent intent;
    private final PlanFindings out;
    private final Set<String> roleNames = new TreeSet<>();

    IamJudge(PlanIntent intent, PlanFindings out) {
        this.intent = intent;
        this.out = out;
        intent.roles().values().forEach(r -> roleNames.add(r.name()));
    }

    boolean judge(ResourceChange c) {
        boolean owned = PlanIntent.owned(c);
        if (owned && c.type().equals("aws_iam_policy")) {
            policy(c, intent.policies().get(c.address()));
        } else if (owned && c.type().equals("aws_iam_role")) {
            role(c, intent.roles().get(c.address()));
        } else if (ATTACHING.contains(c.type())) {
            return attachment(c, owned);
        } else {
            return false;
        }
        return true;
    }

    private void policy(ResourceChange c, List<EmittedPolicy> granted) {
        List<String> ids = granted == null ? List.of() : granted.stream().flatMap(s -> s.ruleIds().stream()).distinct().toList();
        if (c.removes()) {
            if (granted != null) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, ids, "deletes a policy that grants " + String.join(", ", ids));
            }
            return;
        }
        Optional<List<IamStatements>> planned = document(c, "policy", ids);
        if (!c.creates() || planned.isEmpty()) {
            return;
        }
        if (granted == null) {
            List<String> actions = planned.get().stream().filter(IamStatements::allows).flatMap(s -> s.actions().stream()).toList();
            out.add(PlanCheck.IAM_NOT_GRANTED, c, List.of(), "a policy ztc did not compile, allowing " + String.join(", ", actions));
            return;
        }
        for (IamStatements st : planned.get()) {
            if (st.allows()) {
                statement(c, st, granted, ids);
            }
        }
        for (EmittedPolicy g : granted) {
            List<String> kept = new ArrayList<>(g.actions());
            kept.removeIf(action -> planned.get().stream().anyMatch(st -> st.allows() && !st.negated()
                    && st.actions().stream().anyMatch(a -> IamGlob.covers(a, action, true))
                    && g.resources().stream().allMatch(r -> st.resources().stream().anyMatch(p -> IamGlob.covers(p, r, false)))));
            if (!kept.isEmpty()) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, g.ruleIds(), "no longer allows " + String.join(", ", kept)
                        + " (statement " + g.sid() + ")");
            }
        }
    }

    private void statement(ResourceChange c, IamStatements st, List<EmittedPolicy> granted, List<String> policyIds) {
        String name = st.sid().isEmpty() ? "a statement without Sid" : "statement " + st.sid();
        if (st.negated()) {
            out.add(PlanCheck.IAM_NOT_GRANTED, c, policyIds, name + " uses NotAction, NotResource or NotPrincipal");
            return;
        }
        boolean fits = granted.stream().anyMatch(g -> st.actionsBeyond(g.actions()).isEmpty()
                && st.resourcesBeyond(g.resources()).isEmpty() && st.conditionsMissing(g.conditions()).isEmpty());
        if (fits) {
            return;
        }
        Optional<EmittedPolicy> same = granted.stream().filter(g -> g.sid().equals(st.sid())).findFirst();
        List<String> ids = same.map(EmittedPolicy::ruleIds).orElse(policyIds);
        List<String> allActions = granted.stream().flatMap(g -> g.actions().stream()).toList();
        List<String> allResources = granted.stream().flatMap(g -> g.resources().stream()).toList();
        List<String> why = new ArrayList<>();
        List<String> actions = st.actionsBeyond(same.map(EmittedPolicy::actions).orElse(allActions));
        List<String> resources = st.resourcesBeyond(same.map(EmittedPolicy::resources).orElse(allResources));
        if (!actions.isEmpty()) {
            why.add("actions " + String.join(", ", actions));
        }
        if (!resources.isEmpty()) {
            why.add("resources " + String.join(", ", resources));
        }
        same.map(g -> st.conditionsMissing(g.conditions())).filter(m -> !m.isEmpty())
                .ifPresent(m -> why.add("without the conditions " + String.join(", ", m)));
        if (why.isEmpty()) {
            why.add("a combination of actions, resources and conditions no single granted statement allows");
        }
        out.add(PlanCheck.IAM_NOT_GRANTED, c, ids, name + " allows " + String.join("; ", why) + " beyond what "
                + PlanCheck.rulesThatGrant(ids));
    }

    private void role(ResourceChange c, CloudIdentityLayer.Role granted) {
        List<String> ids = granted == null ? List.of() : granted.ruleIds();
        if (c.removes()) {
            if (granted != null) {
                out.add(PlanCheck.REQUIRED_REMOVED, c, ids, "deletes the role " + granted.name());
            }
            return;
        }
        Optional<List<IamStatements>> trust = document(c, "assume_role_policy", ids);
        if (!c.creates() || trust.isEmpty()) {
            return;
        }
        if (granted == null) {
            out.add(PlanCheck.IAM_NOT_GRANTED, c, List.of(), "a role ztc did not compile");
            return;
        }
        boolean people = granted.principalKind().equals("people");
        List<String> actions = people ? SAML_TRUST : granted.trustActions();
        for (IamStatements st : trust.get()) {
            if (!st.allows()) {
                continue;
            }
            List<String> why = new ArrayList<>();
            List<String> beyond = st.actionsBeyond(actions);
            if (!beyond.isEmpty()) {
                why.add("actions " + String.join(", ", beyond));
            }
            st.principal().fields().forEachRemaining(p -> {
                // name only the principals beyond the granted ones: those are what the reader must remove
                List<String> who = IamStatements.strings(p.getValue());
                List<String> beyondWho = people ? (p.getKey().equals("Federated") ? List.of() : who)
                        : p.getKey().equals("Service") ? who.stream().filter(w -> !granted.servicePrincipals().contains(w)).toList() : who;
                if (!beyondWho.isEmpty()) {
                    why.add(p.getKey() + " principals " + String.join(", ", beyondWho));
                }
            });
            if (st.principal().isTextual() || st.negated()) {
                why.add("any principal");
            }
            if (people && st.conditions().getOrDefault("StringEquals", java.util.Map.of()).get("SAML:aud") == null) {
                why.add("SAML sign-in without the SAML:aud condition");
            }
            if (!why.isEmpty()) {
                out.add(PlanCheck.IAM_NOT_GRANTED, c, ids, "trust lets " + String.join("; ", why) + " assume "
                        + granted.name() + ", which is trusted only by " + (people ? "SAML federation"
                        : String.join(", ", granted.servicePrincipals())));
            }
        }
    }

    /** Attachments inside the IAM module must attach the policy of their own key; elsewhere, none to a ztc role. */
    private boolean attachment(ResourceChange c, boolean owned) {
        Set<String> roles = new TreeSet<>();
        c.knownText("role").ifPresent(roles::add);
        if (c.after("roles") instanceof ResourceChange.Known k) {
            roles.addAll(IamStatements.strings(k.value()));
        }
        roles.retainAll(roleNames);
        if (!owned) {
            if (roles.isEmpty()) {
                return false;
            }
            if (c.creates()) {
                out.add(PlanCheck.IAM_NOT_GRANTED, c, List.of(), "attaches " + c.knownText("policy_arn").orElse("an inline policy")
                        + " to the ztc role " + String.join(", ", roles) + ", which the matrix does not grant");
            }
            return true;
        }
        List<EmittedPolicy> policy = intent.policies().get(PlanIntent.address(PlanIntent.IAM, "aws_iam_policy", "this", c.index()));
        List<String> ids = policy == null ? List.of() : policy.stream().flatMap(s -> s.ruleIds().stream()).distinct().toList();
        if (c.removes() && policy != null) {
            out.add(PlanCheck.REQUIRED_REMOVED, c, ids, "detaches the policy " + c.index() + " from its role");
        } else if (c.creates()) {
            Optional<String> arn = c.knownText("policy_arn");
            if (policy == null || arn.isPresent() && !arn.get().endsWith(":policy/" + c.index())) {
                out.add(PlanCheck.IAM_NOT_GRANTED, c, ids, "attaches " + arn.orElse("a policy") + ", not a policy ztc compiled");
            }
        }
        return true;
    }

    /** The parsed policy document at {@code attribute}, or empty after reporting why it cannot be judged. */
    private Optional<List<IamStatements>> document(ResourceChange c, String attribute, List<String> ids) {
        if (!c.creates()) {
            return Optional.empty();
        }
        ResourceChange.Value value = c.after(attribute);
        if (value instanceof ResourceChange.Unknown) {
            out.unknown(c, ids, attribute);
            return Optional.empty();
        }
        String text = value instanceof ResourceChange.Known k ? k.value().asText() : "";
        try {
            JsonNode document = JSON.readTree(text);
            if (document == null || !document.isObject()) {
                throw new IllegalArgumentException("not a JSON object");
            }
            return Optional.of(IamStatements.of(document));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            out.add(PlanCheck.UNVERIFIABLE, c, ids, attribute + " is not a JSON policy document");
            return Optional.empty();
        }
    }
}
