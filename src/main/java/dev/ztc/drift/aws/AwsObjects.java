package dev.ztc.drift.aws;

import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS objects in drift's normal form ({@link StateObject}'s kinds and keys), built the same way for the
 * compiled intent ({@link AwsIntent}) and for what AWS holds ({@link AwsSource}), so that only real differences
 * differ. A Terraform state's AWS resources ({@code dev.ztc.drift.tfstate}) are built here too.
 */
public final class AwsObjects {

    static final String SECURITY_GROUP = "security-group";
    static final String SECURITY_GROUP_RULE = "security-group-rule";
    static final String IAM_ROLE = "iam-role";
    static final String IAM_POLICY = "iam-policy";
    /** What IAM gives a role created without a maximum session duration. */
    public static final int DEFAULT_MAX_SESSION_SECONDS = 3600;

    private AwsObjects() {
    }

    public static StateObject securityGroup(String name, String description, String vpc, boolean managed, List<String> ruleIds) {
        return new StateObject(EnforcementLayer.NETWORK, SECURITY_GROUP, name,
                Map.of("description", description, "vpc", vpc), managed, ruleIds);
    }

    /**
     * {@code peer} is a CIDR block or {@code sg:<group name>}; the protocol is EC2's name for it in lower case
     * ({@code tcp}, {@code udp}, {@code icmp}, {@code -1} for all), ports as EC2 gives them (-1 for none).
     */
    public static StateObject securityGroupRule(String group, String direction, String peer, String protocol, int from, int to,
                                         String description, boolean managed, List<String> ruleIds) {
        String key = String.join("|", group, direction, peer, protocol.toLowerCase(Locale.ROOT), from + "-" + to);
        return new StateObject(EnforcementLayer.NETWORK, SECURITY_GROUP_RULE, key, Map.of("description", description),
                managed, ruleIds);
    }

    public static StateObject role(String name, String trust, int maxSessionSeconds, List<String> policies, boolean managed,
                            List<String> ruleIds) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("trust", trust);
        fields.put("max_session_duration", String.valueOf(maxSessionSeconds));
        fields.put("policies", String.join(",", policies.stream().sorted().toList()));
        return new StateObject(EnforcementLayer.CLOUD_IDENTITY, IAM_ROLE, name, fields, managed, ruleIds);
    }

    public static StateObject policy(String name, String document, boolean managed, List<String> ruleIds) {
        return new StateObject(EnforcementLayer.CLOUD_IDENTITY, IAM_POLICY, name, Map.of("document", document), managed, ruleIds);
    }

    /** The matrix rules a {@code ztc:rules} tag names ({@code "A B"}). */
    public static List<String> ruleIdsOfTag(String tag) {
        return words(tag == null ? "" : tag);
    }

    /** The matrix rules a rule description ztc wrote names ({@code "ztc: A, B"}); anyone else's text names none. */
    public static List<String> ruleIdsOfDescription(String description) {
        String text = description == null ? "" : description.strip();
        return text.startsWith("ztc:") ? words(text.substring("ztc:".length())) : List.of();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty()).sorted().distinct().toList();
    }
}
