package dev.ztc.verify.checks;

import dev.ztc.model.Suppression;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT306: a suppression in {@code ztc.yaml} whose expiry date has passed. It no longer suppresses anything; the
 * accepted risk is back in the report, and this says why.
 */
public final class ExpiredSuppression extends DeclaredCheck {

    public ExpiredSuppression() {
        super("ZT306", Severity.WARNING, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
                "a suppression has expired and no longer suppresses");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (Suppression s : context.project().project().settings().suppressions()) {
            if (s.expiredOn(context.today())) {
                out.add(finding(s.at(), List.of(s.rule()), "suppression of " + s.check() + " for rule " + s.rule()
                        + " expired on " + s.expires().orElseThrow() + " (" + s.reason() + "); review it, renew it or remove it", ""));
            }
        }
        return out;
    }
}
