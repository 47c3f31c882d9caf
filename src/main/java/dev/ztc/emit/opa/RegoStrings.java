package dev.ztc.emit.opa;

import java.util.Locale;

/**
 * Strings from the input that end up in generated Rego. A quoted string is a valid Rego and JSON string
 * literal whatever it holds, so a name cannot close the string and inject policy; a rule name is reduced
 * to {@code [a-z0-9_]} because Rego has no quoting for identifiers.
 */
public final class RegoStrings {

    private RegoStrings() {
    }

    /** {@code "..."} with quote, backslash and every control character escaped (the JSON rules, which Rego shares). */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    // control characters, and the line separators some readers take for line ends
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029') {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !validSurrogate(text, i)) {
                        out.append("\\ufffd");
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** A lone surrogate is not valid UTF-8; it becomes U+FFFD rather than an unparseable file. */
    private static boolean validSurrogate(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /**
     * A Rego rule name from free text: lower-case letters, digits and underscores, never empty, never a
     * keyword (it always starts with {@code prefix}), at most 80 characters.
     */
    public static String identifier(String prefix, String text) {
        StringBuilder out = new StringBuilder(prefix);
        boolean underscore = prefix.endsWith("_");
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean keep = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (keep) {
                out.append(c);
                underscore = false;
            } else if (!underscore) {
                out.append('_');
                underscore = true;
            }
            if (out.length() >= 80) {
                break;
            }
        }
        String name = out.toString();
        return name.endsWith("_") && name.length() > prefix.length() ? name.substring(0, name.length() - 1) : name;
    }
}
