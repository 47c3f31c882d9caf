package dev.ztc.maven;

import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.InputException;
import dev.ztc.verify.FailOn;
import dev.ztc.verify.VerifyReport;
import dev.ztc.verify.format.ReportFormat;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What every ztc goal shares: {@code skip} checked first, the project and output directories, and the translation
 * of core's outcomes into Maven's: findings and input errors fail the build ({@link MojoFailureException}), broken
 * plugin configuration is a {@link MojoExecutionException} naming the POM parameter. No logic lives here: each goal
 * fills the same options record as the CLI and calls the same core entry point.
 */
abstract class AbstractZtcMojo extends AbstractMojo {

    /** Skips the goal. */
    @Parameter(property = "ztc.skip", defaultValue = "false")
    boolean skip;

    /** The ztc project: the directory with inventory.yaml and matrix.yaml. */
    @Parameter(property = "ztc.projectDirectory", defaultValue = "${project.basedir}/src/main/ztc", required = true)
    File projectDirectory;

    /** Where compile writes (and the later goals read) the generated artifacts. */
    @Parameter(property = "ztc.outputDirectory", defaultValue = "${project.build.directory}/ztc", required = true)
    File outputDirectory;

    /** Templates that replace the built-in ones of the same name. */
    @Parameter(property = "ztc.templates")
    File templates;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("ztc: skipped (ztc.skip is true)");
            return;
        }
        if (!projectDirectory.isDirectory()) {
            throw new MojoExecutionException("<projectDirectory> " + projectDirectory + " is not a directory (ztc.projectDirectory)");
        }
        if (templates != null && !templates.isDirectory()) {
            throw new MojoExecutionException("<templates> " + templates + " is not a directory (ztc.templates)");
        }
        run();
    }

    abstract void run() throws MojoExecutionException, MojoFailureException;

    Path project() {
        return projectDirectory.toPath();
    }

    Optional<Path> out() {
        return Optional.of(outputDirectory.toPath());
    }

    Optional<Path> templatesDir() {
        return Optional.ofNullable(templates).map(File::toPath);
    }

    /** Input errors name their file, line and column; the build fails on them like on findings. */
    static MojoFailureException inputErrors(String goal, InputException e) {
        String lines = e.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        return new MojoFailureException("ztc:" + goal + ": " + e.diagnostics().size()
                + (e.diagnostics().size() == 1 ? " error" : " errors") + " in the ztc project (<projectDirectory>):\n" + lines);
    }

    /** Writes a report, creating its directory; a report that cannot be written is a configuration problem. */
    static void write(File report, String text, String parameter) throws MojoExecutionException {
        try {
            Path path = report.toPath().toAbsolutePath();
            Files.createDirectories(path.getParent());
            Files.writeString(path, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MojoExecutionException("<" + parameter + "> cannot be written: " + e.getMessage(), e);
        }
    }

    /** {@code <failOn>}, shared by verify and plan-check. */
    static FailOn failOn(String failOn) throws MojoExecutionException {
        return FailOn.parse(failOn).orElseThrow(() -> new MojoExecutionException(
                "<failOn> must be error, warning or never, not '" + failOn + "' (ztc.failOn)"));
    }

    /**
     * The findings of verify or plan-check: the report to {@code report}, the text findings to the build log, and
     * the build failed when findings reach {@code <failOn>}.
     */
    void reportFindings(String goal, VerifyReport result, ReportFormat format, File report, FailOn failOn, String noun)
            throws MojoExecutionException, MojoFailureException {
        write(report, format.render(result), "report");
        ReportFormat.TEXT.render(result).lines().forEach(getLog()::info);
        getLog().info("ztc: " + goal + " report written to " + report);
        long failing = failOn.failing(result);
        if (failing > 0) {
            throw new MojoFailureException("ztc:" + goal + ": " + failing + " " + noun + " at or above " + failOn.label()
                    + " (<failOn>); see " + report);
        }
    }
}
