package dev.ztc.verify.checks;

import dev.ztc.emit.ca.ConditionalAccessPlan;
import dev.ztc.ir.WorkforceIdentityLayer;
import dev.ztc.model.Inventory;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT208: an app the matrix grants is not covered by a policy blocking legacy authentication for all users.
 * Legacy protocols cannot perform MFA, so leaving them open bypasses every grant control.
 */
public final class LegacyAuthenticationOpen extends DeclaredCheck {

    public LegacyAuthenticationOpen() {
        super("ZT208", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.IDENTITY,
                "legacy authentication is not blocked for an app the matrix grants");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        var inventory = context.project().project().inventory();
        for (WorkforceIdentityLayer.App app : context.ir().workforceIdentity().apps()) {
            boolean blocked = context.plan().policies().stream().anyMatch(p -> blocksLegacy(p, app.appId()));
            if (!blocked) {
                var asset = context.project().assets().get(app.assetId());
                out.add(finding(asset != null ? asset.at() : inventory.azure().map(Inventory.AzureTenant::at).orElse(inventory.at()),
                        app.grants().stream().flatMap(g -> g.ruleIds().stream()).toList(),
                        "no Conditional Access policy blocks legacy authentication (exchangeActiveSync, other) to asset:"
                                + app.assetId(), "terraform/modules/conditional-access/main.tf"));
            }
        }
        return out;
    }

    private static boolean blocksLegacy(ConditionalAccessPlan.Policy p, String appId) {
        return p.allUsers() && p.controls().contains("block") && p.applications().contains(appId)
                && p.clientAppTypes().containsAll(List.of("exchangeActiveSync", "other"));
    }
}
