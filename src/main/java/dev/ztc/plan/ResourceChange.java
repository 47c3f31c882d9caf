package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.ztc.diag.SourceLocation;

import java.util.List;
import java.util.Optional;

/**
 * One entry of a plan's {@code resource_changes} (or {@code resource_drift}): the resource's address, module, type,
 * instance key and the change Terraform plans, with {@code after_unknown} kept beside {@code after} so that a value
 * known only after apply is never mistaken for an absent one. {@code at} is where the entry starts in the plan file.
 */
public record ResourceChange(String address, String moduleAddress, String mode, String type, String name, String index,
                             List<String> actions, JsonNode before, JsonNode after, JsonNode afterUnknown,
                             SourceLocation at) {

    public ResourceChange {
        actions = List.copyOf(actions);
    }

    /** A value of {@code after} that the plan knows, that is unknown until apply, or that is absent (null). */
    public sealed interface Value permits Known, Unknown, Absent {
    }

    public record Known(JsonNode value) implements Value {
    }

    public record Unknown() implements Value {
    }

    public record Absent() implements Value {
    }

    public boolean managed() {
        return "managed".equals(mode);
    }

    public boolean creates() {
        return actions.contains("create") || actions.contains("update");
    }

    /** A delete that no create of the same address follows or precedes: the object is gone after apply. */
    public boolean removes() {
        return actions.contains("delete") && !actions.contains("create");
    }

    public boolean noChange() {
        return actions.isEmpty() || actions.equals(List.of("no-op")) || actions.equals(List.of("read"));
    }

    /** {@code module.network}: the address's first module step; empty for the root module. */
    public String topModule() {
        if (moduleAddress == null || moduleAddress.isEmpty()) {
            return "";
        }
        int next = moduleAddress.indexOf(".module.");
        return next < 0 ? moduleAddress.replaceFirst("\\[.*$", "") : moduleAddress.substring(0, next).replaceFirst("\\[.*$", "");
    }

    /** The planned value at {@code path} (object keys, or list indexes as numbers). */
    public Value after(String... path) {
        JsonNode value = after == null ? MissingNode.getInstance() : after;
        JsonNode unknown = afterUnknown == null ? MissingNode.getInstance() : afterUnknown;
        if (unknown.asBoolean(false) && unknown.isBoolean()) {
            return new Unknown();
        }
        for (String step : path) {
            value = step(value, step);
            unknown = step(unknown, step);
            if (unknown.isBoolean() && unknown.asBoolean()) {
                return new Unknown();
            }
        }
        return value.isMissingNode() || value.isNull() ? new Absent() : new Known(value);
    }

    /** The text at {@code path} when the plan knows it. */
    public Optional<String> knownText(String... path) {
        return after(path) instanceof Known k && !k.value().isContainerNode() ? Optional.of(k.value().asText()) : Optional.empty();
    }

    public Optional<String> beforeText(String... path) {
        JsonNode value = before == null ? MissingNode.getInstance() : before;
        for (String step : path) {
            value = step(value, step);
        }
        return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    public JsonNode beforeNode(String... path) {
        JsonNode value = before == null ? MissingNode.getInstance() : before;
        for (String step : path) {
            value = step(value, step);
        }
        return value;
    }

    private static JsonNode step(JsonNode node, String step) {
        if (node.isArray() && step.chars().allMatch(Character::isDigit)) {
            return node.path(Integer.parseInt(step));
        }
        return node.path(step);
    }
}
