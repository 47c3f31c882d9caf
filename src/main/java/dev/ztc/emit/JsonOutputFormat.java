package dev.ztc.emit;

/**
 * JSON string contents, for {@code .json.ftl} templates: quotes, backslashes and every control character
 * escaped; {@code <}, {@code >}, {@code &} and the JavaScript line separators too, so that a document
 * stays inert wherever it is embedded. A template prints values only between double quotes.
 */
public final class JsonOutputFormat extends EscapingOutputFormat {

    public static final JsonOutputFormat INSTANCE = new JsonOutputFormat();

    private JsonOutputFormat() {
        super("JSON-string", "application/json");
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    @Override
    protected String escapeText(String text) {
        return escape(text);
    }
}
