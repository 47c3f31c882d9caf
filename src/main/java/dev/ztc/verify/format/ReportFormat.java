package dev.ztc.verify.format;

import dev.ztc.verify.VerifyReport;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** The formats {@code verify --format} writes. Each is deterministic: same report, same bytes. */
public enum ReportFormat {
    TEXT(TextReport::render),
    JSON(JsonReport::render),
    SARIF(SarifReport::render),
    JUNIT(JunitReport::render),
    MARKDOWN(MarkdownReport::render);

    private final Function<VerifyReport, String> renderer;

    ReportFormat(Function<VerifyReport, String> renderer) {
        this.renderer = renderer;
    }

    public String render(VerifyReport report) {
        return renderer.apply(report);
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReportFormat> parse(String text) {
        for (ReportFormat f : values()) {
            if (f.label().equals(text)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
