package dev.ztc.cli;

import dev.ztc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A project with one planted problem per check: all are reported in one run, exactly placed, and nothing is written. */
class BrokenProjectTest {

    /** file:line:col and code of every planted problem (see the comments in the fixture's history). */
    private static final List<String> PLANTED = List.of(
            "inventory.yaml:4:22: error: 'account_id' must be 12 digits",
            "inventory.yaml:8:7: error: duplicate group id 'finance'",
            "inventory.yaml:9:13: error: 'id' 'bad id!' must be letters",
            "inventory.yaml:11:7: error: unknown segment 'nowhere' (ZTC-E105)",
            "inventory.yaml:13:31: error: 'compliant' of device must be true or false, not a string (ZTC-E103)",
            "inventory.yaml:16:29: error: '203.0.113.0/33' is not a CIDR block",
            "inventory.yaml:18:27: error: '10.0.3.5/24' has host bits set; did you mean '10.0.3.0/24'? (ZTC-E106)",
            "inventory.yaml:20:54: error: port 70000 is outside 1-65535 (ZTC-E107)",
            "inventory.yaml:21:64: error: unknown key 'colour' in asset (ZTC-E101)",
            "inventory.yaml:22:5: error: asset 'api-x' of kind http-api is missing required 'base_path' (ZTC-E102)",
            "matrix.yaml:4:10: error: unknown group 'finanse' (did you mean 'finance'?) (ZTC-E105)",
            "matrix.yaml:9:10: error: rule R2: level 'connect' is not defined for kind s3-bucket",
            "matrix.yaml:15:20: error: hours 'Mon-Fri 7-19 Europe/Berlin' must read like",
            "matrix.yaml:20:20: error: unknown time zone 'Europe/Berlni'",
            "matrix.yaml:24:11: error: unknown asset 'nothing' (ZTC-E105)",
            "matrix.yaml:25:21: error: unknown device 'unmanaged' (did you mean 'managed'?) (ZTC-E105)",
            "matrix.yaml:25:39: error: unknown location 'home' (ZTC-E105)");

    @TempDir
    Path temp;

    @Test
    void reportsEveryPlantedProblemWithItsPlaceAndWritesNothing() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("broken"), temp.resolve("broken"));

        CliRun run = CliRun.of("compile", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        List<String> lines = run.err().lines().filter(l -> l.contains(": error: ")).toList();
        for (String expected : PLANTED) {
            assertThat(lines).as("planted: " + expected).anySatisfy(l -> assertThat(l).startsWith(project + "/" + expected));
        }
        assertThat(lines).hasSize(PLANTED.size() + 1); // + "missing required 'ports'" after the bad port
        assertThat(lines.get(0)).contains("inventory.yaml:4:22");
        assertThat(lines.get(lines.size() - 1)).contains("matrix.yaml:25:39");
        assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(run.err()).endsWith("nothing was written\n");
        assertThat(project.resolve("build")).doesNotExist();
        try (Stream<Path> left = Files.list(project)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("inventory.yaml", "matrix.yaml");
        }
    }

    /** Each of these once compiled to a grant wider than written; each is now a located error. */
    @Test
    void inputThatWouldWidenAGrantIsRefused() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("widening"), temp.resolve("widening"));

        CliRun run = CliRun.of("compile", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(
                "inventory.yaml:9:7: error: aws_role 'shared' of group:ops is already the role of group:fin",
                "matrix.yaml:7:21: error: 'device' of when has no value",
                "matrix.yaml:7:32: error: 'mfa' of when has no value",
                "matrix.yaml:12:10: error: when must be a mapping",
                "matrix.yaml:17:19: error: 'from' lists no location",
                "matrix.yaml:20:10: error: a rule's path is plain: no '?'",
                "matrix.yaml:24:10: error: a rule's path is plain");
        assertThat(project.resolve("build")).doesNotExist();
    }

    @Test
    void aFailedRunLeavesThePreviousOutputUntouched() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        assertThat(CliRun.of("compile", project.toString()).exitCode()).isZero();
        Path ir = project.resolve("build/ztc/ir.json");
        byte[] before = Files.readAllBytes(ir);

        Files.writeString(project.resolve("matrix.yaml"), Files.readString(project.resolve("matrix.yaml"))
                .replace("asset:payments-db", "asset:nowhere"));
        CliRun failed = CliRun.of("compile", project.toString());

        assertThat(failed.exitCode()).isEqualTo(2);
        assertThat(failed.err()).contains("matrix.yaml:11:11: error: unknown asset 'nowhere'");
        assertThat(Files.readAllBytes(ir)).isEqualTo(before);
        try (Stream<Path> left = Files.list(project.resolve("build"))) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("ztc");
        }
    }

    @Test
    void refusesToReplaceADirectoryItDidNotWrite() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));
        Path foreign = Files.createDirectories(temp.resolve("precious"));
        Files.writeString(foreign.resolve("notes.txt"), "keep me");

        CliRun run = CliRun.of("compile", project.toString(), "--out", foreign.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("was not written by ztc");
        assertThat(foreign.resolve("notes.txt")).hasContent("keep me");
    }

    @Test
    void refusesAnOutputThatHoldsTheProject() throws IOException {
        Path project = Fixtures.copy(Fixtures.project("minimal"), temp.resolve("p"));

        CliRun run = CliRun.of("compile", project.toString(), "--out", project.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--out must not be the project directory");
        assertThat(project.resolve("inventory.yaml")).exists();
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(CliRun.of().exitCode()).isEqualTo(2);
        assertThat(CliRun.of("frobnicate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("compile", "--no-such-flag").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("compile", "a", "b").exitCode()).isEqualTo(2);
        CliRun help = CliRun.of("compile", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--out");
    }
}
