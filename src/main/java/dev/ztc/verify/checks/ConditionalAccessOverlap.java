package dev.ztc.verify.checks;

import dev.ztc.ir.WorkforceIdentityLayer;
import dev.ztc.model.User;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * ZT305: an inventory user falls under two grants of one app with different controls. Conditional Access
 * requires every policy that applies while the matrix needs only one rule, so that user must meet both: safe,
 * but not what the matrix says.
 */
public final class ConditionalAccessOverlap extends DeclaredCheck {

    public ConditionalAccessOverlap() {
        super("ZT305", Severity.INFO, Tenet.DYNAMIC_POLICY, Pillar.IDENTITY,
                "people in overlapping groups must meet the Conditional Access controls of every grant");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (WorkforceIdentityLayer.App app : context.ir().workforceIdentity().apps()) {
            List<WorkforceIdentityLayer.Grant> grants = app.grants();
            for (int i = 0; i < grants.size(); i++) {
                for (int j = i + 1; j < grants.size(); j++) {
                    WorkforceIdentityLayer.Grant a = grants.get(i);
                    WorkforceIdentityLayer.Grant b = grants.get(j);
                    TreeSet<String> people = new TreeSet<>();
                    for (User user : context.project().users().values()) {
                        if (covers(a, user) && covers(b, user)) {
                            people.add("user:" + user.id());
                        }
                    }
                    if (!people.isEmpty()) {
                        List<String> ids = new ArrayList<>(a.ruleIds());
                        ids.addAll(b.ruleIds());
                        out.add(finding(context.locationOf(ids), ids, String.join(", ", people) + " must meet both '"
                                + a.key() + "' and '" + b.key() + "' on asset:" + app.assetId(),
                                "terraform/modules/conditional-access/main.tf"));
                    }
                }
            }
        }
        return out;
    }

    private static boolean covers(WorkforceIdentityLayer.Grant grant, User user) {
        return grant.users().contains(user.id()) || user.groups().stream().anyMatch(grant.groups()::contains);
    }
}
