package dev.ztc.maven;

import dev.ztc.core.VerifyOptions;
import dev.ztc.core.Ztc;
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
import java.io.IOException;
import java.time.Clock;

/**
 * {@code ztc:verify}: the CLI's {@code verify} over {@code <outputDirectory>} (compiled first when missing or
 * stale). The report goes to {@code <report>} in {@code <format>}; the text findings go to the build log; findings at
 * or above {@code <failOn>} fail the build.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class VerifyMojo extends AbstractZtcMojo {

    /** text, json, sarif, junit or markdown. */
    @Parameter(property = "ztc.format", defaultValue = "sarif")
    String format;

    /** Where the report is written. */
    @Parameter(property = "ztc.report", defaultValue = "${project.build.directory}/ztc-reports/verify.sarif")
    File report;

    /** Fail the build when an unsuppressed finding is at least error, at least warning, or never. */
    @Parameter(property = "ztc.failOn", defaultValue = "error")
    String failOn;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        ReportFormat reportFormat = ReportFormat.parse(format).orElseThrow(() -> new MojoExecutionException(
                "<format> must be text, json, sarif, junit or markdown, not '" + format + "' (ztc.format)"));
        FailOn threshold = failOn(failOn);
        VerifyReport result;
        try {
            result = Ztc.verify(new VerifyOptions(project(), templatesDir(), true, out()), Clock.systemDefaultZone());
        } catch (InputException e) {
            throw inputErrors("verify", e);
        } catch (IOException e) {
            throw new MojoExecutionException("ztc:verify: " + e.getMessage() + " (<outputDirectory>)", e);
        }
        reportFindings("verify", result, reportFormat, report, threshold, "finding(s)");
    }
}
