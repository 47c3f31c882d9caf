package dev.ztc.drift.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.artifact.EmittedRole;
import dev.ztc.artifact.EmittedSecurityGroup;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.StateObject;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The network and cloud-identity layers as the compiled output intends them, in drift's normal form: read back
 * from the emitted Terraform (the network module's locals, the IAM module's roles, trust statements and policy
 * files), not from the IR, so that what is compared is what {@code terraform apply} would create.
 */
public final class AwsIntent {

    private AwsIntent() {
    }

    /**
     * Security groups, their rules, roles and managed policies; empty when the output has no AWS modules.
     * {@code artifacts} maps output-dir-relative paths to text, as the compiled output is read. An artifact that
     * cannot be read as ztc writes it is an {@link IOException} naming it: an intent that is only partly known
     * would report drift that is not there, or hide drift that is.
     */
    public static List<StateObject> intended(ResolvedProject project, Map<String, String> artifacts) throws IOException {
        List<StateObject> out = new ArrayList<>();
        String vpc = project.project().inventory().aws().map(a -> a.vpcId()).orElse("");
        out.addAll(network(artifacts, vpc));
        out.addAll(identity(artifacts));
        return out;
    }

    private static List<StateObject> network(Map<String, String> artifacts, String vpc) throws IOException {
        List<EmittedSecurityGroupRule> rules = EmittedSecurityGroupRule.read(artifacts);
        Optional<String> broken = rules.stream().flatMap(r -> r.problem().stream()).findFirst();
        if (broken.isPresent()) {
            throw new IOException(broken.get());
        }
        Map<String, String> descriptions = EmittedSecurityGroupRule.descriptions(artifacts);
        Map<String, String> nameOfKey = new TreeMap<>();
        List<StateObject> out = new ArrayList<>();
        for (EmittedSecurityGroup group : EmittedSecurityGroup.read(artifacts)) {
            nameOfKey.put(group.key(), group.name());
            out.add(AwsObjects.securityGroup(group.name(), group.description(), vpc, true, group.ruleIds()));
        }
        for (EmittedSecurityGroupRule rule : rules) {
            String group = nameOf(nameOfKey, rule.group(), rule.artifact());
            String peer = rule.peerGroup().isEmpty() ? rule.cidr() : "sg:" + nameOf(nameOfKey, rule.peerGroup(), rule.artifact());
            out.add(AwsObjects.securityGroupRule(group, rule.direction(), peer, rule.protocol(), rule.fromPort(),
                    rule.toPort(), descriptions.getOrDefault(rule.direction() + ":" + rule.key(), ""), true, rule.ruleIds()));
        }
        return out;
    }

    private static String nameOf(Map<String, String> nameOfKey, String key, String where) throws IOException {
        String name = nameOfKey.get(key);
        if (name == null || name.isEmpty()) {
            throw new IOException(where + " names security group " + key + ", which the module does not declare");
        }
        return name;
    }

    private static List<StateObject> identity(Map<String, String> artifacts) throws IOException {
        EmittedRole.Module module = EmittedRole.read(artifacts);
        if (!module.problems().isEmpty()) {
            throw new IOException(String.join("; ", module.problems()));
        }
        List<StateObject> out = new ArrayList<>();
        for (EmittedRole role : module.roles()) {
            out.add(AwsObjects.role(role.name(), PolicyDocuments.canonical(role.trustPolicy()),
                    role.maxSessionDuration().orElse(AwsObjects.DEFAULT_MAX_SESSION_SECONDS), role.policies(), true,
                    role.ruleIds()));
        }
        for (EmittedRole.Policy policy : module.policies()) {
            String file = EmittedPolicy.POLICIES + policy.file();
            String text = artifacts.get(file);
            if (text == null) {
                throw new IOException(EmittedRole.MAIN + "#" + policy.name() + " names " + file + ", which is not there");
            }
            try {
                out.add(AwsObjects.policy(policy.name(), PolicyDocuments.canonical(text), true, policy.ruleIds()));
            } catch (JsonProcessingException e) {
                throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage(), e);
            }
        }
        return out;
    }
}
