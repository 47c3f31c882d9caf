package dev.ztc.verify.format;

import dev.ztc.diag.DisplayPaths;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.verify.CheckDeclaration;
import dev.ztc.verify.Compliance;
import dev.ztc.verify.Coverage;
import dev.ztc.verify.Finding;
import dev.ztc.verify.ReportedFinding;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;

import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The whole report as JSON: summary, checks, findings (suppressed included), coverage and compliance. */
final class JsonReport {

    static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonReport() {
    }

    static String render(VerifyReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("project", DisplayPaths.relative(report.projectDir()));
        ObjectNode summary = root.putObject("summary");
        summary.put("checks", report.checks().size());
        for (Severity s : Severity.values()) {
            summary.put(s.label(), report.count(s));
        }
        summary.put("suppressed", report.suppressedCount());
        ArrayNode checks = root.putArray("checks");
        for (CheckDeclaration c : report.checks()) {
            checks.addObject().put("id", c.id()).put("severity", c.severity().label()).put("summary", c.summary())
                    .put("tenet", c.tenet().number()).put("pillar", c.pillar().title()).put("help", c.helpUri());
        }
        ArrayNode findings = root.putArray("findings");
        for (ReportedFinding r : report.findings()) {
            Finding f = r.finding();
            ObjectNode node = findings.addObject();
            node.put("check", f.checkId()).put("severity", f.severity().label())
                    .put("file", DisplayPaths.relative(f.location().file())).put("line", f.location().line())
                    .put("column", f.location().column());
            strings(node.putArray("rules"), f.ruleIds());
            node.put("message", f.message()).put("artifact", f.artifact()).put("suppressed", r.suppressed());
            r.suppression().ifPresent(s -> node.put("justification", s.reason()));
        }
        coverage(root.putArray("coverage"), report.coverage());
        ObjectNode compliance = root.putObject("compliance");
        compliance(compliance.putArray("pillars"), report.compliance().pillars());
        compliance(compliance.putArray("tenets"), report.compliance().tenets());
        return write(root);
    }

    static void coverage(ArrayNode out, Coverage coverage) {
        for (Coverage.Row row : coverage.rows()) {
            ObjectNode node = out.addObject();
            node.put("rule", row.ruleId());
            strings(node.putArray("layers"), row.layers());
            ObjectNode conditions = node.putObject("conditions");
            for (Map.Entry<String, List<String>> c : row.conditions().entrySet()) {
                strings(conditions.putArray(c.getKey()), c.getValue());
            }
        }
    }

    private static void compliance(ArrayNode out, List<Compliance.Line> lines) {
        for (Compliance.Line line : lines) {
            ObjectNode node = out.addObject().put("name", line.name()).put("run", line.run()).put("passed", line.passed())
                    .put("failed", line.failed());
            strings(node.putArray("failedChecks"), line.failedChecks());
        }
    }

    static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
