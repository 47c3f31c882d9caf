package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An IAM statement as a planned policy string holds it, normalized for comparison: a single string where a list is
 * expected reads as a list, condition operators and keys keep their values. {@code negated}: NotAction,
 * NotResource or NotPrincipal, which grant everything but a list and are never what ztc compiles.
 */
record IamStatements(String sid, String effect, List<String> actions, List<String> resources, boolean negated,
                     Map<String, Map<String, List<String>>> conditions, JsonNode principal) {

    static List<IamStatements> of(JsonNode document) {
        List<IamStatements> out = new ArrayList<>();
        JsonNode statements = document.path("Statement");
        if (statements.isObject()) {
            out.add(one(statements));
        } else {
            statements.forEach(st -> out.add(one(st)));
        }
        return out;
    }

    private static IamStatements one(JsonNode st) {
        Map<String, Map<String, List<String>>> conditions = new TreeMap<>();
        st.path("Condition").fields().forEachRemaining(op -> {
            Map<String, List<String>> keys = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            op.getValue().fields().forEachRemaining(k -> keys.put(k.getKey(), strings(k.getValue())));
            conditions.put(op.getKey(), keys);
        });
        return new IamStatements(st.path("Sid").asText(""), st.path("Effect").asText(""), strings(st.get("Action")),
                strings(st.get("Resource")), st.has("NotAction") || st.has("NotResource") || st.has("NotPrincipal"),
                conditions, st.path("Principal"));
    }

    boolean allows() {
        return effect.equals("Allow");
    }

    /** The actions of this statement that no granted pattern covers. */
    List<String> actionsBeyond(List<String> granted) {
        return actions.stream().filter(a -> granted.stream().noneMatch(g -> IamGlob.covers(g, a, true))).toList();
    }

    List<String> resourcesBeyond(List<String> granted) {
        return resources.stream().filter(r -> granted.stream().noneMatch(g -> IamGlob.covers(g, r, false))).toList();
    }

    /** The granted conditions this statement drops or loosens, as {@code Operator key}. */
    List<String> conditionsMissing(Map<String, Map<String, List<String>>> granted) {
        List<String> out = new ArrayList<>();
        granted.forEach((operator, keys) -> keys.forEach((key, values) -> {
            List<String> planned = conditions.getOrDefault(operator, Map.of()).get(key);
            if (planned == null || !values.containsAll(planned)) {
                out.add(operator + " " + key);
            }
        }));
        return out;
    }

    static List<String> strings(JsonNode node) {
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
}
