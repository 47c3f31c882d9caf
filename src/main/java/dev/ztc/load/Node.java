package dev.ztc.load;

import dev.ztc.diag.SourceLocation;

import java.util.List;
import java.util.Map;

/**
 * A parsed input document before it is bound to the model: maps, lists and scalars, each
 * with the place it was written. YAML, JSON, CSV and HCL readers all produce this tree, so
 * one binder checks every format the same way.
 */
public sealed interface Node {

    SourceLocation location();

    /** What the user would call this value's type, for error messages. */
    String typeName();

    /** A key of a mapping, with where the key itself was written (errors about the key point there). */
    record Field(String key, SourceLocation keyLocation, Node value) {
    }

    record MapNode(SourceLocation location, Map<String, Field> fields) implements Node {
        public MapNode {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
        }

        @Override
        public String typeName() {
            return "a mapping";
        }
    }

    record ListNode(SourceLocation location, List<Node> items) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String typeName() {
            return "a list";
        }
    }

    /**
     * A string, a number ({@link Long} or {@link Double}), a {@link Boolean}, or null; {@code raw} is
     * the text as written, so that {@code 14.10} stays "14.10" where a field takes text.
     */
    record ScalarNode(SourceLocation location, Object value, String raw) implements Node {
        public ScalarNode(SourceLocation location, Object value) {
            this(location, value, null);
        }

        @Override
        public String typeName() {
            if (value == null) {
                return "null";
            }
            if (value instanceof Boolean) {
                return "a boolean";
            }
            if (value instanceof Number) {
                return "a number";
            }
            return "a string";
        }

        /** The value as the user wrote it, for fields that take text: numbers and booleans read as their text. */
        public String text() {
            if (raw != null) {
                return raw;
            }
            if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
                return Long.toString(d.longValue());
            }
            return value == null ? "" : value.toString();
        }
    }
}
