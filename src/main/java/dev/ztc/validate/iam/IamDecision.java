package dev.ztc.validate.iam;

import java.util.List;

/**
 * What IAM decides for one request, and why: the Sids that allowed or denied it, and for an implicit deny
 * the statements that would have applied but for a condition (what {@code ztc validate} prints as the reason).
 */
public record IamDecision(Outcome outcome, List<String> allowingSids, List<String> denyingSids,
                          List<UnmetCondition> unmetConditions) {

    public enum Outcome { ALLOW, EXPLICIT_DENY, IMPLICIT_DENY }

    /** A statement whose action and resource matched the request but whose condition on {@code key} did not hold. */
    public record UnmetCondition(String sid, String operator, String key, String reason) {
    }

    public IamDecision {
        allowingSids = List.copyOf(allowingSids);
        denyingSids = List.copyOf(denyingSids);
        unmetConditions = List.copyOf(unmetConditions);
    }

    public boolean allowed() {
        return outcome == Outcome.ALLOW;
    }
}
