package dev.ztc.maven;

import dev.ztc.core.VerifyOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.InputException;
import dev.ztc.verify.Severity;
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
import java.util.Optional;

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
        Optional<Severity> threshold = switch (failOn) {
            case "error" -> Optional.of(Severity.ERROR);
            case "warning" -> Optional.of(Severity.WARNING);
            case "never" -> Optional.empty();
            default -> throw new MojoExecutionException("<failOn> must be error, warning or never, not '" + failOn + "' (ztc.failOn)");
        };
        VerifyReport result;
        try {
            result = Ztc.verify(new VerifyOptions(project(), templatesDir(), true, out()), Clock.systemDefaultZone());
        } catch (InputException e) {
            throw inputErrors("verify", e);
        } catch (IOException e) {
            throw new MojoExecutionException("ztc:verify: " + e.getMessage() + " (<outputDirectory>)", e);
        }
        write(report, reportFormat.render(result), "report");
        ReportFormat.TEXT.render(result).lines().forEach(getLog()::info);
        getLog().info("ztc: verify report written to " + report);
        if (threshold.isPresent() && result.failing(threshold.get()) > 0) {
            throw new MojoFailureException("ztc:verify: " + result.failing(threshold.get()) + " finding(s) at or above "
                    + failOn + " (<failOn>); see " + report);
        }
    }
}
