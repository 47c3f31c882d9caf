package dev.ztc.validate.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.diag.DisplayPaths;
import dev.ztc.intent.Reason;
import dev.ztc.validate.Agreement;
import dev.ztc.validate.LayerJudgement;
import dev.ztc.validate.RequestResult;
import dev.ztc.validate.ValidationCase;
import dev.ztc.validate.ValidationReport;

import java.util.Locale;
import java.util.TreeSet;

/** Every request, the intent's decision and every layer's, with reasons; a summary first. Keys in a fixed order. */
final class JsonValidateReport {

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonValidateReport() {
    }

    static String render(ValidationReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("project", DisplayPaths.relative(report.project()));
        ObjectNode summary = root.putObject("summary");
        summary.put("requests", report.results().size());
        summary.put("samples", report.count(ValidationCase.Origin.SAMPLE));
        summary.put("boundary", report.count(ValidationCase.Origin.BOUNDARY));
        summary.put("failing", report.failing());
        for (Agreement a : Agreement.values()) {
            summary.put(a.name().toLowerCase(Locale.ROOT), report.count(a));
        }
        summary.put("expectations_unmet", report.expectationMismatches());
        summary.put("unenforced_denies", report.unenforcedDenies());
        ArrayNode layers = root.putArray("layers");
        report.layers().forEach(l -> layers.add(l.label()));
        ObjectNode engines = root.putObject("engines");
        report.layers().forEach(l -> engines.put(l.label(), report.engines().getOrDefault(l, "ztc")));
        ArrayNode requests = root.putArray("requests");
        for (RequestResult r : report.results()) {
            ObjectNode node = requests.addObject();
            node.put("name", r.request().request().name());
            node.put("origin", r.request().origin().label());
            r.request().ruleId().ifPresent(id -> node.put("rule", id));
            node.put("location", DisplayPaths.relative(r.request().request().location().file()) + ":"
                    + r.request().request().location().line() + ":" + r.request().request().location().column());
            r.request().request().expect().ifPresent(e -> node.put("expect", e.name().toLowerCase(Locale.ROOT)));
            node.put("failing", r.failing());
            r.expectation().ifPresent(e -> node.put("expectation", e));
            node.put("unenforced_deny", r.unenforcedDeny());
            ObjectNode intent = node.putObject("intent");
            intent.put("decision", r.intent().allowed() ? "allow" : "deny");
            ArrayNode granted = intent.putArray("granted_by");
            r.intent().grantedBy().forEach(granted::add);
            ArrayNode reasons = intent.putArray("reasons");
            for (Reason reason : r.intent().reasons()) {
                ObjectNode rn = reasons.addObject();
                if (reason.ruleId() != null) {
                    rn.put("rule", reason.ruleId());
                }
                rn.put("condition", reason.condition()).put("message", reason.message());
            }
            ObjectNode byLayer = node.putObject("layers");
            for (LayerJudgement j : r.layers()) {
                ObjectNode ln = byLayer.putObject(j.decision().layer().label());
                ln.put("decision", j.decision().verdict().label());
                ln.put("agreement", j.agreement().name().toLowerCase(Locale.ROOT));
                ln.put("explanation", j.explanation());
                ArrayNode by = ln.putArray("granted_by");
                j.decision().grantedBy().forEach(by::add);
                ArrayNode artifacts = ln.putArray("artifacts");
                j.decision().artifacts().forEach(artifacts::add);
                ArrayNode why = ln.putArray("reasons");
                j.decision().reasons().forEach(why::add);
                ArrayNode blind = ln.putArray("blind_to");
                new TreeSet<>(j.decision().blindTo()).forEach(blind::add);
            }
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
        }
    }
}
