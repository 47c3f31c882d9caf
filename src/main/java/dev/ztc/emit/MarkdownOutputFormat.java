package dev.ztc.emit;

/**
 * Markdown text, for the generated module READMEs ({@code .md.ftl}): characters that start markup, links,
 * HTML or table cells are backslash-escaped, and line breaks become spaces, so a value stays one inert run
 * of text in a paragraph, list item or table cell.
 */
public final class MarkdownOutputFormat extends EscapingOutputFormat {

    public static final MarkdownOutputFormat INSTANCE = new MarkdownOutputFormat();
    private static final String SPECIAL = "\\`*_[]<>|#&!{}";

    private MarkdownOutputFormat() {
        super("Markdown", "text/markdown");
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
    protected String escapeText(String text) {
        return escape(text);
    }
}
