package dev.ztc.verify.checks;

import dev.ztc.model.Action;
import dev.ztc.model.MatrixRule;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT206: people get {@code admin} with neither a location ({@code from}) nor a session limit ({@code jit}):
 * standing administrative access from anywhere, the opposite of per-session access.
 */
public final class AdminWithoutLimits extends DeclaredCheck {

    public AdminWithoutLimits() {
        super("ZT206", Severity.WARNING, Tenet.PER_SESSION, Pillar.IDENTITY,
                "people get admin access with neither a location nor a session limit");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (MatrixRule rule : context.project().rules()) {
            boolean admin = rule.can() instanceof Action.OfLevel l && l.level() == Action.Level.ADMIN;
            if (admin && rule.who().kind().isPeople() && rule.when().from().isEmpty() && rule.when().jitMaxSession().isEmpty()) {
                out.add(finding(rule.at(), List.of(rule.id()), "rule " + rule.id() + " gives " + rule.who()
                        + " standing admin on asset:" + rule.what() + " from anywhere; add 'from' or 'jit'", ""));
            }
        }
        return out;
    }
}
