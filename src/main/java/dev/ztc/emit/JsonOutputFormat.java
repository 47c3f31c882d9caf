package dev.ztc.emit;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;

/**
 * JSON string contents, for {@code .json.ftl} templates: quotes, backslashes and every control character
 * escaped; {@code <}, {@code >}, {@code &} and the JavaScript line separators too, so that a document
 * stays inert wherever it is embedded. A template prints values only between double quotes.
 */
public final class JsonOutputFormat extends CommonMarkupOutputFormat<JsonOutputFormat.Model> {

    public static final JsonOutputFormat INSTANCE = new JsonOutputFormat();

    private JsonOutputFormat() {
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
    public void output(String textToEsc, Writer out) throws IOException {
        out.write(escape(textToEsc));
    }

    @Override
    public String escapePlainText(String plainTextContent) {
        return escape(plainTextContent);
    }

    @Override
    public boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected Model newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Model(plainTextContent, markupContent);
    }

    @Override
    public String getName() {
        return "JSON-string";
    }

    @Override
    public String getMimeType() {
        return "application/json";
    }

    /** Text already escaped for a JSON string. */
    public static final class Model extends CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public JsonOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
