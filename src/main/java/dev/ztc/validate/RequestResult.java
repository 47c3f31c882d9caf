package dev.ztc.validate;

import dev.ztc.intent.Decision;

import java.util.List;
import java.util.Optional;

/**
 * A request, the intent's decision, and every layer's. {@code expectation} is set when a sample's {@code expect}
 * differs from the intent: the matrix does not say what its author thought.
 */
public record RequestResult(ValidationCase request, Decision intent, List<LayerJudgement> layers,
                            Optional<String> expectation) {

    public RequestResult {
        layers = List.copyOf(layers);
    }

    public List<LayerJudgement> contradictions() {
        return layers.stream().filter(j -> j.agreement() == Agreement.CONTRADICTS).toList();
    }

    public boolean failing() {
        return expectation.isPresent() || !contradictions().isEmpty();
    }

    /** The intent denies, some layer applies, and none denies: nothing generated enforces this deny. */
    public boolean unenforcedDeny() {
        return !intent.allowed() && layers.stream().anyMatch(j -> j.decision().verdict() != Verdict.NOT_APPLICABLE)
                && layers.stream().noneMatch(j -> j.decision().verdict() == Verdict.DENY);
    }
}
