package dev.ztc.drift.tfstate;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One resource instance of a {@code terraform show -json} state: {@code mode} is {@code managed} or {@code data},
 * {@code index} the {@code for_each} key or {@code count} index as text (empty without either), {@code values} its
 * attributes as the provider's schema names them.
 */
record StateResource(String address, String mode, String type, String index, JsonNode values) {

    boolean managed(String resourceType) {
        return mode.equals("managed") && type.equals(resourceType);
    }

    boolean data(String resourceType) {
        return mode.equals("data") && type.equals(resourceType);
    }

    String text(String attribute) {
        JsonNode value = values.path(attribute);
        return value.isNull() || value.isMissingNode() ? "" : value.asText();
    }

    /** Every instance in the module tree, root first, then each child module depth-first in file order. */
    static List<StateResource> all(JsonNode module, String where) throws StateFormatException {
        List<StateResource> out = new ArrayList<>();
        collect(module, where, out);
        return out;
    }

    private static void collect(JsonNode module, String where, List<StateResource> out) throws StateFormatException {
        if (!module.isObject()) {
            throw new StateFormatException(where + " is not an object");
        }
        JsonNode resources = module.path("resources");
        if (!resources.isMissingNode() && !resources.isArray()) {
            throw new StateFormatException(where + ".resources is not an array");
        }
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            String at = where + ".resources[" + i + "]";
            if (!r.path("type").isTextual() || !r.path("mode").isTextual() || !r.path("values").isObject()) {
                throw new StateFormatException(at + " lacks a mode, a type or its values");
            }
            JsonNode index = r.path("index");
            out.add(new StateResource(r.path("address").asText(at), r.get("mode").asText(), r.get("type").asText(),
                    index.isMissingNode() || index.isNull() ? "" : index.asText(), r.get("values")));
        }
        JsonNode children = module.path("child_modules");
        if (!children.isMissingNode() && !children.isArray()) {
            throw new StateFormatException(where + ".child_modules is not an array");
        }
        for (int i = 0; i < children.size(); i++) {
            collect(children.get(i), where + ".child_modules[" + i + "]", out);
        }
    }

    /** The state is JSON, but not the shape {@code terraform show -json} gives a state. */
    static final class StateFormatException extends Exception {
        private static final long serialVersionUID = 1L;

        StateFormatException(String message) {
            super(message);
        }
    }
}
