package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.model.Asset;
import dev.ztc.model.Sensitivity;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZT204: a people role may copy confidential or restricted data out, or read credentials, without MFA: an
 * emitted statement with a data-exfiltration or credentials-exposure action on such an asset and no
 * {@code aws:MultiFactorAuthPresent} condition. Workload roles are not reported: reading its own data is what a
 * workload is for, and it cannot present MFA.
 */
public final class SensitiveActionWithoutMfa extends DeclaredCheck {

    public SensitiveActionWithoutMfa() {
        super("ZT204", Severity.WARNING, Tenet.PER_SESSION, Pillar.DATA,
                "people may exfiltrate sensitive data or read credentials through IAM without MFA");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Set<String> peopleRoles = new TreeSet<>();
        context.ir().cloudIdentity().roles().stream().filter(r -> r.principalKind().equals("people"))
                .map(CloudIdentityLayer.Role::name).forEach(peopleRoles::add);
        List<Finding> out = new ArrayList<>();
        for (EmittedPolicy st : context.policies()) {
            Asset asset = context.project().assets().get(st.assetId());
            if (!peopleRoles.contains(st.role()) || asset == null || asset.sensitivity().compareTo(Sensitivity.CONFIDENTIAL) < 0
                    || st.conditions().getOrDefault("Bool", Map.of()).containsKey(IamStatementSoundness.MFA_KEY)) {
                continue;
            }
            List<String> risky = st.actions().stream().filter(a -> !RiskyActions.sensitiveCategory(a).isEmpty())
                    .map(a -> a + " (" + RiskyActions.sensitiveCategory(a) + ")").toList();
            if (!risky.isEmpty()) {
                out.add(finding(context.locationOf(st.ruleIds()), st.ruleIds(), "people role '" + st.role() + "' may "
                        + String.join(", ", risky) + " on " + asset.sensitivity().label() + " asset:" + asset.id()
                        + " without MFA; add 'mfa: true' to the rule", st.artifact()));
            }
        }
        return out;
    }
}
