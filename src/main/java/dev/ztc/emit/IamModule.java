package dev.ztc.emit;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.ir.Ir;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.WorkloadRuntime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The template model of {@code modules/iam}: one role per IR role with the trust its principals need, and
 * its statements packed into managed policies (one JSON file each under {@code policies/}).
 */
final class IamModule {

    /** What {@code iam/*.ftl} print; every list is in a stable order. */
    public record Model(String organization, List<Role> roles, List<Role> workloadRoles, List<Role> peopleRoles,
                 List<Role> instanceProfileRoles, List<Policy> policies, List<ModuleGap> gaps, String deviceTag) {
    }

    /** {@code maxSessionSeconds} is printed only when {@code hasMaxSession}; 0 means AWS's default (1h). */
    public record Role(String name, boolean people, String description, List<String> principals, String principalsTag,
                List<String> servicePrincipals, List<String> trustActions, boolean instanceProfile,
                boolean hasMaxSession, int maxSessionSeconds, String rules, List<String> ruleIds,
                List<String> policyNames) {
    }

    /** A managed policy: {@code file} under {@code policies/}, its statements, its minified size. */
    public record Policy(String name, String role, String file, String description, String rules, List<String> ruleIds,
                  List<Statement> statements, int size) {
    }

    public record Statement(String sid, List<String> actions, List<String> resources, boolean hasConditions,
                     List<ConditionOperator> conditions, List<String> ruleIds) {
    }

    public record ConditionOperator(String operator, List<ConditionKey> keys) {
    }

    /** {@code single}: one value, printed as a string rather than a list, as IAM's examples and scanners expect. */
    public record ConditionKey(String key, List<String> values, boolean single) {
    }


    /** IAM's limit on role names. */
    static final int ROLE_NAME_MAX = 64;
    static final String DEVICE_TAG = "ztc-device-posture";

    private IamModule() {
    }

    static Model of(Ir ir, ResolvedProject project) throws InputException {
        var quotas = project.project().settings().quotas();
        Diagnostics problems = new Diagnostics();
        List<Role> roles = new ArrayList<>();
        List<Policy> policies = new ArrayList<>();
        for (CloudIdentityLayer.Role role : ir.cloudIdentity().roles()) {
            if (role.name().length() > ROLE_NAME_MAX) {
                problems.error(roleLocation(project, role), ErrorCode.QUOTA_EXCEEDED, "aws_role '" + role.name()
                        + "' is " + role.name().length() + " characters; IAM role names are at most " + ROLE_NAME_MAX);
            }
            PolicyPacker.Packing packing = PolicyPacker.pack(role, quotas.iamPolicySize(), quotas.iamPoliciesPerRole());
            packing.misfit().ifPresent(m -> problems.error(roleLocation(project, role), ErrorCode.QUOTA_EXCEEDED, m.message()));
            List<String> names = new ArrayList<>();
            int n = 0;
            for (List<CloudIdentityLayer.Statement> packed : packing.policies()) {
                String name = role.name() + "-" + (++n);
                names.add(name);
                List<String> ruleIds = List.copyOf(packed.stream().flatMap(s -> s.ruleIds().stream())
                        .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
                policies.add(new Policy(name, role.name(), name + ".json",
                        // IAM cannot change a policy's description in place: it names no rule ids (the tags do)
                        AwsText.description("ztc least-privilege policy " + n + " of role " + role.name()),
                        AwsText.ruleTag(ruleIds), ruleIds, packed.stream().map(IamModule::statement).toList(),
                        PolicyPacker.size(packed)));
            }
            boolean people = role.principalKind().equals("people");
            String description = AwsText.description("ztc " + role.principalKind() + " role for "
                    + String.join(", ", role.principals()) + ": " + String.join(", ", role.ruleIds()));
            roles.add(new Role(role.name(), people, description, role.principals(), AwsText.ruleTag(role.principals()),
                    role.servicePrincipals(), role.trustActions(),
                    role.servicePrincipals().contains(WorkloadRuntime.EC2.servicePrincipal()),
                    role.maxSessionSeconds() > 0, role.maxSessionSeconds(), AwsText.ruleTag(role.ruleIds()),
                    role.ruleIds(), names));
        }
        problems.throwIfErrors();
        List<ModuleGap> gaps = ModuleGap.of(ir, EnforcementLayer.CLOUD_IDENTITY);
        List<Role> peopleRoles = roles.stream().filter(Role::people).toList();
        return new Model(ir.organization(), roles, roles.stream().filter(r -> !r.people()).toList(), peopleRoles,
                roles.stream().filter(Role::instanceProfile).toList(), policies, gaps, DEVICE_TAG);
    }

    private static Statement statement(CloudIdentityLayer.Statement s) {
        List<ConditionOperator> conditions = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<String>>> op : new TreeMap<>(s.conditions()).entrySet()) {
            List<ConditionKey> keys = new TreeMap<>(op.getValue()).entrySet().stream()
                    .map(k -> new ConditionKey(k.getKey(), List.copyOf(k.getValue()), k.getValue().size() == 1)).toList();
            conditions.add(new ConditionOperator(op.getKey(), keys));
        }
        return new Statement(s.sid(), s.actions(), s.resources(), !conditions.isEmpty(), conditions, s.ruleIds());
    }

    /** The first rule that grants to the role: where a user would change the matrix to make it fit. */
    private static SourceLocation roleLocation(ResolvedProject project, CloudIdentityLayer.Role role) {
        return project.rules().stream().filter(r -> role.ruleIds().contains(r.id())).map(MatrixRule::at)
                .min(SourceLocation::compareTo).orElse(project.project().inventory().at());
    }
}
