package dev.ztc.check;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule whose {@code can}, {@code what} or {@code id} is malformed does not bind; the references it still names
 * (who, what, device, from) are checked in the same run, so that a broken project shows every problem at once
 * instead of revealing the next one only after the first is fixed.
 */
class UnboundRuleReferencesTest {

    @TempDir
    Path temp;

    @Test
    void theReferencesOfARuleThatDidNotBindAreCheckedInTheSameRun() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Files.writeString(project.resolve("matrix.yaml"), """
                version: 1
                rules:
                  - id: BAD-CAN
                    who: group:finanse
                    can: fly
                    what: asset:finance-reports
                    when: { device: unmanaged, from: [location:home] }
                  - id: BAD-WHAT
                    who: service:payment-api
                    can: connect
                    what: payments-db
                  - id: "bad id!"
                    who: group:finance-analysts
                    can: read
                    what: asset:nothing
                """);

        CliRun run = CliRun.of("compile", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> errors = run.err().lines().filter(l -> l.contains(": error: ")).toList();
        String matrix = project.resolve("matrix.yaml") + ":";
        assertThat(errors).as(run.err()).containsExactly(
                matrix + "4:10: error: unknown group 'finanse' (ZTC-E105)",
                matrix + "5:10: error: 'fly' is not a level (read, list, write, delete, admin, connect, invoke), an IAM action"
                        + " (s3:GetObject) or an HTTP action (GET /path) (ZTC-E108)",
                matrix + "7:21: error: unknown device 'unmanaged' (did you mean 'managed'?) (ZTC-E105)",
                matrix + "7:39: error: unknown location 'home' (ZTC-E105)",
                matrix + "9:10: error: unknown service 'payment-api' (did you mean 'payments-api'?) (ZTC-E105)",
                matrix + "11:11: error: 'what' must name an asset as asset:<id>, not 'payments-db' (ZTC-E112)",
                matrix + "12:9: error: 'id' 'bad id!' must be letters, digits, '.', '_' or '-', start with a letter or digit,"
                        + " at most 64 characters (ZTC-E111)",
                matrix + "15:11: error: unknown asset 'nothing' (ZTC-E105)");
        assertThat(project.resolve("build")).doesNotExist();
    }
}
