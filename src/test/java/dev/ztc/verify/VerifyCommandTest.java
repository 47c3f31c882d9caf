package dev.ztc.verify;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real CLI: exit codes for clean, findings, --fail-on and bad input; suppressions need a reason. */
class VerifyCommandTest {

    @TempDir
    Path temp;

    /** verify compiles into its output when that is missing: into the temp dir, never into the fixture. */
    private CliRun verify(Path project, String... options) {
        String[] args = new String[options.length + 4];
        args[0] = "verify";
        args[1] = project.toString();
        args[2] = "--out";
        args[3] = temp.resolve("out-" + project.getFileName()).toString();
        System.arraycopy(options, 0, args, 4, options.length);
        return CliRun.of(args);
    }

    @Test
    void exitCodesFollowFailOn() {
        assertThat(verify(Verified.fixture("clean")).exitCode()).isZero();
        Path errors = Verified.fixture("ZT201");
        CliRun run = verify(errors);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(errors + "/matrix.yaml:", ": error: ZT201: ");
        assertThat(verify(errors, "--fail-on", "never").exitCode()).isZero();
        Path warnings = Verified.fixture("ZT304");
        assertThat(verify(warnings).exitCode()).isZero();
        assertThat(verify(warnings, "--fail-on", "warning").exitCode()).isEqualTo(1);
    }

    @Test
    void badUsageAndBadInputExit2() {
        assertThat(verify(Verified.fixture("clean"), "--format", "yaml").exitCode()).isEqualTo(2);
        assertThat(verify(Verified.fixture("clean"), "--fail-on", "info").exitCode()).isEqualTo(2);
        CliRun broken = verify(Fixtures.project("broken"));
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).containsPattern(":\\d+:\\d+: error: ");
    }

    @Test
    void aSuppressionWithoutAReasonIsALocatedInputError() throws Exception {
        Path project = Fixtures.copy(Verified.fixture("ZT105"), temp.resolve("p"));
        Files.writeString(project.resolve("ztc.yaml"), "version: 1\nsuppressions:\n  - { check: ZT105, rule: AN-READ }\n");
        CliRun run = verify(project);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ztc.yaml:3:5: error: suppression is missing required 'reason'");
    }

    @Test
    void aSuppressedFindingStaysVisibleAndPasses() throws Exception {
        Path project = Fixtures.copy(Verified.fixture("ZT105"), temp.resolve("p"));
        Files.writeString(project.resolve("ztc.yaml"), "version: 1\nsuppressions:\n"
                + "  - { check: ZT105, rule: AN-READ, reason: \"accepted for the test\", expires: 2999-12-31 }\n");
        Path report = temp.resolve("out/verify.sarif");
        CliRun run = verify(project, "--format", "sarif", "--report", report.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(report)).contains("\"justification\" : \"accepted for the test\"");
    }
}
