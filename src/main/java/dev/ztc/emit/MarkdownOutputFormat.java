package dev.ztc.emit;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;

/**
 * Markdown text, for the generated module READMEs ({@code .md.ftl}): characters that start markup, links,
 * HTML or table cells are backslash-escaped, and line breaks become spaces, so a value stays one inert run
 * of text in a paragraph, list item or table cell.
 */
public final class MarkdownOutputFormat extends CommonMarkupOutputFormat<MarkdownOutputFormat.Model> {

    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();
    private static final String SPECIAL = "\\`*_[]<>|#&!{}";

    private MarkdownOutputFormat() {
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                out.append(' ');
            } else {
                out.append(c);
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
        return "Markdown";
    }

    @Override
    public String getMimeType() {
        return "text/markdown";
    }

    /** Text already escaped for Markdown. */
    public static final class Model extends CommonTemplateMarkupOutputModel<Model> {
        Model(String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
        }

        @Override
        public MarkdownOutputFormat getOutputFormat() {
            return INSTANCE;
        }
    }
}
