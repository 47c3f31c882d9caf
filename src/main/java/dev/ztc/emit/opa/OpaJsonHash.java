package dev.ztc.emit.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;

/**
 * The digest OPA computes for a {@code .json} file of a bundle when it verifies a signature: not of the
 * bytes but of the parsed document (.manifest too, when read from a tarball), written compactly with keys sorted and strings escaped as Go's
 * encoding/json does (bundle/hash.go). Any other file is hashed as its bytes.
 */
final class OpaJsonHash {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private OpaJsonHash() {
    }

    static String of(String name, byte[] content) {
        MessageDigest sha = BundleManifest.sha256();
        if (name.endsWith(".json") || name.endsWith(".manifest")) {
            try {
                StringBuilder canonical = new StringBuilder();
                walk(MAPPER.readTree(content), canonical);
                sha.update(canonical.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(name + " is not JSON", e);
            }
        } else {
            sha.update(content);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void walk(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                keys.add(names.next());
            }
            // Go sorts keys by their UTF-8 bytes; for strings without surrogates UTF-16 order is the same
            keys.sort(OpaJsonHash::compareUtf8);
            out.append('{');
            for (int i = 0; i < keys.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(keys.get(i), out);
                out.append(':');
                walk(node.get(keys.get(i)), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                walk(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(node.textValue(), out);
        } else {
            // numbers as written (OPA keeps json.Number), true, false, null
            out.append(node.toString());
        }
    }

    private static int compareUtf8(String a, String b) {
        return java.util.Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** Go's encoding/json with HTML escaping off: short escapes for \b \f \n \r \t, \\u00xx lower-case otherwise. */
    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
