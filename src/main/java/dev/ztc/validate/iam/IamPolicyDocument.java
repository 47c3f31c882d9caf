package dev.ztc.validate.iam;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An IAM identity policy read from the JSON ztc emits (or anyone writes). Every element is read strictly:
 * an unknown key, a wrong shape or an unsupported operator is refused with {@link IamPolicyFormatException}
 * naming it, because an evaluator that skips what it does not understand would report allows AWS denies.
 */
public record IamPolicyDocument(String version, List<IamStatement> statements) {

    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> DOCUMENT_KEYS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    // duplicate keys are legal JSON but IAM rejects them; last-wins would hide a second Condition
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public IamPolicyDocument {
        statements = List.copyOf(statements);
    }

    public static IamPolicyDocument parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IamPolicyFormatException("policy is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IamPolicyFormatException("policy must be a JSON object");
        }
        onlyKeys(root, DOCUMENT_KEYS, "policy");
        String version = root.has("Version") ? text(root.get("Version"), "Version") : "2008-10-17";
        if (!VERSIONS.contains(version)) {
            throw new IamPolicyFormatException("unknown policy Version '" + version + "'");
        }
        JsonNode statementNode = root.get("Statement");
        if (statementNode == null) {
            throw new IamPolicyFormatException("policy has no Statement");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (statementNode.isArray()) {
            statementNode.forEach(nodes::add);
        } else {
            nodes.add(statementNode);
        }
        List<IamStatement> statements = new ArrayList<>();
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            IamStatement statement = statement(nodes.get(i), "Statement[" + i + "]");
            // IAM requires unique Sids in a policy; a decision naming a Sid must name one statement
            if (statement.sid().isPresent() && !sids.add(statement.sid().get())) {
                throw new IamPolicyFormatException("Statement[" + i + "] repeats Sid '" + statement.sid().get() + "'");
            }
            statements.add(statement);
        }
        return new IamPolicyDocument(version, statements);
    }

    private static IamStatement statement(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IamPolicyFormatException(where + " must be an object");
        }
        if (node.has("Principal") || node.has("NotPrincipal")) {
            throw new IamPolicyFormatException(where + " names a Principal: that is a resource policy, not an identity policy");
        }
        onlyKeys(node, STATEMENT_KEYS, where);
        Optional<String> sid = node.has("Sid") ? Optional.of(text(node.get("Sid"), where + ".Sid")) : Optional.empty();
        String named = sid.map(s -> where + " (" + s + ")").orElse(where);
        String effectText = node.has("Effect") ? text(node.get("Effect"), named + ".Effect") : "";
        IamStatement.Effect effect;
        if (effectText.equals("Allow")) {
            effect = IamStatement.Effect.ALLOW;
        } else if (effectText.equals("Deny")) {
            effect = IamStatement.Effect.DENY;
        } else {
            throw new IamPolicyFormatException(named + ".Effect must be Allow or Deny, not '" + effectText + "'");
        }
        boolean notAction = exactlyOne(node, "Action", "NotAction", named);
        List<String> actions = strings(node.get(notAction ? "NotAction" : "Action"), named + (notAction ? ".NotAction" : ".Action"));
        for (String action : actions) {
            if (!action.equals("*") && action.indexOf(':') <= 0) {
                throw new IamPolicyFormatException(named + " action '" + action + "' has no service prefix");
            }
        }
        boolean notResource = exactlyOne(node, "Resource", "NotResource", named);
        List<String> resources = strings(node.get(notResource ? "NotResource" : "Resource"),
                named + (notResource ? ".NotResource" : ".Resource"));
        for (String resource : resources) {
            if (resource.contains("${")) {
                throw new IamPolicyFormatException(named + " resource '" + resource + "' uses a policy variable, which is not supported");
            }
        }
        List<IamCondition> conditions = node.has("Condition") ? conditions(node.get("Condition"), named) : List.of();
        return new IamStatement(sid, effect, actions, notAction, resources, notResource, conditions);
    }

    private static List<IamCondition> conditions(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IamPolicyFormatException(where + ".Condition must be an object of operators");
        }
        List<IamCondition> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> ops = node.fields(); ops.hasNext(); ) {
            Map.Entry<String, JsonNode> op = ops.next();
            String opWhere = where + ".Condition." + op.getKey();
            ConditionOperator operator;
            try {
                operator = ConditionOperator.parse(op.getKey());
            } catch (IamPolicyFormatException e) {
                throw new IamPolicyFormatException(where + ": " + e.getMessage(), e);
            }
            if (!op.getValue().isObject() || op.getValue().isEmpty()) {
                throw new IamPolicyFormatException(opWhere + " must be a non-empty object of condition keys");
            }
            for (Iterator<Map.Entry<String, JsonNode>> keys = op.getValue().fields(); keys.hasNext(); ) {
                Map.Entry<String, JsonNode> key = keys.next();
                try {
                    out.add(new IamCondition(operator, key.getKey(), strings(key.getValue(), opWhere + "." + key.getKey())));
                } catch (IamPolicyFormatException e) {
                    throw new IamPolicyFormatException(where + ": " + e.getMessage(), e);
                }
            }
        }
        return out;
    }

    /** True when the statement uses the {@code Not...} form; refuses both or neither. */
    private static boolean exactlyOne(JsonNode node, String plain, String negated, String where) {
        if (node.has(plain) == node.has(negated)) {
            throw new IamPolicyFormatException(where + " must have exactly one of " + plain + " and " + negated);
        }
        return node.has(negated);
    }

    private static void onlyKeys(JsonNode node, Set<String> allowed, String where) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                throw new IamPolicyFormatException(where + " has unknown element '" + k + "'");
            }
        });
    }

    /** A string or a non-empty list of strings; booleans and numbers are accepted as IAM accepts them (their text). */
    private static List<String> strings(JsonNode node, String where) {
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            if (node.isEmpty()) {
                throw new IamPolicyFormatException(where + " is an empty list");
            }
            node.forEach(n -> out.add(text(n, where)));
        } else {
            out.add(text(node, where));
        }
        return out;
    }

    private static String text(JsonNode node, String where) {
        if (node.isTextual() || node.isBoolean() || node.isNumber()) {
            return node.asText();
        }
        throw new IamPolicyFormatException(where + " must be a string, not " + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }
}
