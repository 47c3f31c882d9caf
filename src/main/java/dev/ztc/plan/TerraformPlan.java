package dev.ztc.plan;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of {@code terraform show -json <planfile>}, format version 1.x: the resource changes and the drift, each
 * with where it starts in the file (a finding about a resource no matrix rule explains points there), and the
 * {@code prior_state} and {@code planned_values} trees, in which the ids of existing objects are found.
 * Read with a streaming parser so that positions survive; anything not shaped like a plan is an input error.
 */
public record TerraformPlan(String file, String formatVersion, String terraformVersion, List<ResourceChange> changes,
                            List<ResourceChange> drift, JsonNode priorState, JsonNode plannedValues) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public TerraformPlan {
        changes = List.copyOf(changes);
        drift = List.copyOf(drift);
    }

    /** {@code file} names the plan in messages and findings, as the user gave it. */
    public static TerraformPlan read(String file, String text) throws InputException {
        Map<String, JsonNode> top = new TreeMap<>();
        List<ResourceChange> changes = new ArrayList<>();
        List<ResourceChange> drift = new ArrayList<>();
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw error(file, p.currentTokenLocation(), "a Terraform plan (terraform show -json) is a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("resource_changes") || name.equals("resource_drift")) {
                    readChanges(file, p, name, name.equals("resource_changes") ? changes : drift);
                } else {
                    top.put(name, p.readValueAsTree());
                }
            }
            if (p.nextToken() != null) {
                throw error(file, p.currentTokenLocation(), "unexpected content after the plan object");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw error(file, at, "not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InputException.of(SourceLocation.of(file), ErrorCode.SYNTAX, "cannot be read: " + e.getMessage());
        }
        String version = top.getOrDefault("format_version", MissingNode.getInstance()).asText("");
        if (!version.matches("1(\\.\\d+)*")) {
            throw InputException.of(SourceLocation.of(file), ErrorCode.UNSUPPORTED_VERSION, version.isEmpty()
                    ? "no format_version: not the output of terraform show -json <planfile>"
                    : "format_version " + version + " is not 1.x, the plan format this ztc reads");
        }
        return new TerraformPlan(file, version, top.getOrDefault("terraform_version", MissingNode.getInstance()).asText(""),
                changes, drift, top.getOrDefault("prior_state", MissingNode.getInstance()),
                top.getOrDefault("planned_values", MissingNode.getInstance()));
    }

    private static void readChanges(String file, JsonParser p, String field, List<ResourceChange> out)
            throws IOException, InputException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw error(file, p.currentTokenLocation(), field + " must be a list");
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = p.currentTokenLocation();
            JsonNode entry = p.readValueAsTree();
            SourceLocation at = location(file, start);
            if (!entry.isObject() || !entry.path("address").isTextual() || !entry.path("change").isObject()
                    || !entry.path("change").path("actions").isArray()) {
                throw InputException.of(at, ErrorCode.MISSING_FIELD,
                        "an entry of " + field + " needs 'address' and 'change.actions'");
            }
            JsonNode change = entry.path("change");
            List<String> actions = new ArrayList<>();
            change.path("actions").forEach(a -> actions.add(a.asText()));
            out.add(new ResourceChange(entry.path("address").asText(), entry.path("module_address").asText(""),
                    entry.path("mode").asText("managed"), entry.path("type").asText(""), entry.path("name").asText(""),
                    entry.path("index").isMissingNode() || entry.path("index").isNull() ? "" : entry.path("index").asText(),
                    actions, change.path("before"), change.path("after"),
                    change.has("after_unknown") ? change.get("after_unknown") : new ObjectNode(JSON.getNodeFactory()), at));
        }
    }

    private static InputException error(String file, JsonLocation at, String message) {
        return InputException.of(location(file, at), ErrorCode.SYNTAX, message);
    }

    private static SourceLocation location(String file, JsonLocation at) {
        return at == null ? SourceLocation.of(file)
                : new SourceLocation(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
    }

    /** Every managed resource object of {@code prior_state} and {@code planned_values}: address → its values. */
    public Map<String, JsonNode> knownObjects() {
        Map<String, JsonNode> out = new TreeMap<>();
        collect(priorState.path("values").path("root_module"), "managed", out);
        collect(plannedValues.path("root_module"), "managed", out);
        return out;
    }

    /**
     * Every data resource instance Terraform read while planning (they are in {@code prior_state}): address → its
     * values. The Conditional Access module's user and group look-ups say which object id is which inventory id.
     */
    public Map<String, JsonNode> dataObjects() {
        Map<String, JsonNode> out = new TreeMap<>();
        collect(priorState.path("values").path("root_module"), "data", out);
        return out;
    }

    private static void collect(JsonNode module, String mode, Map<String, JsonNode> out) {
        module.path("resources").forEach(r -> {
            if (mode.equals(r.path("mode").asText("managed"))) {
                out.putIfAbsent(r.path("address").asText(), r.path("values"));
            }
        });
        module.path("child_modules").forEach(child -> collect(child, mode, out));
    }
}
