package dev.ztc.validate;

import dev.ztc.model.Request;

import java.util.Optional;

/**
 * One request to decide: a sample from {@code requests.yaml} (which may carry an {@code expect}), or a boundary
 * request generated from matrix rule {@code ruleId} (its location is the rule's).
 */
public record ValidationCase(Request request, Origin origin, Optional<String> ruleId) {

    public enum Origin {
        SAMPLE, BOUNDARY;

        public String label() {
            return this == SAMPLE ? "sample" : "boundary";
        }
    }

    public static ValidationCase sample(Request request) {
        return new ValidationCase(request, Origin.SAMPLE, Optional.empty());
    }
}
