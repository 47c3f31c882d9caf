package dev.ztc.artifact;

import com.bertramlabs.plugins.hcl4j.HCLParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One IAM role as {@code modules/iam/main.tf} declares it: {@code locals.roles}, the trust policy its
 * {@code data "aws_iam_policy_document" "<principal_kind>_trust"} block renders for it, and the managed policies
 * {@code locals.policies} attaches to it. The trust policy is rebuilt here the way Terraform's data source
 * renders it (Version, then per statement Sid, Effect, Action, Principal, Condition), with {@code each.value.*}
 * taken from the block's for_each entry and {@code var.*} from the root module's defaults (the root passes its
 * variables through under the same names), so that drift can compare it with what AWS holds.
 * {@code maxSessionDuration} is empty where the module leaves it to AWS's default.
 */
public record EmittedRole(String name, String description, String principalKind, Optional<Integer> maxSessionDuration,
                          Map<String, Object> trustPolicy, List<String> policies, List<String> ruleIds) {

    public static final String MAIN = EmittedPolicy.MAIN;
    public static final String ROOT_VARIABLES = "terraform/variables.tf";
    public static final String VARIABLES = "terraform/modules/iam/variables.tf";

    public EmittedRole {
        policies = List.copyOf(policies);
        ruleIds = List.copyOf(ruleIds);
    }

    /** A managed policy of the module: its name (the {@code locals.policies} key), document file, role and rules. */
    public record Policy(String name, String file, String role, List<String> ruleIds) {
        public Policy {
            ruleIds = List.copyOf(ruleIds);
        }
    }

    /** The module's roles and policies; {@code problems} say what keeps a file from being read as ztc writes it. */
    public record Module(boolean present, List<EmittedRole> roles, List<Policy> policies, List<String> problems) {
        public Module {
            roles = List.copyOf(roles);
            policies = List.copyOf(policies);
            problems = List.copyOf(problems);
        }
    }

    public static Module read(Map<String, String> artifacts) {
        String main = artifacts.get(MAIN);
        if (main == null) {
            return new Module(false, List.of(), List.of(), List.of());
        }
        Map<String, Object> root;
        try {
            root = new HCLParser().parse(HclForExpressions.blanked(main));
        } catch (Exception e) {
            return new Module(true, List.of(), List.of(), List.of(MAIN + " cannot be parsed: " + e.getMessage()));
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> variables = defaults(artifacts.get(VARIABLES), VARIABLES, problems);
        variables.putAll(defaults(artifacts.get(ROOT_VARIABLES), ROOT_VARIABLES, problems));
        Map<String, Object> locals = map(root, "locals");
        List<Policy> policies = new ArrayList<>();
        map(locals, "policies").forEach((name, value) -> {
            Map<String, Object> p = cast(value);
            policies.add(new Policy(name, text(p.get("file")), text(p.get("role")), words(p.get("rules"))));
        });
        Map<String, Object> documents = map(map(root, "data"), "aws_iam_policy_document");
        List<EmittedRole> roles = new ArrayList<>();
        map(locals, "roles").forEach((name, value) -> {
            Map<String, Object> r = cast(value);
            String kind = text(r.get("principal_kind"));
            Map<String, Object> trust = trust(name, map(documents, kind + "_trust"), variables, problems);
            Optional<Integer> maxSession = r.get("max_session_duration") instanceof Number n
                    ? Optional.of(n.intValue()) : Optional.empty();
            List<String> attached = policies.stream().filter(p -> p.role().equals(name)).map(Policy::name).sorted().toList();
            roles.add(new EmittedRole(name, text(r.get("description")), kind, maxSession, trust, attached, words(r.get("rules"))));
        });
        return new Module(true, roles, policies, problems);
    }

    /** The document the data block renders for one role; a block or reference ztc would not write is a problem. */
    private static Map<String, Object> trust(String role, Map<String, Object> block, Map<String, Object> variables,
                                             List<String> problems) {
        String where = MAIN + "#trust of " + role;
        if (block.isEmpty()) {
            problems.add(where + ": no aws_iam_policy_document renders it");
            return Map.of();
        }
        // a literal for_each map is evaluated by HCL4j; a reference (toset of names) leaves each.value unused
        Map<String, Object> each = block.get("for_each") instanceof Map<?, ?> m ? map(cast(m), role) : Map.of();
        if (block.get("for_each") instanceof Map<?, ?> m && !m.containsKey(role)) {
            problems.add(where + ": the data block's for_each has no entry for the role");
        }
        Resolver resolve = new Resolver(where, each, variables, problems);
        List<Object> statements = new ArrayList<>();
        for (Map<String, Object> st : blocks(block.get("statement"))) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (st.get("sid") != null) {
                out.put("Sid", resolve.value(st.get("sid")));
            }
            out.put("Effect", st.get("effect") == null ? "Allow" : resolve.value(st.get("effect")));
            out.put("Action", resolve.value(st.get("actions")));
            Map<String, Object> principals = new TreeMap<>();
            for (Map<String, Object> p : blocks(st.get("principals"))) {
                principals.put(text(resolve.value(p.get("type"))), resolve.value(p.get("identifiers")));
            }
            if (!principals.isEmpty()) {
                out.put("Principal", principals);
            }
            Map<String, Object> conditions = new TreeMap<>();
            for (Map<String, Object> c : blocks(st.get("condition"))) {
                @SuppressWarnings("unchecked")
                Map<String, Object> test = (Map<String, Object>) conditions.computeIfAbsent(text(resolve.value(c.get("test"))),
                        k -> new TreeMap<String, Object>());
                test.put(text(resolve.value(c.get("variable"))), resolve.value(c.get("values")));
            }
            if (!conditions.isEmpty()) {
                out.put("Condition", conditions);
            }
            statements.add(out);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("Version", "2012-10-17");
        document.put("Statement", statements);
        return document;
    }

    /** The two references the templates use inside a trust statement; anything else is not ztc's and is a problem. */
    private record Resolver(String where, Map<String, Object> each, Map<String, Object> variables, List<String> problems) {

        Object value(Object value) {
            if (value instanceof List<?> items) {
                return items.stream().map(this::value).toList();
            }
            if (value instanceof String || value == null) {
                return value == null ? "" : value;
            }
            // HCL4j hands back unevaluated references as objects whose text is the expression
            String reference = String.valueOf(value);
            if (reference.startsWith("each.value.") && each.containsKey(reference.substring("each.value.".length()))) {
                return value(each.get(reference.substring("each.value.".length())));
            }
            if (reference.startsWith("var.") && variables.get(reference.substring(4)) != null) {
                return value(variables.get(reference.substring(4)));
            }
            problems.add(where + ": cannot resolve " + reference);
            return reference;
        }
    }

    /** The defaults of a variables.tf: name → default (absent when the variable has none). */
    private static Map<String, Object> defaults(String text, String file, List<String> problems) {
        Map<String, Object> out = new TreeMap<>();
        if (text == null) {
            return out;
        }
        try {
            map(new HCLParser().parse(text), "variable").forEach((name, body) -> {
                Object value = body instanceof Map<?, ?> b ? b.get("default") : null;
                if (value != null) {
                    out.put(name, value);
                }
            });
        } catch (Exception e) {
            problems.add(file + " cannot be parsed: " + e.getMessage());
        }
        return out;
    }

    /** One block reads as a map, a repeated block as a list of maps. */
    private static List<Map<String, Object>> blocks(Object value) {
        if (value instanceof Map<?, ?> m) {
            return List.of(cast(m));
        }
        if (value instanceof List<?> items) {
            return items.stream().filter(i -> i instanceof Map<?, ?>).map(EmittedRole::cast).toList();
        }
        return List.of();
    }

    private static List<String> words(Object value) {
        return Arrays.stream(text(value).split("[,\\s]+")).filter(s -> !s.isEmpty()).sorted().toList();
    }

    private static String text(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return cast(parent.get(key));
    }
}
