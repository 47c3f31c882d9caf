package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The real CLI: exit codes, every report format, and an unreadable plan as a located input error. */
class PlanCheckCommandTest {

    @TempDir
    Path temp;

    private static CliRun run(String example, String variant, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "plan-check";
        args[1] = PlanFixtures.example(example).toString();
        args[2] = "--plan";
        args[3] = PlanFixtures.plan(example, variant).toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return CliRun.of(args);
    }

    @Test
    void exitCodesFollowFailOn() {
        CliRun ok = run("healthcare-saas", "compliant");
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.out()).contains("plan-check: 6 checks, 0 errors, 0 warnings, 0 notes, 0 suppressed");
        CliRun violation = run("bank-payments", "world-open-rule");
        assertThat(violation.exitCode()).isEqualTo(1);
        assertThat(violation.out()).contains(": error: ZT501: module.network.aws_vpc_security_group_ingress_rule.from_cidr[");
        assertThat(run("bank-payments", "world-open-rule", "--fail-on", "never").exitCode()).isZero();
        assertThat(run("bank-payments", "non-ztc-change").exitCode()).isZero();
    }

    @Test
    void badUsageAndAnUnreadablePlanExit2WithoutAStackTrace() {
        assertThat(CliRun.of("plan-check", PlanFixtures.example("bank-payments").toString()).exitCode()).isEqualTo(2);
        assertThat(run("bank-payments", "compliant", "--format", "yaml").exitCode()).isEqualTo(2);
        CliRun malformed = run("bank-payments", "malformed");
        assertThat(malformed.exitCode()).isEqualTo(2);
        assertThat(malformed.err()).containsPattern("malformed\\.json:4:\\d+: error: not valid JSON")
                .doesNotContain("\tat ", "Exception");
        CliRun missing = CliRun.of("plan-check", PlanFixtures.example("bank-payments").toString(), "--plan",
                temp.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json:1:1: error: cannot read the plan: no such file");
    }

    @Test
    void everyFormatIsWellFormed() throws Exception {
        Path sarif = temp.resolve("r/plan.sarif");
        assertThat(run("bank-payments", "widened-iam-action", "--format", "sarif", "--report", sarif.toString()).exitCode()).isEqualTo(1);
        JsonNode root = new ObjectMapper().readTree(sarif.toFile());
        assertThat(root.path("version").asText()).isEqualTo("2.1.0");
        assertThat(root.at("/runs/0/tool/driver/rules").size()).isEqualTo(6);
        assertThat(root.at("/runs/0/results/0/ruleId").asText()).isEqualTo("ZT502");
        assertThat(root.at("/runs/0/results/0/properties/artifact").asText()).endsWith("#module.iam.aws_iam_policy.this[\"payments-api-1\"]");
        Path junit = temp.resolve("r/plan.xml");
        run("bank-payments", "widened-iam-action", "--format", "junit", "--report", junit.toString());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("ztc plan-check");
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("1");
        JsonNode json = new ObjectMapper().readTree(run("bank-payments", "widened-iam-action", "--format", "json").out());
        assertThat(json.at("/findings/0/check").asText()).isEqualTo("ZT502");
        assertThat(json.at("/findings/0/rules/0").asText()).isEqualTo("PAY-SECRET-1");
        assertThat(run("bank-payments", "widened-iam-action", "--format", "markdown").out()).startsWith("## ztc plan-check: failed");
    }
}
