package dev.ztc.emit;

/**
 * Terraform (HCL) quoted strings, for {@code .tf.ftl} templates: every {@code [=x]} is escaped so that no
 * name from the input can close the string, start an interpolation ({@code ${}}) or a directive
 * ({@code %{}}), or break the line. A template prints values only between double quotes.
 */
public final class HclOutputFormat extends EscapingOutputFormat {

    public static final HclOutputFormat INSTANCE = new HclOutputFormat();

    private HclOutputFormat() {
        super("HCL", "text/x-hcl");
    }

    /** The text of an HCL quoted-string literal (without the quotes) that reads back as {@code text}. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // "$${" and "%%{" are HCL's own escapes for a literal "${" and "%{"
                case '$' -> out.append(next == '{' ? "$$" : "$");
                case '%' -> out.append(next == '{' ? "%%" : "%");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == 0x2028 || c == 0x2029) {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
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
