package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.model.Settings;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * ZT209: an artifact uses 80% or more of a cloud limit (the quotas in {@code ztc.yaml}): rules per security
 * group and direction, characters per managed policy, managed policies per role, Conditional Access policies.
 * The next few rules would make compile fail; plan the split now.
 */
public final class QuotaHeadroom extends DeclaredCheck {

    static final int PERCENT = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    public QuotaHeadroom() {
        super("ZT209", Severity.WARNING, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
                "an artifact uses 80% or more of a cloud quota");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Settings.Quotas quotas = context.project().project().settings().quotas();
        List<Finding> out = new ArrayList<>();
        Map<String, List<EmittedSecurityGroupRule>> perGroup = new TreeMap<>();
        context.securityGroupRules().stream().filter(r -> r.problem().isEmpty())
                .forEach(r -> perGroup.computeIfAbsent(r.group() + " " + r.direction(), k -> new ArrayList<>()).add(r));
        perGroup.forEach((groupAndDirection, rules) -> near(rules.size(), quotas.securityGroupRulesPerDirection()).ifPresent(p ->
                out.add(finding(context.locationOf(ids(rules.stream().flatMap(r -> r.ruleIds().stream()).toList())),
                        List.of(), "security group " + groupAndDirection + " rules: " + rules.size() + " of "
                                + quotas.securityGroupRulesPerDirection() + " (" + p + "%)", EmittedSecurityGroupRule.MAIN))));

        Map<String, Set<String>> filesPerRole = new TreeMap<>();
        Map<String, List<String>> rulesOfFile = new TreeMap<>();
        for (EmittedPolicy st : context.policies()) {
            filesPerRole.computeIfAbsent(st.role(), k -> new TreeSet<>()).add(st.file());
            rulesOfFile.computeIfAbsent(st.file(), k -> new ArrayList<>()).addAll(st.ruleIds());
        }
        rulesOfFile.forEach((file, ruleIds) -> {
            int size = minifiedSize(context.artifacts().get(file));
            near(size, quotas.iamPolicySize()).ifPresent(p -> out.add(finding(context.locationOf(ruleIds), List.of(),
                    "policy " + file.substring(file.lastIndexOf('/') + 1) + " is " + size + " of " + quotas.iamPolicySize()
                            + " characters (" + p + "%)", file)));
        });
        filesPerRole.forEach((role, files) -> near(files.size(), quotas.iamPoliciesPerRole()).ifPresent(p ->
                out.add(finding(context.matrixFile(), List.of(), "role '" + role + "' has " + files.size() + " of "
                        + quotas.iamPoliciesPerRole() + " managed policies (" + p + "%)", "terraform/modules/iam/main.tf"))));

        int ca = context.plan().policies().size();
        var inventory = context.project().project().inventory();
        near(ca, quotas.conditionalAccessPolicies()).ifPresent(p -> out.add(finding(
                inventory.azure().map(a -> a.at()).orElse(inventory.at()), List.of(), ca + " of "
                        + quotas.conditionalAccessPolicies() + " Conditional Access policies (" + p + "%)",
                "terraform/modules/conditional-access/main.tf")));
        return out;
    }

    private static java.util.Optional<Long> near(int used, int limit) {
        long percent = Math.round(100.0 * used / limit);
        return used > 0 && used * 100L >= PERCENT * (long) limit ? java.util.Optional.of(percent) : java.util.Optional.empty();
    }

    private static List<String> ids(List<String> ruleIds) {
        return ruleIds.stream().sorted().distinct().toList();
    }

    /** AWS counts a policy's characters without whitespace. */
    private static int minifiedSize(String text) {
        try {
            return JSON.writeValueAsString(JSON.readTree(text)).length();
        } catch (Exception e) {
            return 0;
        }
    }
}
