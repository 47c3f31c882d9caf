package dev.ztc.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.Fixtures;
import dev.ztc.drift.OpaServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ztc drift} end to end against a real {@code opa run --server}: loaded with the bundle compiled from the
 * project it exits 0; with a bundle compiled from an older matrix, 1; against a port where nothing listens, 2, and
 * every format says "unknown". The three runs share a history file, so the last report shows all three. Usage and
 * input errors exit 2 with one line per problem and no stack trace.
 */
class DriftCommandTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T06:30:00Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;
    Path project;
    Path out;
    Path reports;

    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void compile() throws Exception {
        project = Fixtures.copy(Fixtures.repo().resolve("examples/bank-payments"), temp.resolve("p"));
        out = temp.resolve("out");
        reports = temp.resolve("reports");
        assertThat(CliRun.of("compile", project.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
    }

    private Run drift(String... extra) {
        List<String> args = new ArrayList<>(List.of(project.toString(), "--out", out.toString(), "--report-dir", reports.toString(),
                "--format", "html,markdown", "--format", "json", "--format", "text"));
        args.addAll(List.of(extra));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try (PrintStream po = new PrintStream(o, true, StandardCharsets.UTF_8); PrintStream pe = new PrintStream(e, true, StandardCharsets.UTF_8)) {
            code = new DriftCommand(po, pe, CLOCK).run(args.toArray(String[]::new));
        }
        return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    private String report(String name) throws Exception {
        return Files.readString(reports.resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void inSyncThenStaleThenUnreadable() throws Exception {
        try (OpaServer opa = OpaServer.start(out.resolve("opa"), temp.resolve("opa.log"))) {
            Run run = drift("--source", "opa", "--opa-url", opa.base().toString(), "--timeout", "5s");
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertThat(run.out()).contains("in-sync (exit 0", "application         in-sync", "cloud-identity      not-checked  no source");
            assertThat(new ObjectMapper().readTree(report("drift-report.json")).path("exitCode").asInt()).isZero();
        }

        // a bundle compiled while the matrix still let web-frontend read all of payments' API
        Path older = Fixtures.copy(project, temp.resolve("older"));
        Path matrix = older.resolve("matrix.yaml");
        Files.writeString(matrix, Files.readString(matrix).replace("GET /api/payments/status/*", "GET /api/payments/*"));
        Path stale = temp.resolve("stale");
        assertThat(CliRun.of("compile", older.toString(), "--out", stale.toString(), "--quiet").exitCode()).isZero();
        try (OpaServer opa = OpaServer.start(stale.resolve("opa"), temp.resolve("opa-stale.log"))) {
            Run run = drift("--source", "opa", "--opa-url", opa.base().toString(), "--timeout", "5s");
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.out()).contains("drifted (exit 1", "application: changed").contains("opa-bundle:ztc");
            JsonNode json = new ObjectMapper().readTree(report("drift-report.json"));
            assertThat(json.path("layers").get(0).path("items").findValuesAsText("field")).contains("revision", "allow");
            assertThat(report("drift-report.md")).contains("### application: drifted");
        }

        URI closed = OpaServer.closedPort();
        Run run = drift("--source", "opa", "--opa-url", closed.toString(), "--timeout", "2s");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).contains("unknown (exit 2");
        assertThat(report("drift-report.txt")).contains("application         unknown");
        assertThat(report("drift-report.md")).contains("**Unknown**", "**application**");
        assertThat(report("drift-report.html")).contains("class=\"banner unknown\"", "id=\"unknown\"");
        JsonNode json = new ObjectMapper().readTree(report("drift-report.json"));
        assertThat(json.path("status").asText()).isEqualTo("unknown");
        assertThat(json.path("layers").get(0).path("status").asText()).isEqualTo("unknown");
        assertThat(json.path("layers").get(0).path("items")).isEmpty();

        // the three runs, in order, in the history and in the last report's trend
        List<String> history = Files.readAllLines(reports.resolve("drift-history.jsonl"));
        assertThat(history).hasSize(3);
        assertThat(history).extracting(l -> new ObjectMapper().readTree(l).path("exitCode").asInt()).containsExactly(0, 1, 2);
        assertThat(json.path("trend").findValuesAsText("exitCode")).containsExactly("0", "1", "2");
        assertThat(report("drift-report.html")).contains("over the last 3 run(s)");
    }

    @Test
    void theHistoryBesideTheCompiledOutputSurvivesRecompiles() throws Exception {
        String closed = OpaServer.closedPort().toString();
        String[] args = {"drift", project.toString(), "--out", out.toString(), "--source", "opa", "--opa-url", closed, "--timeout", "2s"};
        assertThat(CliRun.of(args).exitCode()).isEqualTo(2);
        // an input newer than the output: drift compiles again before it compares
        Path matrix = project.resolve("matrix.yaml");
        Files.setLastModifiedTime(matrix, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(CliRun.of(args).exitCode()).isEqualTo(2);
        assertThat(CliRun.of("compile", project.toString(), "--out", out.toString(), "--quiet").exitCode()).isZero();
        assertThat(CliRun.of(args).exitCode()).isEqualTo(2);
        assertThat(Files.readAllLines(out.resolve("reports/drift-history.jsonl"))).hasSize(3);
        assertThat(out.resolve("reports/drift-report.html")).exists();
    }

    @Test
    void theDefaultSourcesFollowTheInventory() throws Exception {
        // bank-payments has clouds.aws and clouds.azure: both are read by default, and where nothing answers their
        // layers are unknown, never in sync. The Entra token comes from a client secret at a closed authority, so
        // that the default credential chain never probes a metadata address off this machine; any variable that
        // is set serves as the (never sent) secret.
        URI closed = OpaServer.closedPort();
        Run run = drift("--aws-endpoint", closed.toString(), "--graph-endpoint", closed.toString(),
                "--azure-authority", closed.toString(), "--azure-client-id", "ztc-test", "--azure-client-secret-env", "PATH",
                "--timeout", "2s");
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
        assertThat(run.out()).contains("network             unknown", "cloud-identity      unknown", "workforce-identity  unknown",
                "application         not-checked");
    }

    @Test
    void usageAndInputErrorsExit2WithOneLinePerProblem() throws Exception {
        Run format = drift("--format", "pdf");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("ztc drift: --format takes html, markdown, json, text");
        Run noUrl = drift("--source", "opa");
        assertThat(noUrl.exitCode()).isEqualTo(2);
        assertThat(noUrl.err()).contains("ztc drift: --opa-url is required");
        Run source = drift("--source", "gcp");
        assertThat(source.err()).contains("--source takes aws, entra, opa, tfstate");
        Run secret = drift("--source", "opa", "--opa-url", "http://127.0.0.1:1/", "--azure-client-secret-env", "ZTC_TEST_NO_SUCH_VARIABLE");
        assertThat(secret.exitCode()).isEqualTo(2);
        assertThat(secret.err()).contains("--azure-client-secret-env names the environment variable ZTC_TEST_NO_SUCH_VARIABLE");
        Run timeout = drift("--timeout", "soon");
        assertThat(timeout.err()).contains("--timeout takes 30s");
        assertThat(reports).doesNotExist();

        CliRun broken = CliRun.of("drift", Fixtures.project("broken").toString(), "--out", temp.resolve("b").toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).containsPattern(":\\d+:\\d+: error: ").doesNotContain("\tat ");
        assertThat(CliRun.of("drift", "--help").out()).contains("--opa-url", "--azure-client-secret-env", "Exit codes: 0 nothing drifted");
    }
}
