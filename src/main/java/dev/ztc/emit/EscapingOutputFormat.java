package dev.ztc.emit;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;

import java.io.IOException;
import java.io.Writer;

/**
 * What every ztc output format shares: Freemarker calls {@link #escapeText} on every {@code [=value]}, and
 * no built-in may bypass it. A subclass only says how its text is escaped and what it is called.
 */
public abstract class EscapingOutputFormat extends CommonMarkupOutputFormat<EscapingOutputFormat.Escaped> {

    private final String name;
    private final String mimeType;

    protected EscapingOutputFormat(String name, String mimeType) {
        this.name = name;
        this.mimeType = mimeType;
    }

    /** The escaped form of {@code text}, safe wherever the format's templates print values. */
    protected abstract String escapeText(String text);

    @Override
    public final void output(String textToEsc, Writer out) throws IOException {
        out.write(escapeText(textToEsc));
    }

    @Override
    public final String escapePlainText(String plainTextContent) {
        return escapeText(plainTextContent);
    }

    @Override
    public final boolean isLegacyBuiltInBypassed(String builtInName) {
        return false;
    }

    @Override
    protected final Escaped newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
        return new Escaped(this, plainTextContent, markupContent);
    }

    @Override
    public final String getName() {
        return name;
    }

    @Override
    public final String getMimeType() {
        return mimeType;
    }

    /** Text already escaped for one format. */
    public static final class Escaped extends CommonTemplateMarkupOutputModel<Escaped> {
        private final EscapingOutputFormat format;

        Escaped(EscapingOutputFormat format, String plainTextContent, String markupContent) {
            super(plainTextContent, markupContent);
            this.format = format;
        }

        @Override
        public EscapingOutputFormat getOutputFormat() {
            return format;
        }
    }
}
