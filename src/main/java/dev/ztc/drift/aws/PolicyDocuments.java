package dev.ztc.drift.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * IAM policy documents (permission and trust) in drift's canonical JSON, so that two documents IAM reads alike
 * compare equal as text: keys sorted at every level; Action, NotAction, Resource, NotResource, every principal
 * list and every condition value as a sorted list of strings (IAM takes a single string for a one-element list
 * and {@code true} for {@code "true"}); statements sorted by their canonical text, since IAM gives their order no
 * meaning. Everything else is kept as it is, so that any other difference shows.
 */
public final class PolicyDocuments {

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    private static final Set<String> LISTS = Set.of("Action", "NotAction", "Resource", "NotResource");
    private static final Set<String> PRINCIPALS = Set.of("Principal", "NotPrincipal");

    private PolicyDocuments() {
    }

    /** A document as IAM returns it: URL-encoded (RFC 3986) by the API, plain JSON from some emulators. */
    static String canonicalFromApi(String document) throws JsonProcessingException {
        String text = document.strip();
        return canonical(text.startsWith("{") ? text : URLDecoder.decode(text, StandardCharsets.UTF_8));
    }

    public static String canonical(String json) throws JsonProcessingException {
        return canonical(JSON.readTree(json));
    }

    static String canonical(Object document) throws JsonProcessingException {
        return canonical(JSON.valueToTree(document));
    }

    private static String canonical(JsonNode document) throws JsonProcessingException {
        JsonNode normal = sortedKeys(document);
        if (normal instanceof ObjectNode root && root.has("Statement")) {
            JsonNode statements = root.get("Statement");
            List<JsonNode> list = new ArrayList<>();
            if (statements.isArray()) {
                statements.forEach(list::add);
            } else {
                list.add(statements);
            }
            List<JsonNode> normalized = new ArrayList<>();
            for (JsonNode st : list) {
                normalized.add(st instanceof ObjectNode o ? statement(o) : st);
            }
            normalized.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            normalized.forEach(array::add);
            root.set("Statement", array);
        }
        return JSON.writeValueAsString(normal);
    }

    private static JsonNode statement(ObjectNode st) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        st.properties().forEach(field -> {
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

    private static JsonNode eachValue(JsonNode object, java.util.function.Function<JsonNode, JsonNode> f) {
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
