package dev.ztc.validate.iam;

/**
 * A policy document, condition or request the evaluator cannot judge faithfully. Thrown rather than
 * skipping the part it does not understand: a silently ignored Deny or Condition would turn into an allow.
 */
public final class IamPolicyFormatException extends IllegalArgumentException {

    public IamPolicyFormatException(String message) {
        super(message);
    }

    public IamPolicyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
