package dev.ztc.validate;

import dev.ztc.model.EnforcementLayer;

import java.util.List;
import java.util.Map;

/**
 * Everything one validate run decided: per request, the intent and each layer, in request order. {@code engines}:
 * what judged each layer ({@link LayerEvaluator#engine()}: opa or ztc's Java evaluation for the application layer).
 */
public record ValidationReport(String project, List<EnforcementLayer> layers, Map<EnforcementLayer, String> engines,
                               List<RequestResult> results) {

    public ValidationReport {
        layers = List.copyOf(layers);
        engines = Map.copyOf(engines);
        results = List.copyOf(results);
    }

    public long failing() {
        return results.stream().filter(RequestResult::failing).count();
    }

    public long count(Agreement agreement) {
        return results.stream().flatMap(r -> r.layers().stream()).filter(j -> j.agreement() == agreement).count();
    }

    public long count(ValidationCase.Origin origin) {
        return results.stream().filter(r -> r.request().origin() == origin).count();
    }

    public long expectationMismatches() {
        return results.stream().filter(r -> r.expectation().isPresent()).count();
    }

    public long unenforcedDenies() {
        return results.stream().filter(RequestResult::unenforcedDeny).count();
    }
}
