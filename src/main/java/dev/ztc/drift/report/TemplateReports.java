package dev.ztc.drift.report;

import dev.ztc.diag.InputException;
import dev.ztc.emit.Templates;

/**
 * One self-contained HTML file (inline CSS and SVG, no script, no external URL) rendered from
 * {@code templates/drift/report.html.ftl}, whose HTML output format escapes every value, and likewise the Markdown
 * report from {@code drift/report.md.ftl}. Both are overridable by {@code --templates}.
 */
public final class TemplateReports {

    public static final String HTML_TEMPLATE = "drift/report.html.ftl";
    public static final String MARKDOWN_TEMPLATE = "drift/report.md.ftl";

    private TemplateReports() {
    }

    public static String html(Templates templates, ReportInput input) throws InputException {
        return templates.render(HTML_TEMPLATE, ReportModel.of(input));
    }

    public static String markdown(Templates templates, ReportInput input) throws InputException {
        return templates.render(MARKDOWN_TEMPLATE, ReportModel.of(input));
    }
}
