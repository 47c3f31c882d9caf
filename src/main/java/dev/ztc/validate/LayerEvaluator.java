package dev.ztc.validate;

import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Request;

import java.util.List;

/**
 * One enforcement point, judged by what ztc emitted for it (the files under {@code build/ztc/}), not by the IR, so
 * that a bug in an emitter or a hand edit of a generated file shows. Built from the resolved project (to translate
 * a request into the layer's terms: a service into its security group, a group into its AWS role) and the emitted
 * files; an artifact it cannot read is an {@link UnreadableArtifactException} at construction.
 */
public interface LayerEvaluator {

    EnforcementLayer layer();

    /**
     * One decision per request, in order. Batched, so that an external engine (opa) runs once for all; an engine
     * that cannot decide throws, naming the artifact, and never answers "allow".
     */
    List<LayerDecision> decide(List<Request> requests) throws UnreadableArtifactException;

    /** What judges the artifact, as the report names it: ztc's own evaluator unless an external engine does. */
    default String engine() {
        return "ztc";
    }
}
