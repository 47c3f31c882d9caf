package dev.ztc.cli;

import dev.ztc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A failed file operation is reported with its file and its cause, never as a bare path. */
class IoErrorsTest {

    @TempDir
    Path temp;

    @Test
    void aFileExceptionWithoutReasonGetsItsCauseSpelledOut() {
        assertThat(IoErrors.describe(new NoSuchFileException("/x/y"))).isEqualTo("/x/y: no such file or directory");
        assertThat(IoErrors.describe(new AccessDeniedException("/x"))).isEqualTo("/x: permission denied");
        assertThat(IoErrors.describe(new FileSystemException("/x", null, "Read-only file system")))
                .isEqualTo("/x: Read-only file system");
        assertThat(IoErrors.describe(new IOException("disk full"))).isEqualTo("disk full");
    }

    @Test
    void anOutputDirectoryBelowARegularFileIsReportedWithItsCause() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Path file = Files.writeString(temp.resolve("plain-file"), "not a directory");

        CliRun run = CliRun.of("compile", project.toString(), "--out", file.resolve("out").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        // before: "ztc compile: <path>; nothing was written", which names no cause
        assertThat(run.err().strip()).matches("ztc compile: \\S+: .+; nothing was written")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void aReportThatCannotBeWrittenIsReportedWithItsCause() throws IOException {
        Path file = Files.writeString(temp.resolve("plain-file"), "not a directory");

        CliRun run = CliRun.of("verify", Fixtures.project("minimal").toString(), "--out", temp.resolve("out").toString(),
                "--report", file.resolve("report.txt").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).matches("ztc verify: cannot write the report: \\S+: .+");
    }
}
