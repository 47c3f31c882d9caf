package dev.ztc.validate.format;

import dev.ztc.validate.ValidationReport;

import java.util.Locale;
import java.util.Optional;

/** The report formats of {@code ztc validate --format}. */
public enum ValidateFormat {
    TEXT, JSON, JUNIT;

    public static Optional<ValidateFormat> parse(String name) {
        for (ValidateFormat f : values()) {
            if (f.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** {@code verbose}: the text report shows every request's table, not only the samples' and the failing ones. */
    public String render(ValidationReport report, boolean verbose) {
        return switch (this) {
            case TEXT -> TextValidateReport.render(report, verbose);
            case JSON -> JsonValidateReport.render(report);
            case JUNIT -> JunitValidateReport.render(report);
        };
    }
}
