package dev.ztc.artifact;

/**
 * Blanks Terraform {@code for} expressions ({@code [for x in xs : f(x)]}, {@code {for k, v in m : k => v}}) out
 * of module text before HCL4j reads it: the readers need the literal locals and the resources' shape, never what
 * a for expression computes, and HCL4j prints a line to standard output for every one it evaluates, which would
 * end up in ztc's reports. Strings and heredocs are skipped, brackets balanced; anything else is left as it is.
 */
final class HclForExpressions {

    private HclForExpressions() {
    }

    static String blanked(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                int end = endOfString(text, i);
                out.append(text, i, end);
                i = end;
            } else if ((c == '[' || c == '{') && startsFor(text, i + 1)) {
                int end = matching(text, i);
                out.append(c).append(c == '[' ? ']' : '}');
                i = end;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static boolean startsFor(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return text.startsWith("for ", i);
    }

    /** The index just past the bracket that closes the one at {@code open}, or the end of the text. */
    private static int matching(String text, int open) {
        int depth = 0;
        int i = open;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfString(text, i);
                continue;
            }
            if (c == '[' || c == '{' || c == '(') {
                depth++;
            } else if (c == ']' || c == '}' || c == ')') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        return text.length();
    }

    /** The index just past the closing quote of the string starting at {@code quote}; escapes and ${} respected. */
    private static int endOfString(String text, int quote) {
        int i = quote + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i + 1;
            }
            i++;
        }
        return text.length();
    }
}
