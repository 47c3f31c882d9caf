package dev.ztc.maven;

import dev.ztc.Fixtures;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ztc:plan-check as Maven calls it: skip first, {@code <plan>} named when missing, violations fail the build. */
class PlanCheckMojoTest {

    @TempDir
    Path temp;

    private PlanCheckMojo mojo(String variant) {
        PlanCheckMojo mojo = new PlanCheckMojo();
        mojo.projectDirectory = Fixtures.repo().resolve("examples/bank-payments").toFile();
        mojo.outputDirectory = temp.resolve("out").toFile();
        mojo.plan = Fixtures.repo().resolve("src/test/resources/plans/bank-payments/" + variant + ".json").toFile();
        mojo.format = "sarif";
        mojo.failOn = "error";
        mojo.report = temp.resolve("reports/plan-check.sarif").toFile();
        return mojo;
    }

    @Test
    void skipIsCheckedFirst() throws Exception {
        PlanCheckMojo mojo = mojo("compliant");
        mojo.plan = null;
        mojo.skip = true;
        mojo.execute();
        assertThat(mojo.report).doesNotExist();
    }

    @Test
    void aMissingPlanNamesThePomParameter() {
        PlanCheckMojo mojo = mojo("compliant");
        mojo.plan = temp.resolve("none.json").toFile();
        assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<plan>")
                .hasMessageContaining("ztc.plan");
        PlanCheckMojo badFailOn = mojo("compliant");
        badFailOn.failOn = "info";
        assertThatThrownBy(badFailOn::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<failOn>");
    }

    @Test
    void aCompliantPlanPassesAndAViolationFailsTheBuild() throws Exception {
        PlanCheckMojo ok = mojo("compliant");
        ok.execute();
        assertThat(Files.readString(ok.report.toPath())).contains("\"version\" : \"2.1.0\"");
        assertThatThrownBy(mojo("world-open-rule")::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("1 violation(s)");
        assertThatThrownBy(mojo("malformed")::execute).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("malformed.json:4:");
    }
}
