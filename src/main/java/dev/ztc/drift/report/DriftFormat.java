package dev.ztc.drift.report;

import dev.ztc.diag.InputException;
import dev.ztc.emit.Templates;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The report formats of {@code ztc drift}, each with the file it is written to in the report directory. */
public enum DriftFormat {
    HTML("drift-report.html"),
    MARKDOWN("drift-report.md"),
    JSON("drift-report.json"),
    TEXT("drift-report.txt");

    /** Written when no format is named: the page for people, the ticket text and the machine-readable one. */
    public static final Set<DriftFormat> DEFAULT = EnumSet.of(HTML, MARKDOWN, JSON);

    private final String fileName;

    DriftFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String render(Templates templates, ReportInput input) throws InputException {
        return switch (this) {
            case HTML -> TemplateReports.html(templates, input);
            case MARKDOWN -> TemplateReports.markdown(templates, input);
            case JSON -> JsonReport.render(input);
            case TEXT -> TextReport.render(input);
        };
    }

    public static Optional<DriftFormat> parse(String text) {
        for (DriftFormat format : values()) {
            if (format.label().equals(text.strip().toLowerCase(Locale.ROOT)) || (format == MARKDOWN && text.strip().equals("md"))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Repeated values and comma lists alike; empty when one of them is not a format. No value at all: the default. */
    public static Optional<Set<DriftFormat>> parseAll(List<String> values) {
        if (values.isEmpty()) {
            return Optional.of(DEFAULT);
        }
        Set<DriftFormat> out = EnumSet.noneOf(DriftFormat.class);
        for (String value : values) {
            for (String part : value.split(",")) {
                Optional<DriftFormat> format = parse(part);
                if (format.isEmpty()) {
                    return Optional.empty();
                }
                out.add(format.get());
            }
        }
        return Optional.of(out);
    }
}
