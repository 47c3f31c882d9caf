package dev.ztc.artifact;

import com.bertramlabs.plugins.hcl4j.HCLParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Conditional Access policy as {@code modules/conditional-access/main.tf} declares it in {@code locals.policies},
 * read back with HCL4j. Users and groups are the inventory's ids (the module maps them to object ids), locations
 * are the ids of the module's named locations or {@code All}; {@code controls} are Graph's built-in controls
 * ({@code block}, {@code mfa}, {@code compliantDevice}, ...) joined by {@code operator}; {@code signInFrequencyHours}
 * is 0 when no session control is set; {@code ruleIds} are the matrix rules the policy realizes (its provenance).
 * {@code state} is the literal the file gives, {@code var.state} when left to the module's variable.
 */
public record EmittedConditionalAccessPolicy(String key, String displayName, String state, List<String> applications,
                                             boolean allUsers, List<String> includeUsers, List<String> excludeUsers,
                                             List<String> includeGroups, List<String> excludeGroups,
                                             List<String> clientAppTypes, List<String> includeLocations,
                                             List<String> excludeLocations, List<String> signInRiskLevels,
                                             String operator, List<String> controls, int signInFrequencyHours,
                                             List<String> ruleIds) {

    public static final String MODULE = "terraform/modules/conditional-access";
    public static final String MAIN = MODULE + "/main.tf";
    public static final String VARIABLES = MODULE + "/variables.tf";

    public EmittedConditionalAccessPolicy {
        applications = List.copyOf(applications);
        includeUsers = List.copyOf(includeUsers);
        excludeUsers = List.copyOf(excludeUsers);
        includeGroups = List.copyOf(includeGroups);
        excludeGroups = List.copyOf(excludeGroups);
        clientAppTypes = List.copyOf(clientAppTypes);
        includeLocations = List.copyOf(includeLocations);
        excludeLocations = List.copyOf(excludeLocations);
        signInRiskLevels = List.copyOf(signInRiskLevels);
        controls = List.copyOf(controls);
        ruleIds = List.copyOf(ruleIds);
    }

    /** {@code terraform/modules/conditional-access/main.tf#<key>}, as decisions and findings name it. */
    public String artifact() {
        return MAIN + "#" + key;
    }

    /**
     * The whole module: its policies in file order, its named locations (id → CIDRs, from the
     * {@code azuread_named_location} for_each map), and the break-glass object ids every policy excludes (the
     * default of {@code var.break_glass_user_ids}). {@code present} is false when ztc wrote no such module;
     * {@code problems} say what keeps the files from being read as ztc writes them, each naming the file.
     */
    public record Module(boolean present, List<EmittedConditionalAccessPolicy> policies,
                         Map<String, List<String>> namedLocations, List<String> breakGlassUserIds, List<String> problems) {
        public Module {
            policies = List.copyOf(policies);
            namedLocations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(namedLocations));
            breakGlassUserIds = List.copyOf(breakGlassUserIds);
            problems = List.copyOf(problems);
        }
    }

    public static Module read(Map<String, String> artifacts) {
        String main = artifacts.get(MAIN);
        if (main == null) {
            return new Module(false, List.of(), Map.of(), List.of(), List.of());
        }
        List<String> problems = new ArrayList<>();
        Map<String, Object> root;
        try {
            root = new HCLParser().parse(HclForExpressions.blanked(main));
        } catch (Exception e) {
            return new Module(true, List.of(), Map.of(), List.of(), List.of(MAIN + " cannot be parsed: " + e.getMessage()));
        }
        Object declared = map(root, "locals").get("policies");
        if (!(declared instanceof Map<?, ?>)) {
            problems.add(MAIN + " has no locals.policies map");
        }
        Map<String, Object> policies = declared instanceof Map<?, ?> m ? cast(m) : Map.of();
        if (map(root, "resource").get("azuread_conditional_access_policy") == null) {
            problems.add(MAIN + " declares no azuread_conditional_access_policy: its policies are never created");
        }
        List<EmittedConditionalAccessPolicy> out = new ArrayList<>();
        policies.forEach((key, value) -> {
            if (value instanceof Map<?, ?> body) {
                out.add(policy(key, cast(body), problems));
            } else {
                problems.add(MAIN + "#" + key + " is not an object");
            }
        });
        Map<String, List<String>> locations = namedLocations(root, problems);
        List<String> breakGlass = breakGlass(artifacts.get(VARIABLES), problems);
        return new Module(true, out, locations, breakGlass, problems);
    }

    private static EmittedConditionalAccessPolicy policy(String key, Map<String, Object> p, List<String> problems) {
        FieldReader f = new FieldReader(MAIN + "#" + key, p, problems);
        List<String> ruleIds = Arrays.stream(f.text("rules").split("[,\\s]+")).filter(s -> !s.isEmpty()).sorted().toList();
        return new EmittedConditionalAccessPolicy(key, f.text("display_name"), f.text("state"), f.list("applications"),
                f.flag("all_users"), f.list("include_users"), f.list("exclude_users"), f.list("include_groups"),
                f.list("exclude_groups"), f.list("client_app_types"), f.list("include_locations"),
                f.list("exclude_locations"), f.list("sign_in_risk_levels"), f.text("operator"), f.list("controls"),
                f.wholeNumber("sign_in_frequency"), ruleIds);
    }

    /** {@code resource "azuread_named_location" "this" { for_each = { id = { cidrs = [...] } } }}. */
    private static Map<String, List<String>> namedLocations(Map<String, Object> root, List<String> problems) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        map(map(root, "resource"), "azuread_named_location").forEach((name, resource) -> {
            Map<String, Object> forEach = resource instanceof Map<?, ?> r ? map(cast(r), "for_each") : Map.of();
            forEach.forEach((id, location) -> {
                Map<String, Object> body = location instanceof Map<?, ?> l ? cast(l) : Map.of();
                out.put(id, new FieldReader(MAIN + "#azuread_named_location." + id, body, problems).list("cidrs"));
            });
        });
        return out;
    }

    private static List<String> breakGlass(String variables, List<String> problems) {
        if (variables == null) {
            return List.of();
        }
        try {
            Map<String, Object> variable = map(map(new HCLParser().parse(variables), "variable"), "break_glass_user_ids");
            return variable.isEmpty() ? List.of()
                    : new FieldReader(VARIABLES + "#break_glass_user_ids", variable, problems).list("default");
        } catch (Exception e) {
            problems.add(VARIABLES + " cannot be parsed: " + e.getMessage());
            return List.of();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> value) {
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> m ? cast(m) : Map.of();
    }

    /** Reads one object's fields with the types ztc writes, noting every field that has another. */
    private record FieldReader(String where, Map<String, Object> body, List<String> problems) {

        List<String> list(String field) {
            Object value = body.get(field);
            if (value instanceof List<?> items && items.stream().allMatch(i -> i instanceof String)) {
                return items.stream().map(String.class::cast).toList();
            }
            problems.add(where + ": " + field + " is not a list of strings");
            return List.of();
        }

        String text(String field) {
            Object value = body.get(field);
            if (value == null) {
                problems.add(where + ": " + field + " is missing");
                return "";
            }
            // var.state comes back as an HCL4j variable reference whose text is the expression
            return String.valueOf(value);
        }

        boolean flag(String field) {
            if (body.get(field) instanceof Boolean b) {
                return b;
            }
            problems.add(where + ": " + field + " is not true or false");
            return false;
        }

        /** HCL4j returns every number as a Double; Graph takes whole hours. */
        int wholeNumber(String field) {
            if (body.get(field) instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.doubleValue() >= 0) {
                return n.intValue();
            }
            problems.add(where + ": " + field + " is not a whole number of hours");
            return 0;
        }
    }
}
