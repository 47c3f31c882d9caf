package dev.ztc.verify.checks;

import dev.ztc.model.Asset;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Sensitivity;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT205: a rule lets people reach a {@code confidential} or {@code restricted} asset without MFA or without a
 * device posture. Sensitive data deserves both a strong sign-in and a known, healthy device.
 */
public final class SensitiveAssetWithoutMfaOrDevice extends DeclaredCheck {

    public SensitiveAssetWithoutMfaOrDevice() {
        super("ZT205", Severity.ERROR, Tenet.POSTURE, Pillar.DEVICES,
                "people reach a confidential or restricted asset without MFA or without a device posture");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (MatrixRule rule : context.project().rules()) {
            Asset asset = context.project().asset(rule);
            if (!rule.who().kind().isPeople() || asset.sensitivity().compareTo(Sensitivity.CONFIDENTIAL) < 0) {
                continue;
            }
            List<String> missing = new ArrayList<>();
            if (!rule.when().requiresMfa()) {
                missing.add("mfa: true");
            }
            if (rule.when().device().isEmpty()) {
                missing.add("a device posture");
            }
            if (!missing.isEmpty()) {
                out.add(finding(rule.at(), List.of(rule.id()), "rule " + rule.id() + " lets " + rule.who() + " reach "
                        + asset.sensitivity().label() + " asset:" + asset.id() + " without " + String.join(" and ", missing), ""));
            }
        }
        return out;
    }
}
