package dev.ztc.artifact;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.ir.Ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One statement of an emitted IAM policy document, read back from its JSON file. {@code ruleIds} come from the
 * IR statement of the same role and Sid (the only provenance a policy document carries is its Sid); empty when
 * no IR statement has that Sid. {@code problem} is set when the file could not be read as a policy at all.
 */
public record EmittedPolicy(String file, String role, String sid, String effect, List<String> actions,
                            List<String> resources, boolean negated, Map<String, Map<String, List<String>>> conditions,
                            List<String> ruleIds, String assetId, Optional<String> problem) {

    public static final String POLICIES = "terraform/modules/iam/policies/";
    public static final String MAIN = "terraform/modules/iam/main.tf";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code terraform/modules/iam/policies/x.json#Sid}, as findings name it. */
    public String artifact() {
        return file + (sid.isEmpty() ? "" : "#" + sid);
    }

    public static List<EmittedPolicy> read(Map<String, String> artifacts, Ir ir) {
        Map<String, String> roleOfFile = roleOfFile(artifacts);
        List<EmittedPolicy> out = new ArrayList<>();
        for (Map.Entry<String, String> file : artifacts.entrySet()) {
            if (!file.getKey().startsWith(POLICIES) || !file.getKey().endsWith(".json")) {
                continue;
            }
            String name = file.getKey().substring(POLICIES.length());
            String role = roleOfFile.getOrDefault(name, name.replaceFirst("-[0-9]+\\.json$", ""));
            try {
                JsonNode document = JSON.readTree(file.getValue());
                JsonNode statements = document.path("Statement");
                if (!statements.isArray()) {
                    out.add(broken(file.getKey(), role, "has no Statement list"));
                    continue;
                }
                for (JsonNode st : statements) {
                    out.add(statement(file.getKey(), role, st, ir));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                out.add(broken(file.getKey(), role, "is not valid JSON: " + e.getOriginalMessage()));
            }
        }
        return out;
    }

    private static EmittedPolicy statement(String file, String role, JsonNode st, Ir ir) {
        String sid = st.path("Sid").asText("");
        Optional<CloudIdentityLayer.Statement> source = ir.cloudIdentity().roles().stream()
                .filter(r -> r.name().equals(role)).flatMap(r -> r.statements().stream())
                .filter(s -> s.sid().equals(sid)).findFirst();
        Map<String, Map<String, List<String>>> conditions = new TreeMap<>();
        st.path("Condition").fields().forEachRemaining(op -> {
            Map<String, List<String>> keys = new TreeMap<>();
            op.getValue().fields().forEachRemaining(k -> keys.put(k.getKey(), strings(k.getValue())));
            conditions.put(op.getKey(), keys);
        });
        return new EmittedPolicy(file, role, sid, st.path("Effect").asText(""), strings(st.get("Action")),
                strings(st.get("Resource")), st.has("NotAction") || st.has("NotResource") || st.has("NotPrincipal"),
                conditions, source.map(CloudIdentityLayer.Statement::ruleIds).orElse(List.of()),
                source.map(CloudIdentityLayer.Statement::assetId).orElse(""), Optional.empty());
    }

    private static EmittedPolicy broken(String file, String role, String problem) {
        return new EmittedPolicy(file, role, "", "", List.of(), List.of(), false, Map.of(), List.of(), "",
                Optional.of(problem));
    }

    /** IAM accepts a single string where a list is expected; both read as a list. */
    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isArray()) {
            node.forEach(n -> out.add(n.asText()));
        } else {
            out.add(node.asText());
        }
        return out;
    }

    /** The {@code policies} local of the IAM module: policy file → role. */
    @SuppressWarnings("unchecked")
    public static Map<String, String> roleOfFile(Map<String, String> artifacts) {
        Map<String, String> out = new TreeMap<>();
        String main = artifacts.get(MAIN);
        if (main == null) {
            return out;
        }
        try {
            Map<String, Object> locals = (Map<String, Object>) new HCLParser().parse(main).get("locals");
            Map<String, Object> policies = locals == null ? Map.of() : (Map<String, Object>) locals.getOrDefault("policies", Map.of());
            policies.forEach((name, value) -> {
                Map<String, Object> policy = (Map<String, Object>) value;
                out.put(String.valueOf(policy.get("file")), String.valueOf(policy.get("role")));
            });
        } catch (Exception e) {
            // an unreadable module falls back to the file naming convention (<role>-<n>.json)
        }
        return out;
    }
}
