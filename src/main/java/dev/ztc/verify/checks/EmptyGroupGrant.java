package dev.ztc.verify.checks;

import dev.ztc.model.Group;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Subject;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT303: a rule grants to a group that no inventory user belongs to, while the inventory does list users. Either
 * the inventory is stale or the grant is for nobody; a grant for nobody is standing access waiting for a member.
 */
public final class EmptyGroupGrant extends DeclaredCheck {

    public EmptyGroupGrant() {
        super("ZT303", Severity.WARNING, Tenet.PER_SESSION, Pillar.IDENTITY,
                "a rule grants to a group that no listed user belongs to");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        var users = context.project().project().inventory().users();
        List<Finding> out = new ArrayList<>();
        if (users.isEmpty()) {
            return out;
        }
        for (MatrixRule rule : context.project().rules()) {
            if (rule.who().kind() != Subject.Kind.GROUP || users.stream().anyMatch(u -> u.groups().contains(rule.who().id()))) {
                continue;
            }
            Group group = context.project().groups().get(rule.who().id());
            out.add(finding(rule.at(), List.of(rule.id()), "rule " + rule.id() + " grants " + rule.who() + ", which none of the "
                    + users.size() + " inventory users belongs to (group defined at " + group.at() + ")", ""));
        }
        return out;
    }
}
