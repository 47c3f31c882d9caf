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

    @Test
    void exitCodesFollowFailOn() {
        String clean = Verified.fixture("clean").toString();
        assertThat(CliRun.of("verify", clean).exitCode()).isZero();
        String errors = Verified.fixture("ZT201").toString();
        CliRun run = CliRun.of("verify", errors);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains(errors + "/matrix.yaml:", ": error: ZT201: ");
        assertThat(CliRun.of("verify", errors, "--fail-on", "never").exitCode()).isZero();
        String warnings = Verified.fixture("ZT304").toString();
        assertThat(CliRun.of("verify", warnings).exitCode()).isZero();
        assertThat(CliRun.of("verify", warnings, "--fail-on", "warning").exitCode()).isEqualTo(1);
    }

    @Test
    void badUsageAndBadInputExit2() {
        assertThat(CliRun.of("verify", Verified.fixture("clean").toString(), "--format", "yaml").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("verify", Verified.fixture("clean").toString(), "--fail-on", "info").exitCode()).isEqualTo(2);
        CliRun broken = CliRun.of("verify", Fixtures.project("broken").toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).containsPattern(":\\d+:\\d+: error: ");
    }

    @Test
    void aSuppressionWithoutAReasonIsALocatedInputError() throws Exception {
        Path project = Fixtures.copy(Verified.fixture("ZT105"), temp.resolve("p"));
        Files.writeString(project.resolve("ztc.yaml"), "version: 1\nsuppressions:\n  - { check: ZT105, rule: AN-READ }\n");
        CliRun run = CliRun.of("verify", project.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("ztc.yaml:3:5: error: suppression is missing required 'reason'");
    }

    @Test
    void aSuppressedFindingStaysVisibleAndPasses() throws Exception {
        Path project = Fixtures.copy(Verified.fixture("ZT105"), temp.resolve("p"));
        Files.writeString(project.resolve("ztc.yaml"), "version: 1\nsuppressions:\n"
                + "  - { check: ZT105, rule: AN-READ, reason: \"accepted for the test\", expires: 2999-12-31 }\n");
        Path report = temp.resolve("out/verify.sarif");
        CliRun run = CliRun.of("verify", project.toString(), "--format", "sarif", "--report", report.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(report)).contains("\"justification\" : \"accepted for the test\"");
    }
}
