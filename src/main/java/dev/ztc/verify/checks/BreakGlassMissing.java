package dev.ztc.verify.checks;

import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Inventory;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.List;

/**
 * ZT207: ztc generates Conditional Access policies but the inventory names no break-glass accounts
 * ({@code clouds.azure.break_glass}) for them to exclude: one mistaken policy could lock every administrator out.
 */
public final class BreakGlassMissing extends DeclaredCheck {

    public BreakGlassMissing() {
        super("ZT207", Severity.WARNING, Tenet.STRICT_ENFORCEMENT, Pillar.IDENTITY,
                "Conditional Access policies exclude no break-glass account");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        if (context.plan().policies().isEmpty() || !context.plan().breakGlass().isEmpty()) {
            return List.of();
        }
        var inventory = context.project().project().inventory();
        SourceLocation at = inventory.azure().map(Inventory.AzureTenant::at).orElse(inventory.at());
        return List.of(finding(at, List.of(), context.plan().policies().size() + " Conditional Access policies and no"
                + " break_glass accounts under clouds.azure to exclude from them", "terraform/modules/conditional-access/main.tf"));
    }
}
