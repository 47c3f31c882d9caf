package dev.ztc.verify.checks;

import dev.ztc.model.MatrixRule;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT301: a rule that another rule makes pointless: same subject and asset, the other grants the same level or
 * admin, under conditions no stricter. Since rules are OR-ed, the narrow rule's extra conditions protect nothing;
 * usually the broad rule was meant to be narrower. Exact duplicates are ZT302's.
 */
public final class ShadowedRule extends DeclaredCheck {

    public ShadowedRule() {
        super("ZT301", Severity.WARNING, Tenet.DYNAMIC_POLICY, Pillar.IDENTITY,
                "a rule is shadowed by a broader rule with conditions no stricter");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<MatrixRule> rules = context.project().rules();
        List<Finding> out = new ArrayList<>();
        for (MatrixRule narrow : rules) {
            for (MatrixRule broad : rules) {
                if (broad != narrow && Shadowing.covers(broad, narrow) && !Shadowing.key(broad).equals(Shadowing.key(narrow))) {
                    out.add(finding(narrow.at(), List.of(narrow.id(), broad.id()), "rule " + narrow.id() + " is shadowed by "
                            + broad.id() + " (" + broad.at() + "), which grants " + broad.who() + " " + broad.can().text()
                            + " on asset:" + broad.what() + " under conditions no stricter", ""));
                    break;
                }
            }
        }
        return out;
    }
}
