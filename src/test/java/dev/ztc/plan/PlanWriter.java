package dev.ztc.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.ir.CloudIdentityLayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes the plan Terraform would make for a first apply of a compiled project, in the format of
 * {@code terraform show -json} 1.2: every ztc resource created, group and policy ids unknown until apply, policy
 * documents as the JSON strings {@code file()} and {@code aws_iam_policy_document} give, object ids of the tenant
 * as the data sources would return them. The compliant fixtures under {@code src/test/resources/plans/} are its
 * output; the variants are hand-edited copies or hand-written follow-up plans.
 */
final class PlanWriter {

    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final String AWS = "registry.terraform.io/hashicorp/aws";
    private static final String AZUREAD = "registry.terraform.io/hashicorp/azuread";

    private final ObjectNode root = JSON.createObjectNode();
    private final Map<String, ArrayNode> modules = new TreeMap<>();
    private final ArrayNode changes;

    private PlanWriter() {
        root.put("format_version", "1.2");
        root.put("terraform_version", "1.9.8");
        root.putObject("planned_values").putObject("root_module");
        changes = root.putArray("resource_changes");
    }

    static String firstApply(PlanIntent intent) {
        PlanWriter w = new PlanWriter();
        intent.groups().forEach((address, g) -> w.create(address, AWS, Map.of("name", g.key(), "description", "ztc micro-segment of " + g.owner(),
                "tags", Map.of("ztc:managed", "true", "ztc:owner", g.owner())), List.of("id", "arn", "owner_id")));
        intent.rules().forEach((address, r) -> w.create(address, AWS, rule(r),
                r.peerGroup().isEmpty() ? List.of("id", "arn", "security_group_id", "security_group_rule_id")
                        : List.of("id", "arn", "security_group_id", "referenced_security_group_id", "security_group_rule_id")));
        intent.roles().forEach((address, role) -> w.create(address, AWS, Map.of("name", role.name(),
                "assume_role_policy", trust(role), "path", "/"), List.of("id", "arn", "unique_id", "create_date")));
        intent.policies().forEach((address, statements) -> {
            String name = address.replaceFirst(".*\\[\"(.*)\"\\]$", "$1");
            w.create(address, AWS, Map.of("name", name, "path", "/", "policy", intent.context().artifacts()
                    .get(EmittedPolicy.POLICIES + name + ".json")), List.of("id", "arn", "policy_id"));
            w.create(PlanIntent.address(PlanIntent.IAM, "aws_iam_role_policy_attachment", "this", name), AWS,
                    Map.of("role", statements.get(0).role()), List.of("id", "policy_arn"));
        });
        intent.namedLocations().forEach((address, cidrs) -> w.create(address, AZUREAD, Map.of("display_name",
                address.replaceFirst(".*\\[\"(.*)\"\\]$", "$1"), "ip", List.of(Map.of("ip_ranges", cidrs, "trusted", false))),
                List.of("id")));
        EmittedConditionalAccessPolicy.Module ca = EmittedConditionalAccessPolicy.read(intent.context().artifacts());
        String state = caState(intent);
        intent.caPolicies().forEach((address, p) -> w.create(address, AZUREAD, w.conditionalAccess(intent, p, ca, state),
                caUnknown(p)));
        w.directoryLookUps(intent);
        intent.bundleMd5().filter(md5 -> intent.context().artifacts().containsKey("opa/data.json")).ifPresent(md5 ->
                w.create(PlanIntent.BUNDLE_OBJECT, AWS, Map.of("bucket", "ztc-opa-bundles", "key", "bundle.tar.gz",
                        "etag", md5, "content_type", "application/gzip", "server_side_encryption", "AES256",
                        "source", "./modules/opa-bundle/../../../opa/bundle.tar.gz"), List.of("id", "version_id", "arn")));
        ArrayNode children = ((ObjectNode) w.root.path("planned_values").path("root_module")).putArray("child_modules");
        w.modules.forEach((module, resources) -> children.addObject().put("address", module).set("resources", resources));
        try {
            return JSON.writeValueAsString(w.root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void create(String address, String provider, Map<String, Object> values, List<String> unknown) {
        ObjectNode afterUnknown = JSON.createObjectNode();
        unknown.forEach(u -> afterUnknown.put(u, true));
        create(address, provider, values, afterUnknown);
    }

    private void create(String address, String provider, Map<String, Object> values, ObjectNode afterUnknown) {
        String module = address.substring(0, address.indexOf('.', "module.".length()));
        String rest = address.substring(module.length() + 1);
        String type = rest.substring(0, rest.indexOf('.'));
        String name = rest.substring(type.length() + 1).replaceFirst("\\[.*$", "");
        String index = address.endsWith("\"]") ? address.replaceFirst("^[^\\[]*\\[\"(.*)\"\\]$", "$1") : null;
        ObjectNode after = JSON.valueToTree(new TreeMap<>(values));
        ObjectNode resource = modules.computeIfAbsent(module, m -> JSON.createArrayNode()).addObject();
        resource.put("address", address).put("mode", "managed").put("type", type).put("name", name);
        if (index != null) {
            resource.put("index", index);
        }
        resource.put("provider_name", provider).put("schema_version", 0).set("values", after.deepCopy());
        resource.putObject("sensitive_values");
        ObjectNode change = changes.addObject();
        change.put("address", address).put("module_address", module).put("mode", "managed").put("type", type).put("name", name);
        if (index != null) {
            change.put("index", index);
        }
        change.put("provider_name", provider);
        ObjectNode body = change.putObject("change");
        body.putArray("actions").add("create");
        body.putNull("before");
        body.set("after", after);
        body.set("after_unknown", afterUnknown);
        body.put("before_sensitive", false);
        body.putObject("after_sensitive");
    }

    private static Map<String, Object> rule(EmittedSecurityGroupRule r) {
        Map<String, Object> v = new TreeMap<>();
        v.put("ip_protocol", r.protocol());
        v.put("from_port", r.fromPort());
        v.put("to_port", r.toPort());
        v.put("cidr_ipv4", r.cidr().isEmpty() || r.cidr().contains(":") ? null : r.cidr());
        v.put("cidr_ipv6", r.cidr().contains(":") ? r.cidr() : null);
        v.put("description", "ztc: " + String.join(", ", r.ruleIds()));
        v.put("tags", Map.of("ztc:managed", "true", "ztc:rules", String.join(" ", r.ruleIds())));
        return v;
    }

    /** What the IAM module's aws_iam_policy_document data sources render (compact JSON, as Terraform has it). */
    private static String trust(CloudIdentityLayer.Role role) {
        ObjectNode doc = JSON.createObjectNode().put("Version", "2012-10-17");
        ObjectNode st = doc.putArray("Statement").addObject();
        if (role.principalKind().equals("people")) {
            st.put("Sid", "ZtcFederatedSignIn").put("Effect", "Allow");
            st.putArray("Action").add("sts:TagSession").add("sts:AssumeRoleWithSAML");
            st.putObject("Principal").put("Federated", "arn:aws:iam::111122223333:saml-provider/corp-idp");
            st.putObject("Condition").putObject("StringEquals").put("SAML:aud", "https://signin.aws.amazon.com/saml");
        } else {
            st.put("Sid", "ZtcWorkloadTrust").put("Effect", "Allow");
            st.set("Action", JSON.valueToTree(role.trustActions().size() == 1 ? role.trustActions().get(0) : role.trustActions()));
            st.putObject("Principal").set("Service", JSON.valueToTree(role.servicePrincipals().size() == 1
                    ? role.servicePrincipals().get(0) : role.servicePrincipals()));
        }
        return doc.toString();
    }

    /**
     * What the conditional-access module plans for one policy: object ids as its look-ups return them (the
     * inventory's group object ids, else stand-ins the data sources in {@code prior_state} name), break-glass
     * accounts excluded, the {@code locations} block only where the policy names locations (the excluded ones are
     * ids of named locations the same plan creates, so null here and true in after_unknown), the
     * {@code session_controls} block only with a sign-in frequency.
     */
    private Map<String, Object> conditionalAccess(PlanIntent intent, EmittedConditionalAccessPolicy p,
                                                  EmittedConditionalAccessPolicy.Module ca, String state) {
        Map<String, Object> users = new TreeMap<>();
        List<String> included = new ArrayList<>(p.allUsers() ? List.of("All") : List.of());
        p.includeUsers().forEach(u -> included.add(objectId(u)));
        users.put("included_users", included);
        List<String> excluded = new ArrayList<>(ca.breakGlassUserIds());
        p.excludeUsers().forEach(u -> excluded.add(objectId(u)));
        users.put("excluded_users", excluded);
        users.put("included_groups", p.includeGroups().stream().map(g -> groupId(intent, g)).toList());
        users.put("excluded_groups", p.excludeGroups().stream().map(g -> groupId(intent, g)).toList());
        Map<String, Object> conditions = new TreeMap<>();
        conditions.put("applications", List.of(Map.of("included_applications", p.applications())));
        conditions.put("client_app_types", p.clientAppTypes());
        conditions.put("sign_in_risk_levels", p.signInRiskLevels());
        conditions.put("users", List.of(users));
        if (!p.includeLocations().isEmpty()) {
            Map<String, Object> locations = new TreeMap<>();
            locations.put("included_locations", p.includeLocations());
            locations.put("excluded_locations", p.excludeLocations().stream().map(l -> (String) null).toList());
            conditions.put("locations", List.of(locations));
        }
        Map<String, Object> v = new TreeMap<>();
        v.put("display_name", p.displayName());
        v.put("state", state);
        v.put("conditions", List.of(conditions));
        v.put("grant_controls", List.of(Map.of("operator", p.operator(), "built_in_controls", p.controls())));
        if (p.signInFrequencyHours() > 0) {
            v.put("session_controls", List.of(Map.of("sign_in_frequency", p.signInFrequencyHours(),
                    "sign_in_frequency_period", "hours")));
        }
        p.includeUsers().forEach(u -> users(u));
        p.excludeUsers().forEach(u -> users(u));
        return v;
    }

    private static ObjectNode caUnknown(EmittedConditionalAccessPolicy p) {
        ObjectNode unknown = JSON.createObjectNode().put("id", true);
        if (!p.includeLocations().isEmpty()) {
            ArrayNode ids = unknown.putArray("conditions").addObject().putArray("locations").addObject().putArray("excluded_locations");
            p.excludeLocations().forEach(l -> ids.add(true));
        }
        return unknown;
    }

    /** The state the module's variable defaults to, as terraform plans it when the root module does not set it. */
    private static String caState(PlanIntent intent) {
        String variables = intent.context().artifacts().getOrDefault(EmittedConditionalAccessPolicy.VARIABLES, "");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("variable \"state\" \\{[^}]*?default\\s*=\\s*\"([^\"]*)\"")
                .matcher(variables);
        return m.find() ? m.group(1) : "enabled";
    }

    private final java.util.Set<String> lookedUpUsers = new java.util.TreeSet<>();
    private final java.util.Set<String> lookedUpGroups = new java.util.TreeSet<>();

    private void users(String inventoryId) {
        lookedUpUsers.add(inventoryId);
    }

    private String groupId(PlanIntent intent, String group) {
        var known = intent.context().project().groups().get(group);
        if (known != null && known.azureGroupId().isPresent()) {
            return known.azureGroupId().get();
        }
        lookedUpGroups.add(group);
        return objectId(group);
    }

    /** The module's user and group look-ups, read while planning, as {@code prior_state} holds them. */
    private void directoryLookUps(PlanIntent intent) {
        if (lookedUpUsers.isEmpty() && lookedUpGroups.isEmpty()) {
            return;
        }
        ObjectNode prior = root.putObject("prior_state");
        prior.put("format_version", "1.0").put("terraform_version", "1.9.8");
        ArrayNode resources = prior.putObject("values").putObject("root_module").putArray("child_modules").addObject()
                .put("address", PlanIntent.CONDITIONAL_ACCESS).putArray("resources");
        lookedUpGroups.forEach(g -> lookUp(resources, "azuread_group", g));
        lookedUpUsers.forEach(u -> lookUp(resources, "azuread_user", u));
    }

    private static void lookUp(ArrayNode resources, String type, String id) {
        String name = type.equals("azuread_group") ? "by_name" : "by_upn";
        ObjectNode r = resources.addObject();
        r.put("address", PlanIntent.address(PlanIntent.CONDITIONAL_ACCESS, "data." + type, name, id)).put("mode", "data")
                .put("type", type).put("name", name).put("index", id).put("provider_name", AZUREAD).put("schema_version", 0);
        r.putObject("values").put("object_id", objectId(id));
        r.putObject("sensitive_values");
    }

    /** A stable stand-in for the tenant's object id of an inventory user or group. */
    private static String objectId(String inventoryId) {
        return UUID.nameUUIDFromBytes(inventoryId.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }
}
