package dev.ztc.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real CLI: exit codes, the three formats, a wrong expect named with its layer, unreadable artifacts. */
class ValidateCommandTest {

    private static final String SECRET_REQUEST = "payments-api fetches its database credentials (raw action inside the granted read level)";

    @TempDir
    Path temp;

    @Test
    void anExampleValidatesInEveryFormat() throws Exception {
        String example = Fixtures.repo().resolve("examples/bank-payments").toString();
        String out = temp.resolve("out").toString();
        CliRun text = CliRun.of("validate", example, "--out", out, "--no-opa");
        assertThat(text.exitCode()).as(text.err()).isZero();
        assertThat(text.out()).contains("sample '" + SECRET_REQUEST + "'", "cloud-identity", "ztc validate: ", " 0 failing");

        CliRun json = CliRun.of("validate", example, "--out", out, "--no-opa", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.path("summary").path("failing").asInt()).isZero();
        assertThat(root.path("summary").path("boundary").asInt()).isPositive();
        JsonNode first = root.path("requests").get(0);
        assertThat(first.path("intent").path("decision").asText()).isIn("allow", "deny");
        assertThat(first.path("layers").has("cloud-identity")).isTrue();

        CliRun junit = CliRun.of("validate", example, "--out", out, "--no-opa", "--format", "junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(junit.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("0");
        assertThat(Integer.parseInt(doc.getDocumentElement().getAttribute("tests"))).isEqualTo(root.path("summary").path("requests").asInt());
    }

    @Test
    void aWrongExpectFailsNamingTheRequestAndTheDisagreeingLayer() throws Exception {
        Path project = Fixtures.copy(Fixtures.repo().resolve("examples/bank-payments"), temp.resolve("p"));
        Path requests = project.resolve("requests.yaml");
        String yaml = Files.readString(requests);
        int at = yaml.indexOf(SECRET_REQUEST);
        int expect = yaml.indexOf("expect: allow", at);
        Files.writeString(requests, yaml.substring(0, expect) + "expect: deny" + yaml.substring(expect + "expect: allow".length()));

        CliRun run = CliRun.of("validate", project.toString(), "--no-opa");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).containsPattern("requests\\.yaml:\\d+:5: error: request '" + java.util.regex.Pattern.quote(SECRET_REQUEST)
                + "': expected deny, but the matrix allows it \\(PAY-SECRET-1\\); cloud-identity allows it too");
        assertThat(run.out()).contains(" 1 failing", "1 expectations unmet");
    }

    @Test
    void anUnreadableArtifactOrBadUsageExits2() throws Exception {
        Path example = Fixtures.repo().resolve("examples/bank-payments");
        Path out = temp.resolve("out");
        assertThat(CliRun.of("validate", example.toString(), "--out", out.toString(), "--no-opa").exitCode()).isZero();
        Files.writeString(out.resolve("terraform/modules/iam/policies/payment-analyst-1.json"), "{\"Statement\": [");
        CliRun broken = CliRun.of("validate", example.toString(), "--out", out.toString(), "--no-opa");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("cannot read the generated terraform/modules/iam/policies/payment-analyst-1.json");

        assertThat(CliRun.of("validate", example.toString(), "--format", "sarif").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("validate", example.toString(), "--opa", "/bin/opa", "--no-opa").exitCode()).isEqualTo(2);
        CliRun input = CliRun.of("validate", Fixtures.project("broken").toString());
        assertThat(input.exitCode()).isEqualTo(2);
        assertThat(input.err()).containsPattern(":\\d+:\\d+: error: ");
    }
}
