package dev.ztc.validate.opa;

import dev.ztc.validate.UnreadableArtifactException;

import java.util.List;
import java.util.Map;

/**
 * What decides the emitted OPA bundle's policy on plain JSON inputs ({@code docs/opa-bundle.md}): the real
 * {@code opa} ({@link OpaEvalEngine}) or ztc's Java evaluation of the same {@code data.json}
 * ({@link BundleDataPolicy}). A test keeps the two in agreement.
 */
public interface PolicyEngine {

    /** One decision per input, in order; an engine that cannot decide them all throws, it never answers "allow". */
    List<PolicyDecision> decide(List<Map<String, Object>> inputs) throws UnreadableArtifactException;

    /** Which engine, as the report names it. */
    String description();
}
