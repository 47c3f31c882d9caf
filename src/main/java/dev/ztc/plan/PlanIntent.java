package dev.ztc.plan;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.artifact.EmittedSecurityGroup;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the compiled output says the plan should hold, keyed by the Terraform address each object gets from the
 * emitted modules (root module {@code module.network}, {@code module.iam}, {@code module.conditional_access},
 * {@code module.opa_bundle}). Built from the same in-memory compile verify reads, through the artifact readers.
 * {@code bundleMd5} is the hex MD5 of the compiled bundle tarball: the S3 object's {@code etag} when unencrypted or
 * SSE-S3 encrypted, which is how the emitted module sets it.
 */
public record PlanIntent(VerifyContext context, Map<String, EmittedSecurityGroupRule> rules,
                         Map<String, EmittedSecurityGroup> groups, Map<String, List<EmittedPolicy>> policies,
                         Map<String, CloudIdentityLayer.Role> roles, Map<String, EmittedConditionalAccessPolicy> caPolicies,
                         Map<String, List<String>> namedLocations, Optional<String> bundleMd5, List<String> problems) {

    public static final String NETWORK = "module.network";
    public static final String IAM = "module.iam";
    public static final String CONDITIONAL_ACCESS = "module.conditional_access";
    public static final String OPA_BUNDLE = "module.opa_bundle";
    public static final String BUNDLE_OBJECT = OPA_BUNDLE + ".aws_s3_object.bundle";
    /** The root-module calls the emitted {@code main.tf} makes: every resource under them is ztc's. */
    public static final List<String> OWNED_MODULES = List.of(NETWORK, IAM, CONDITIONAL_ACCESS, OPA_BUNDLE);

    public static PlanIntent of(VerifyContext context, Optional<String> bundleMd5) {
        List<String> problems = new ArrayList<>();
        Map<String, EmittedSecurityGroupRule> rules = new TreeMap<>();
        for (EmittedSecurityGroupRule rule : context.securityGroupRules()) {
            rule.problem().ifPresent(problems::add);
            if (rule.problem().isEmpty()) {
                rules.put(ruleAddress(rule), rule);
            }
        }
        Map<String, EmittedSecurityGroup> groups = new TreeMap<>();
        if (problems.isEmpty()) {
            EmittedSecurityGroup.read(context.artifacts()).forEach(g -> groups.put(address(NETWORK, "aws_security_group", "this", g.key()), g));
        }
        Map<String, List<EmittedPolicy>> policies = new TreeMap<>();
        for (EmittedPolicy statement : context.policies()) {
            statement.problem().ifPresent(p -> problems.add(statement.file() + " " + p));
            String name = statement.file().substring(EmittedPolicy.POLICIES.length()).replaceFirst("\\.json$", "");
            policies.computeIfAbsent(address(IAM, "aws_iam_policy", "this", name), k -> new ArrayList<>()).add(statement);
        }
        Map<String, CloudIdentityLayer.Role> roles = new TreeMap<>();
        context.ir().cloudIdentity().roles().forEach(r -> roles.put(address(IAM, "aws_iam_role", "this", r.name()), r));
        EmittedConditionalAccessPolicy.Module ca = EmittedConditionalAccessPolicy.read(context.artifacts());
        problems.addAll(ca.problems());
        Map<String, EmittedConditionalAccessPolicy> caPolicies = new TreeMap<>();
        ca.policies().forEach(p -> caPolicies.put(address(CONDITIONAL_ACCESS, "azuread_conditional_access_policy", "this", p.key()), p));
        Map<String, List<String>> locations = new TreeMap<>();
        ca.namedLocations().forEach((id, cidrs) -> locations.put(address(CONDITIONAL_ACCESS, "azuread_named_location", "this", id), cidrs));
        return new PlanIntent(context, rules, groups, policies, roles, caPolicies, locations, bundleMd5, problems);
    }

    /** {@code module.network.aws_vpc_security_group_ingress_rule.from_cidr["<key>"]}, as the network module names it. */
    static String ruleAddress(EmittedSecurityGroupRule rule) {
        if (rule.direction().equals("egress")) {
            return address(NETWORK, "aws_vpc_security_group_egress_rule", "to_group", rule.key());
        }
        return address(NETWORK, "aws_vpc_security_group_ingress_rule", rule.peerGroup().isEmpty() ? "from_cidr" : "from_group", rule.key());
    }

    /** Terraform's address of a for_each instance: the key as a JSON-style quoted string. */
    static String address(String module, String type, String name, String key) {
        return module + "." + type + "." + name + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    static boolean owned(ResourceChange change) {
        return OWNED_MODULES.contains(change.topModule());
    }
}
