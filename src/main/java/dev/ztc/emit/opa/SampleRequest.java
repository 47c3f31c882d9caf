package dev.ztc.emit.opa;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sample request as the policy receives it — the plain JSON shape, and the Envoy shape when headers can
 * carry it exactly — with the decision the intent evaluator gives; the generated Rego tests assert that.
 */
public record SampleRequest(String name, Map<String, Object> plainInput, Optional<Map<String, Object>> envoyInput,
                            boolean allow, List<String> grantedBy) {
    public SampleRequest {
        grantedBy = List.copyOf(grantedBy);
    }
}
