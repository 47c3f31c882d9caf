package dev.ztc.validate.opa;

import java.util.List;

/** {@code data.ztc.authz.decision} of the bundle's policy on one input: allow, the granting rule ids, the deny reasons. */
public record PolicyDecision(boolean allow, List<String> grantedBy, List<String> reasons) {

    public PolicyDecision {
        grantedBy = List.copyOf(grantedBy);
        reasons = List.copyOf(reasons);
    }
}
