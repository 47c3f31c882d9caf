package dev.ztc.maven;

import dev.ztc.core.PlanCheckOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.verify.FailOn;
import dev.ztc.verify.VerifyReport;
import dev.ztc.verify.format.ReportFormat;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.time.Clock;
import java.util.stream.Collectors;

/**
 * {@code ztc:plan-check}: the CLI's {@code plan-check}. The plan is {@code <plan>} (the JSON of
 * {@code terraform show -json}); the report goes to {@code <report>} in {@code <format>}; violations at or above
 * {@code <failOn>} fail the build.
 */
@Mojo(name = "plan-check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class PlanCheckMojo extends AbstractZtcMojo {

    /** The plan as JSON: terraform show -json tfplan > plan.json. */
    @Parameter(property = "ztc.plan")
    File plan;

    /** text, json, sarif, junit or markdown. */
    @Parameter(property = "ztc.planCheck.format", defaultValue = "sarif")
    String format;

    /** Where the report is written. */
    @Parameter(property = "ztc.planCheck.report", defaultValue = "${project.build.directory}/ztc-reports/plan-check.sarif")
    File report;

    /** Fail the build when an unsuppressed finding is at least error, at least warning, or never. */
    @Parameter(property = "ztc.failOn", defaultValue = "error")
    String failOn;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        if (plan == null || !plan.isFile()) {
            throw new MojoExecutionException("<plan> " + (plan == null ? "is not set" : plan + " is not a file")
                    + ": give the JSON of terraform show -json (ztc.plan)");
        }
        ReportFormat reportFormat = ReportFormat.parse(format).orElseThrow(() -> new MojoExecutionException(
                "<format> must be text, json, sarif, junit or markdown, not '" + format + "' (ztc.planCheck.format)"));
        FailOn threshold = failOn(failOn);
        VerifyReport result;
        try {
            result = Ztc.planCheck(new PlanCheckOptions(project(), plan.toPath(), templatesDir()), Clock.systemDefaultZone());
        } catch (InputException e) {
            String lines = e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
            throw new MojoFailureException("ztc:plan-check: the ztc project (<projectDirectory>) or the plan (<plan>)"
                    + " cannot be read:\n" + lines);
        }
        reportFindings("plan-check", result, reportFormat, report, threshold, "violation(s)");
    }
}
