package dev.ztc.validate.iam;

import java.util.List;
import java.util.Optional;

/** One operator–key pair of a statement's {@code Condition}: its values are ORed, the pairs of a statement ANDed. */
public record IamCondition(ConditionOperator operator, String key, List<String> values) {

    public IamCondition {
        values = List.copyOf(values);
        operator.checkPolicyValues(key, values);
    }

    /** Empty when the condition holds for {@code request}; otherwise why it does not. */
    public Optional<String> failure(IamRequestContext request) {
        return operator.failure(key, request.values(key), values);
    }
}
