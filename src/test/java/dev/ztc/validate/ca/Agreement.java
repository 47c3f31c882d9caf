package dev.ztc.validate.ca;

import dev.ztc.check.ResolvedProject;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.intent.Reason;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Request;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.Verdict;

import java.util.Optional;

/**
 * The rule the validator applies, here for the tests: where the matrix allows, the layer allows or cannot judge;
 * where it denies and the layer allows, one rule the layer names must be kept from granting only by conditions
 * the layer says it is blind to.
 */
final class Agreement {

    private final ResolvedProject project;
    private final IntentEvaluator intent;

    Agreement(ResolvedProject project) {
        this.project = project;
        this.intent = new IntentEvaluator(project.project());
    }

    Decision intended(Request request) {
        return intent.decide(request);
    }

    /** Empty when the layer's decision agrees with the matrix; otherwise how it contradicts it. */
    Optional<String> contradiction(Request request, LayerDecision layer) {
        Decision intended = intent.decide(request);
        if (intended.allowed()) {
            return layer.verdict() == Verdict.DENY
                    ? Optional.of("'" + request.name() + "': the matrix allows (" + intended.grantedBy() + "), the layer denies: "
                    + layer.reasons())
                    : Optional.empty();
        }
        if (layer.verdict() != Verdict.ALLOW) {
            return Optional.empty();
        }
        boolean excused = layer.grantedBy().stream().map(this::rule).flatMap(Optional::stream)
                .anyMatch(rule -> intent.explain(rule, request).stream().map(Reason::condition).allMatch(layer.blindTo()::contains));
        return excused ? Optional.empty()
                : Optional.of("'" + request.name() + "': the matrix denies (" + intended.reasonTexts() + "), the layer allows by "
                + layer.grantedBy() + " blind only to " + layer.blindTo());
    }

    private Optional<MatrixRule> rule(String id) {
        return project.rules().stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
