package dev.ztc.intent;

/**
 * Why a request was denied: one failed condition of one candidate rule ({@code ruleId} set), or a reason
 * that belongs to no rule ({@code ruleId} null), such as "no rule grants read on asset:x to user alice".
 * {@code condition} is a stable key (mfa, device, from, hours, jit, risk, who, action, asset, match) that
 * tools can group on; {@code message} is for people.
 */
public record Reason(String ruleId, String condition, String message) {

    public static Reason ofRule(String ruleId, String condition, String message) {
        return new Reason(ruleId, condition, message);
    }

    public static Reason general(String condition, String message) {
        return new Reason(null, condition, message);
    }

    /** {@code FIN-1: mfa required}, or just the message when no rule is concerned. */
    public String formatted() {
        return ruleId == null ? message : ruleId + ": " + message;
    }

    @Override
    public String toString() {
        return formatted();
    }
}
