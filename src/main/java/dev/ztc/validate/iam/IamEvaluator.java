package dev.ztc.validate.iam;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS's evaluation logic for identity policies within one account, without boundaries, SCPs or session
 * policies (ztc emits none): an explicit Deny wins, otherwise any Allow allows, otherwise the request is
 * implicitly denied. Every statement is evaluated, not just the first that decides, so the decision can
 * name all the Sids behind it.
 */
public final class IamEvaluator {

    private IamEvaluator() {
    }

    public static IamDecision evaluate(List<IamPolicyDocument> policies, IamRequestContext request) {
        List<String> allowing = new ArrayList<>();
        List<String> denying = new ArrayList<>();
        List<IamDecision.UnmetCondition> unmet = new ArrayList<>();
        int index = 0;
        for (IamPolicyDocument policy : policies) {
            for (IamStatement statement : policy.statements()) {
                String label = statement.label(index++);
                if (!statement.appliesToAction(request.action()) || !statement.appliesToResource(request.resource())) {
                    continue;
                }
                List<IamDecision.UnmetCondition> failed = new ArrayList<>();
                for (IamCondition condition : statement.conditions()) {
                    Optional<String> failure = condition.failure(request);
                    failure.ifPresent(reason -> failed.add(new IamDecision.UnmetCondition(label,
                            condition.operator().name(), condition.key(), reason)));
                }
                if (!failed.isEmpty()) {
                    // A Deny whose condition fails does not apply either; only Allows explain an implicit deny.
                    if (statement.effect() == IamStatement.Effect.ALLOW) {
                        unmet.addAll(failed);
                    }
                } else if (statement.effect() == IamStatement.Effect.DENY) {
                    denying.add(label);
                } else {
                    allowing.add(label);
                }
            }
        }
        if (!denying.isEmpty()) {
            return new IamDecision(IamDecision.Outcome.EXPLICIT_DENY, List.of(), denying, List.of());
        }
        if (!allowing.isEmpty()) {
            return new IamDecision(IamDecision.Outcome.ALLOW, allowing, List.of(), List.of());
        }
        return new IamDecision(IamDecision.Outcome.IMPLICIT_DENY, List.of(), List.of(), unmet);
    }
}
