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

/**
 * The goals as Maven calls them (fields set as the POM would): skip is checked before anything else, broken
 * configuration is a MojoExecutionException naming the POM parameter, findings and input errors a
 * MojoFailureException. The real Maven runs are the maven-invoker-plugin's (examples/maven-project, src/it).
 */
class MojoTest {

    @TempDir
    Path temp;

    private <T extends AbstractZtcMojo> T configured(T mojo, Path project) {
        mojo.projectDirectory = project.toFile();
        mojo.outputDirectory = temp.resolve("out").toFile();
        return mojo;
    }

    private VerifyMojo verify(Path project) {
        VerifyMojo mojo = configured(new VerifyMojo(), project);
        mojo.format = "sarif";
        mojo.failOn = "error";
        mojo.report = temp.resolve("reports/verify.sarif").toFile();
        return mojo;
    }

    @Test
    void skipIsCheckedFirst() throws Exception {
        VerifyMojo mojo = verify(temp.resolve("no-such-project"));
        mojo.format = "yaml";
        mojo.skip = true;
        mojo.execute();
        assertThat(mojo.report).doesNotExist();
    }

    @Test
    void brokenConfigurationNamesThePomParameter() {
        Path example = Fixtures.repo().resolve("examples/maven-project/src/main/ztc");
        assertThatThrownBy(() -> verify(temp.resolve("no-such-project")).execute())
                .isInstanceOf(MojoExecutionException.class).hasMessageContaining("<projectDirectory>");
        VerifyMojo badFormat = verify(example);
        badFormat.format = "yaml";
        assertThatThrownBy(badFormat::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<format>");
        VerifyMojo badFailOn = verify(example);
        badFailOn.failOn = "info";
        assertThatThrownBy(badFailOn::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<failOn>");
        CompileMojo badState = configured(new CompileMojo(), example);
        badState.caState = "on";
        assertThatThrownBy(badState::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<caState>");
    }

    @Test
    void aCleanProjectCompilesVerifiesAndValidates() throws Exception {
        Path example = Fixtures.repo().resolve("examples/maven-project/src/main/ztc");
        configured(new CompileMojo(), example).execute();
        assertThat(temp.resolve("out/ir.json")).exists();
        VerifyMojo verify = verify(example);
        verify.execute();
        assertThat(Files.readString(verify.report.toPath())).contains("\"version\"", "2.1.0");
        ValidateMojo validate = configured(new ValidateMojo(), example);
        validate.format = "junit";
        validate.boundary = true;
        validate.useOpa = false;
        validate.report = temp.resolve("reports/validate.xml").toFile();
        validate.execute();
        assertThat(Files.readString(validate.report.toPath())).contains("failures=\"0\"");
    }

    @Test
    void findingsAndInputErrorsFailTheBuild() throws Exception {
        Path risky = Fixtures.repo().resolve("src/it/risky-matrix/src/main/ztc");
        assertThatThrownBy(() -> verify(risky).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("at or above error (<failOn>)");
        VerifyMojo never = verify(risky);
        never.failOn = "never";
        never.execute();

        Path broken = Fixtures.project("broken");
        assertThatThrownBy(() -> verify(broken).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("(<projectDirectory>)").hasMessageMatching("(?s).*:\\d+:\\d+: error: .*");
    }

    /** ztc:verify judges <outputDirectory> as it is, so a hand edit between compile and apply fails the build. */
    @Test
    void verifyJudgesTheOutputDirectoryAsItIsOnDisk() throws Exception {
        Path example = Fixtures.copy(Fixtures.repo().resolve("examples/maven-project/src/main/ztc"), temp.resolve("ztc"));
        configured(new CompileMojo(), example).execute();
        verify(example).execute(); // untouched: clean
        Path policy = temp.resolve("out/terraform/modules/iam/policies/order-api-1.json");
        String text = Files.readString(policy);
        assertThat(text).contains("\"s3:PutObject\",");
        Files.writeString(policy, text.replace("\"s3:PutObject\",", "\"s3:*\","));
        assertThatThrownBy(() -> verify(example).execute()).isInstanceOf(MojoFailureException.class)
                .hasMessageContaining("at or above error (<failOn>)");
        assertThat(Files.readString(temp.resolve("reports/verify.sarif"))).contains("grants action s3:*", "order-api-1.json");
    }
}
