package dev.ztc.validate.iam;

import java.util.List;
import java.util.Optional;

/**
 * A condition operator as written in a policy: an optional set qualifier ({@code ForAnyValue:},
 * {@code ForAllValues:}), a {@link Comparison}, and an optional {@code IfExists} suffix. It decides one
 * condition key against the request, following the IAM User Guide ("Condition operators"): a key absent
 * from the request fails a plain operator, satisfies a negated one, and satisfies any {@code ...IfExists}.
 */
public record ConditionOperator(String name, Qualifier qualifier, Comparison comparison, boolean ifExists) {

    public enum Qualifier { NONE, FOR_ANY_VALUE, FOR_ALL_VALUES }

    private static final String IF_EXISTS = "IfExists";

    /** Refuses an operator the evaluator does not know: guessing its meaning could turn a deny into an allow. */
    public static ConditionOperator parse(String name) {
        String rest = name;
        Qualifier qualifier = Qualifier.NONE;
        if (rest.startsWith("ForAnyValue:")) {
            qualifier = Qualifier.FOR_ANY_VALUE;
            rest = rest.substring("ForAnyValue:".length());
        } else if (rest.startsWith("ForAllValues:")) {
            qualifier = Qualifier.FOR_ALL_VALUES;
            rest = rest.substring("ForAllValues:".length());
        }
        boolean ifExists = rest.endsWith(IF_EXISTS);
        if (ifExists) {
            rest = rest.substring(0, rest.length() - IF_EXISTS.length());
        }
        Comparison comparison = Comparison.named(rest)
                .orElseThrow(() -> new IamPolicyFormatException("unsupported condition operator '" + name + "'"));
        if (comparison == Comparison.NULL && (ifExists || qualifier != Qualifier.NONE)) {
            throw new IamPolicyFormatException("condition operator '" + name + "' is not valid: Null takes no qualifier or IfExists");
        }
        return new ConditionOperator(name, qualifier, comparison, ifExists);
    }

    public void checkPolicyValues(String key, List<String> policyValues) {
        if (policyValues.isEmpty()) {
            throw new IamPolicyFormatException(name + " on '" + key + "' lists no values");
        }
        policyValues.forEach(comparison::checkPolicyValue);
    }

    /**
     * Empty when the condition on {@code key} holds for a request whose values for it are {@code requestValues}
     * (empty: the key is absent); otherwise why it does not.
     */
    public Optional<String> failure(String key, Optional<List<String>> requestValues, List<String> policyValues) {
        if (comparison == Comparison.NULL) {
            boolean wantAbsent = policyValues.stream().anyMatch(v -> v.equals("true"));
            boolean wantPresent = policyValues.stream().anyMatch(v -> v.equals("false"));
            boolean absent = requestValues.isEmpty();
            return (absent && wantAbsent) || (!absent && wantPresent) ? Optional.empty()
                    : Optional.of(absent ? "key is absent" : "key is present");
        }
        if (requestValues.isEmpty()) {
            // Which operators an absent key satisfies is AWS's rule, not a ztc choice (see the class comment).
            // ForAllValues over no values is vacuously true, ForAnyValue false, negated or not.
            boolean holds = ifExists || (qualifier == Qualifier.NONE ? comparison.negated
                    : qualifier == Qualifier.FOR_ALL_VALUES);
            return holds ? Optional.empty() : Optional.of("key is absent");
        }
        List<String> values = requestValues.get();
        boolean holds;
        switch (qualifier) {
            case FOR_ANY_VALUE:
                holds = values.stream().anyMatch(v -> holdsFor(v, policyValues));
                break;
            case FOR_ALL_VALUES:
                holds = values.stream().allMatch(v -> holdsFor(v, policyValues));
                break;
            default:
                if (values.size() != 1) {
                    throw new IamPolicyFormatException(name + " compares one value but request key '" + key + "' has "
                            + values.size() + "; use ForAnyValue: or ForAllValues:");
                }
                holds = holdsFor(values.get(0), policyValues);
        }
        return holds ? Optional.empty()
                : Optional.of("request value " + values + (comparison.negated ? " matches one of " : " matches none of ")
                        + policyValues);
    }

    /** Values of one key are ORed; for a negated operator that means "matches none of them". */
    private boolean holdsFor(String requestValue, List<String> policyValues) {
        boolean any = policyValues.stream().anyMatch(p -> comparison.matches(requestValue, p));
        return comparison.negated != any;
    }
}
