package dev.ztc.emit;

import dev.ztc.ir.Ir;
import dev.ztc.model.EnforcementLayer;

import java.util.List;

/** A condition one module cannot enforce, for its README's "Not enforced here". */
public record ModuleGap(String ruleId, String condition, String reason) {

    static List<ModuleGap> of(Ir ir, EnforcementLayer layer) {
        return ir.gaps().stream().filter(g -> g.layer().equals(layer.label()))
                .map(g -> new ModuleGap(g.ruleId(), g.condition(), g.reason())).toList();
    }
}
