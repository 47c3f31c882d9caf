package dev.ztc.core;

import dev.ztc.check.ResolvedProject;
import dev.ztc.emit.opa.OpaInput;
import dev.ztc.emit.opa.SampleRequest;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.Asset;
import dev.ztc.model.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The sample requests the OPA bundle's generated tests assert, each with the intent evaluator's decision.
 * Here in core because emit may not read intent: the evaluator is the reference, the emitter only prints.
 */
final class OpaSamples {

    private OpaSamples() {
    }

    /**
     * Requests on HTTP assets, as HTTP requests (a level becomes its first method on the base path, and is
     * decided as that HTTP request). Requests whose device is given by facts are left out: the policy sees
     * only a posture name.
     */
    static List<SampleRequest> of(ResolvedProject project) {
        IntentEvaluator evaluator = new IntentEvaluator(project.project());
        List<SampleRequest> samples = new ArrayList<>();
        for (Request request : project.project().requests()) {
            Asset asset = project.assets().get(request.resource());
            if (asset == null || !OpaInput.expressible(request)) {
                continue;
            }
            Optional<Request> http = OpaInput.asHttp(request, asset, project.project().catalog());
            if (http.isEmpty()) {
                continue;
            }
            Decision decision = evaluator.decide(http.get());
            samples.add(new SampleRequest(request.name(), OpaInput.plain(http.get()),
                    OpaInput.envoy(http.get(), project.assets().values()), decision.allowed(), decision.grantedBy()));
        }
        return samples;
    }
}
