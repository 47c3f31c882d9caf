package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.SourceLocation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one mapping for a binder, reporting wrong types and missing fields as it goes;
 * {@link #finish()} then reports every key that nobody asked for. The schema is thus the binder's code,
 * and an unknown key can never be silently ignored.
 */
final class MapReader {

    private final Node.MapNode node;
    private final Diagnostics diagnostics;
    private final String element;
    private final Set<String> known = new LinkedHashSet<>();

    /** {@code element} names the thing in messages: "asset 'payments-db'", "rule", "inventory". */
    MapReader(Node.MapNode node, Diagnostics diagnostics, String element) {
        this.node = node;
        this.diagnostics = diagnostics;
        this.element = element;
    }

    /** Reads {@code value} as a mapping, or reports that it is not one. */
    static Optional<MapReader> of(Node value, Diagnostics diagnostics, String element) {
        if (value instanceof Node.MapNode map) {
            return Optional.of(new MapReader(map, diagnostics, element));
        }
        diagnostics.error(value.location(), ErrorCode.WRONG_TYPE,
                element + " must be a mapping, not " + value.typeName());
        return Optional.empty();
    }

    SourceLocation location() {
        return node.location();
    }

    /** Where the value of {@code key} was written; the mapping's place when the key is absent. */
    SourceLocation at(String key) {
        Node.Field field = node.fields().get(key);
        return field == null ? node.location() : field.value().location();
    }

    boolean has(String key) {
        known.add(key);
        Node.Field field = node.fields().get(key);
        return field != null && !(field.value() instanceof Node.ScalarNode s && s.value() == null);
    }

    /** True when {@code key} is written with no value ({@code key:}, {@code key: ~}, {@code null}). */
    boolean isExplicitNull(String key) {
        Node.Field field = node.fields().get(key);
        return field != null && field.value() instanceof Node.ScalarNode s && s.value() == null;
    }

    /** Reports every key written with no value: where a missing value would widen a grant, it is an error. */
    void refuseNulls() {
        for (Node.Field field : node.fields().values()) {
            if (field.value() instanceof Node.ScalarNode s && s.value() == null) {
                diagnostics.error(field.value().location(), ErrorCode.WRONG_TYPE, "'" + Names.printable(field.key())
                        + "' of " + element + " has no value; remove the key or give it one");
            }
        }
    }

    Optional<Node> node(String key) {
        return has(key) ? Optional.of(node.fields().get(key).value()) : Optional.empty();
    }

    Optional<String> string(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Node.ScalarNode scalar && !(scalar.value() instanceof Boolean)) {
            return Optional.of(scalar.text());
        }
        wrongType(key, value.get(), "a string");
        return Optional.empty();
    }

    Optional<String> requiredString(String key) {
        Optional<String> value = string(key);
        if (value.isEmpty() && !has(key)) {
            missing(key);
        } else if (value.isPresent() && value.get().isBlank()) {
            diagnostics.error(at(key), ErrorCode.INVALID_VALUE, "'" + key + "' of " + element + " must not be empty");
            return Optional.empty();
        }
        return value;
    }

    Optional<Boolean> bool(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Node.ScalarNode scalar && scalar.value() instanceof Boolean b) {
            return Optional.of(b);
        }
        wrongType(key, value.get(), "true or false");
        return Optional.empty();
    }

    Optional<Long> integer(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.get() instanceof Node.ScalarNode scalar) {
            if (scalar.value() instanceof Long l) {
                return Optional.of(l);
            }
            if (scalar.value() instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Optional.of(d.longValue());
            }
            if (scalar.value() instanceof String s && s.matches("-?[0-9]{1,15}")) {
                return Optional.of(Long.parseLong(s));
            }
        }
        wrongType(key, value.get(), "a whole number");
        return Optional.empty();
    }

    /** The items of a list; a single scalar where a list is expected is refused, not wrapped. */
    List<Node> list(String key) {
        Optional<Node> value = node(key);
        if (value.isEmpty()) {
            return List.of();
        }
        if (value.get() instanceof Node.ListNode list) {
            return list.items();
        }
        wrongType(key, value.get(), "a list");
        return List.of();
    }

    /** A list of strings; items of another type are reported one by one. */
    List<Located<String>> strings(String key) {
        List<Located<String>> out = new ArrayList<>();
        for (Node item : list(key)) {
            if (item instanceof Node.ScalarNode scalar && scalar.value() != null && !(scalar.value() instanceof Boolean)) {
                out.add(new Located<>(scalar.text(), scalar.location()));
            } else {
                diagnostics.error(item.location(), ErrorCode.WRONG_TYPE,
                        "items of '" + key + "' in " + element + " must be strings, not " + item.typeName());
            }
        }
        return out;
    }

    Optional<MapReader> map(String key, String what) {
        return node(key).flatMap(value -> of(value, diagnostics, what));
    }

    /** Each item of a list of mappings, read by {@code bind}; non-mappings are reported. */
    <T> List<T> each(String key, String what, Function<MapReader, Optional<T>> bind) {
        List<T> out = new ArrayList<>();
        for (Node item : list(key)) {
            of(item, diagnostics, what).flatMap(bind).ifPresent(out::add);
        }
        return out;
    }

    void error(String key, ErrorCode code, String message) {
        diagnostics.error(at(key), code, message);
    }

    Diagnostics diagnostics() {
        return diagnostics;
    }

    String element() {
        return element;
    }

    /** Reports the keys that the binder did not read, with the nearest known key as a hint. */
    void finish() {
        for (Node.Field field : node.fields().values()) {
            if (!known.contains(field.key())) {
                diagnostics.error(field.keyLocation(), ErrorCode.UNKNOWN_KEY,
                        "unknown key '" + Names.printable(field.key()) + "' in " + element + Names.suggestion(field.key(), known));
            }
        }
    }

    private void missing(String key) {
        diagnostics.error(node.location(), ErrorCode.MISSING_FIELD, element + " is missing required '" + key + "'");
    }

    private void wrongType(String key, Node value, String expected) {
        diagnostics.error(value.location(), ErrorCode.WRONG_TYPE,
                "'" + key + "' of " + element + " must be " + expected + ", not " + value.typeName());
    }

    /** A value with the place it was written. */
    record Located<T>(T value, SourceLocation at) {
    }
}
