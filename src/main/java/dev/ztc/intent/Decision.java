package dev.ztc.intent;

import java.util.List;

/**
 * What the matrix says about one request. An allow names every rule that grants it (sorted), so that a
 * generated artifact can be checked against all of them; a deny says why, rule by rule.
 */
public record Decision(boolean allowed, List<String> grantedBy, List<Reason> reasons) {

    public Decision {
        grantedBy = List.copyOf(grantedBy);
        reasons = List.copyOf(reasons);
        if (allowed == grantedBy.isEmpty()) {
            throw new IllegalArgumentException("an allow needs granting rules, a deny has none");
        }
    }

    static Decision allow(List<String> ruleIds) {
        return new Decision(true, ruleIds.stream().sorted().distinct().toList(), List.of());
    }

    static Decision deny(List<Reason> reasons) {
        return new Decision(false, List.of(), reasons);
    }

    /** The reasons as people read them, in order. */
    public List<String> reasonTexts() {
        return reasons.stream().map(Reason::formatted).toList();
    }
}
