package dev.ztc.verify.format;

import dev.ztc.diag.DisplayPaths;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.verify.CheckDeclaration;
import dev.ztc.verify.Finding;
import dev.ztc.verify.ReportedFinding;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SARIF 2.1.0, as GitHub code scanning reads it: one run, the checks as {@code tool.driver.rules} (tagged with
 * their pillar and tenet, and a {@code security-severity}), each finding a result located at the matrix or
 * inventory line responsible. Suppressed findings stay in, with an external suppression and its justification.
 */
final class SarifReport {

    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private SarifReport() {
    }

    static String render(VerifyReport report) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "ztc");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (CheckDeclaration check : report.checks()) {
            index.put(check.id(), index.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", check.id());
            rule.put("name", check.getClass().getSimpleName());
            rule.putObject("shortDescription").put("text", check.summary());
            // helpUri must be an absolute URI (the schema's "format": "uri") and ztc has no canonical docs site:
            // the page's repository path goes into help.text and properties.docs instead
            rule.putObject("help").put("text", check.summary() + ". See " + check.helpUri() + ".");
            rule.putObject("defaultConfiguration").put("level", check.severity().sarifLevel());
            ObjectNode properties = rule.putObject("properties");
            JsonReport.strings(properties.putArray("tags"), List.of("security", "zero-trust",
                    "cisa-ztmm/" + check.pillar().title(), "nist-800-207/tenet-" + check.tenet().number()));
            properties.put("security-severity", securitySeverity(check.severity()));
            properties.put("docs", check.helpUri());
        }
        ArrayNode results = run.putArray("results");
        for (ReportedFinding reported : report.findings()) {
            Finding f = reported.finding();
            ObjectNode result = results.addObject();
            result.put("ruleId", f.checkId());
            if (index.containsKey(f.checkId())) {
                result.put("ruleIndex", index.get(f.checkId()));
            }
            result.put("level", f.severity().sarifLevel());
            result.putObject("message").put("text", f.message());
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", DisplayPaths.relative(f.location().file()));
            physical.putObject("region").put("startLine", Math.max(1, f.location().line()))
                    .put("startColumn", Math.max(1, f.location().column()));
            // stable across runs and line moves: code scanning matches alerts on it
            result.putObject("partialFingerprints").put("ztcFinding/v1",
                    f.checkId() + ":" + String.join(",", f.ruleIds()) + ":" + f.artifact());
            ObjectNode properties = result.putObject("properties");
            JsonReport.strings(properties.putArray("rules"), f.ruleIds());
            if (!f.artifact().isEmpty()) {
                properties.put("artifact", f.artifact());
            }
            reported.suppression().ifPresent(s -> result.putArray("suppressions").addObject()
                    .put("kind", "external").put("justification", s.reason()));
        }
        return JsonReport.write(root);
    }

    private static String securitySeverity(Severity severity) {
        return switch (severity) {
            case ERROR -> "8.0";
            case WARNING -> "5.0";
            case INFO -> "2.0";
        };
    }
}
