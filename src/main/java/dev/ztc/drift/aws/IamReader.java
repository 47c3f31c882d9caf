package dev.ztc.drift.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ztc.drift.StateObject;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListPoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cloud-identity layer as IAM holds it: every role of the account (trust policy, maximum session duration,
 * attached managed policies) and every customer-managed policy (its default version's document). A role or policy
 * is ztc's when it carries ztc's tags for this organization, or, tags stripped, a description ztc wrote; AWS's
 * own (service-linked) roles and everyone else's are unmanaged. Read-only: List* and Get* calls only. A role needs
 * GetRole (its tags and session length are not in ListRoles) and ListAttachedRolePolicies; every role gets both,
 * since a ztc role whose tags were stripped is still matched by name and must be read whole.
 */
final class IamReader {

    private final IamClient iam;
    private final String organization;
    private final int pageSize;

    IamReader(IamClient iam, String organization, int pageSize) {
        this.iam = iam;
        this.organization = organization;
        this.pageSize = pageSize;
    }

    List<StateObject> read() throws JsonProcessingException {
        List<StateObject> out = new ArrayList<>();
        List<Role> listed = new ArrayList<>();
        iam.listRolesPaginator(ListRolesRequest.builder().maxItems(pageSize).build()).roles().forEach(listed::add);
        for (Role summary : listed) {
            Role role = iam.getRole(r -> r.roleName(summary.roleName())).role();
            List<String> attached = new ArrayList<>();
            iam.listAttachedRolePoliciesPaginator(ListAttachedRolePoliciesRequest.builder().roleName(role.roleName())
                    .maxItems(pageSize).build()).attachedPolicies().stream().map(AttachedPolicy::policyName).forEach(attached::add);
            Map<String, String> tags = tags(role.tags());
            int maxSession = role.maxSessionDuration() == null ? AwsObjects.DEFAULT_MAX_SESSION_SECONDS : role.maxSessionDuration();
            out.add(AwsObjects.role(role.roleName(), PolicyDocuments.canonicalFromApi(role.assumeRolePolicyDocument()),
                    maxSession, attached, owned(tags, role.description()), AwsObjects.ruleIdsOfTag(tags.get("ztc:rules"))));
        }
        List<Policy> policies = new ArrayList<>();
        iam.listPoliciesPaginator(ListPoliciesRequest.builder().scope(PolicyScopeType.LOCAL).maxItems(pageSize).build())
                .policies().forEach(policies::add);
        for (Policy summary : policies) {
            // ListPolicies leaves tags (and, in some implementations, the description) out; GetPolicy has both
            Policy policy = iam.getPolicy(r -> r.policyArn(summary.arn())).policy();
            String document = iam.getPolicyVersion(r -> r.policyArn(policy.arn()).versionId(policy.defaultVersionId()))
                    .policyVersion().document();
            Map<String, String> tags = tags(policy.tags());
            out.add(AwsObjects.policy(policy.policyName(), PolicyDocuments.canonicalFromApi(document),
                    owned(tags, policy.description()), AwsObjects.ruleIdsOfTag(tags.get("ztc:rules"))));
        }
        return out;
    }

    private boolean owned(Map<String, String> tags, String description) {
        if ("true".equals(tags.get("ztc:managed"))) {
            return organization.equals(tags.getOrDefault("ztc:organization", organization));
        }
        return description != null && description.startsWith("ztc ");
    }

    private static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> out = new TreeMap<>();
        tags.forEach(t -> out.put(t.key(), t.value()));
        return out;
    }
}
