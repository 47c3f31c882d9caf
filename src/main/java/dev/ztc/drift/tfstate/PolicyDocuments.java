package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * IAM policy documents (permission and trust) in drift's canonical JSON: keys sorted at every level; Action,
 * NotAction, Resource, NotResource, every principal list and every condition value a sorted list of strings (IAM
 * takes a single string for a one-element list, {@code true} for {@code "true"}); statements sorted by their
 * canonical text, since IAM gives their order no meaning; anything else as it is.
 *
 * <p>The same rules as the AWS source's canonical form (branch drift-aws, {@code dev.ztc.drift.aws.PolicyDocuments},
 * not yet on this branch): both sides of a comparison must agree byte for byte. Once both are merged, one of the
 * two should call the other.
 */
final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LISTS = Set.of("Action", "NotAction", "Resource", "NotResource");
    private static final Set<String> PRINCIPALS = Set.of("Principal", "NotPrincipal");

    private PolicyDocuments() {
    }

    static String canonical(String json) throws JsonProcessingException {
        JsonNode normal = sortedKeys(JSON.readTree(json));
        if (normal instanceof ObjectNode root && root.has("Statement")) {
            JsonNode statements = root.get("Statement");
            List<JsonNode> list = new ArrayList<>();
            if (statements.isArray()) {
                statements.forEach(s -> list.add(s instanceof ObjectNode o ? statement(o) : s));
            } else {
                list.add(statements instanceof ObjectNode o ? statement(o) : statements);
            }
            list.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            list.forEach(array::add);
            root.set("Statement", array);
        }
        return JSON.writeValueAsString(normal);
    }

    private static JsonNode statement(ObjectNode statement) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        statement.properties().forEach(field -> {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (LISTS.contains(key)) {
                out.set(key, sortedStrings(value));
            } else if (PRINCIPALS.contains(key) && value.isObject()) {
                out.set(key, eachValue(value, PolicyDocuments::sortedStrings));
            } else if (key.equals("Condition") && value.isObject()) {
                out.set(key, eachValue(value, operator -> eachValue(operator, PolicyDocuments::sortedStrings)));
            } else {
                out.set(key, value);
            }
        });
        return out;
    }

    private static JsonNode eachValue(JsonNode object, UnaryOperator<JsonNode> f) {
        if (!object.isObject()) {
            return object;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        object.properties().forEach(e -> out.set(e.getKey(), f.apply(e.getValue())));
        return out;
    }

    private static JsonNode sortedStrings(JsonNode value) {
        List<String> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(v -> items.add(v.isValueNode() ? v.asText() : v.toString()));
        } else {
            items.add(value.isValueNode() ? value.asText() : value.toString());
        }
        items.sort(Comparator.naturalOrder());
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        items.forEach(i -> out.add(TextNode.valueOf(i)));
        return out;
    }

    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), sortedKeys(e.getValue())));
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(sortedKeys(n)));
            return out;
        }
        return node;
    }
}
