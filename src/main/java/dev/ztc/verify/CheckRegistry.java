package dev.ztc.verify;

import dev.ztc.verify.checks.AdminWithoutLimits;
import dev.ztc.verify.checks.BreakGlassMissing;
import dev.ztc.verify.checks.ConditionalAccessOverlap;
import dev.ztc.verify.checks.ConditionalAccessSoundness;
import dev.ztc.verify.checks.DuplicateRule;
import dev.ztc.verify.checks.EmptyGroupGrant;
import dev.ztc.verify.checks.ExpiredSuppression;
import dev.ztc.verify.checks.IamStatementSoundness;
import dev.ztc.verify.checks.LegacyAuthenticationOpen;
import dev.ztc.verify.checks.NetworkFlowSoundness;
import dev.ztc.verify.checks.OpaBundleCheck;
import dev.ztc.verify.checks.OpaDataSoundness;
import dev.ztc.verify.checks.PrivilegeEscalation;
import dev.ztc.verify.checks.QuotaHeadroom;
import dev.ztc.verify.checks.RuleRealized;
import dev.ztc.verify.checks.SensitiveActionWithoutMfa;
import dev.ztc.verify.checks.SensitiveAssetWithoutMfaOrDevice;
import dev.ztc.verify.checks.ShadowedRule;
import dev.ztc.verify.checks.TerraformFormat;
import dev.ztc.verify.checks.UnenforcedCondition;
import dev.ztc.verify.checks.UnreachableAsset;
import dev.ztc.verify.checks.WildcardPermission;
import dev.ztc.verify.checks.WorldOpenSource;

import java.util.Comparator;
import java.util.List;

/** Every verify check, in id order. Adding a check: its class, its docs page, its fixture test, and a line here. */
public final class CheckRegistry {

    private static final List<Check> ALL = List.<Check>of(
            new NetworkFlowSoundness(), new IamStatementSoundness(), new ConditionalAccessSoundness(), new RuleRealized(),
            new UnenforcedCondition(), new OpaDataSoundness(),
            new WorldOpenSource(), new WildcardPermission(), new PrivilegeEscalation(), new SensitiveActionWithoutMfa(),
            new SensitiveAssetWithoutMfaOrDevice(), new AdminWithoutLimits(), new BreakGlassMissing(),
            new LegacyAuthenticationOpen(), new QuotaHeadroom(),
            new ShadowedRule(), new DuplicateRule(), new EmptyGroupGrant(), new UnreachableAsset(),
            new ConditionalAccessOverlap(), new ExpiredSuppression(),
            new TerraformFormat(), new OpaBundleCheck()).stream().sorted(Comparator.comparing(Check::id)).toList();

    private CheckRegistry() {
    }

    public static List<Check> all() {
        return ALL;
    }

    /** The checks that read only ztc's own input and output; the external-tool checks (ZT4xx) left out. */
    public static List<Check> builtIn() {
        return ALL.stream().filter(c -> !c.id().startsWith("ZT4")).toList();
    }
}
