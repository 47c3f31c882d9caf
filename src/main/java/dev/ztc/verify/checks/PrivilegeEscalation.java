package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT203: an emitted IAM statement grants an action that allows privilege escalation ({@code iam:PassRole},
 * {@code iam:CreatePolicyVersion}, {@code sts:AssumeRole}...). The built-in catalog grants none; a project
 * catalog can, and then the role's reach is no longer what the matrix says.
 */
public final class PrivilegeEscalation extends DeclaredCheck {

    public PrivilegeEscalation() {
        super("ZT203", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.IDENTITY,
                "an IAM statement grants an action that allows privilege escalation");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (EmittedPolicy st : context.policies()) {
            List<String> risky = st.actions().stream().filter(RiskyActions.PRIVILEGE_ESCALATION::contains).sorted().toList();
            if (!risky.isEmpty()) {
                out.add(finding(context.locationOf(st.ruleIds()), st.ruleIds(), "role '" + st.role() + "' may escalate its"
                        + " privileges through " + String.join(", ", risky) + " (statement " + st.sid() + ")", st.artifact()));
            }
        }
        return out;
    }
}
