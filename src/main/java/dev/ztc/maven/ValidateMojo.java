package dev.ztc.maven;

import dev.ztc.core.ValidateOptions;
import dev.ztc.core.Ztc;
import dev.ztc.diag.InputException;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ValidationReport;
import dev.ztc.validate.format.ValidateFormat;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code ztc:validate}: the CLI's {@code validate} over {@code <outputDirectory>} (compiled first when missing or
 * stale). A layer that contradicts the matrix, or an unmet {@code expect}, fails the build.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ValidateMojo extends AbstractZtcMojo {

    /** text, json or junit. */
    @Parameter(property = "ztc.validate.format", defaultValue = "junit")
    String format;

    /** Where the report is written. */
    @Parameter(property = "ztc.validate.report", defaultValue = "${project.build.directory}/ztc-reports/TEST-ztc-validate.xml")
    File report;

    /** Also judge the boundary requests generated from each matrix rule. */
    @Parameter(property = "ztc.boundary", defaultValue = "true")
    boolean boundary;

    /** Decide the application layer with the real opa (found on PATH, or {@code <opa>}); false: ztc's Java evaluation. */
    @Parameter(property = "ztc.useOpa", defaultValue = "true")
    boolean useOpa;

    /** The opa binary. */
    @Parameter(property = "ztc.opa")
    File opa;

    @Override
    void run() throws MojoExecutionException, MojoFailureException {
        ValidateFormat reportFormat = ValidateFormat.parse(format).orElseThrow(() -> new MojoExecutionException(
                "<format> must be text, json or junit, not '" + format + "' (ztc.validate.format)"));
        if (opa != null && !opa.canExecute()) {
            throw new MojoExecutionException("<opa> " + opa + " is not an executable file (ztc.opa)");
        }
        ValidationReport result;
        try {
            result = Ztc.validate(new ValidateOptions(project(), out(), templatesDir(), boundary,
                    Optional.ofNullable(opa).map(File::toPath), useOpa));
        } catch (InputException e) {
            throw inputErrors("validate", e);
        } catch (UnreadableArtifactException e) {
            throw new MojoFailureException("ztc:validate cannot read the generated " + e.getMessage() + " (<outputDirectory>)");
        } catch (IOException e) {
            throw new MojoExecutionException("ztc:validate: " + e.getMessage() + " (<outputDirectory>)", e);
        }
        write(report, reportFormat.render(result, false), "report");
        String text = ValidateFormat.TEXT.render(result, false);
        text.lines().filter(l -> l.contains(": error: ") || l.startsWith("ztc validate:")).forEach(getLog()::info);
        if (result.failing() > 0) {
            throw new MojoFailureException("ztc:validate: " + result.failing() + " request(s) where a layer contradicts the matrix"
                    + " or an expect is not met; see " + report);
        }
    }
}
