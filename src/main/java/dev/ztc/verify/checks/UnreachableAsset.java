package dev.ztc.verify.checks;

import dev.ztc.model.Asset;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZT304: an inventory asset that no matrix rule grants. Default deny makes it unreachable, which is safe, but an
 * asset nobody uses is usually one whose access is managed somewhere ztc does not see.
 */
public final class UnreachableAsset extends DeclaredCheck {

    public UnreachableAsset() {
        super("ZT304", Severity.WARNING, Tenet.RESOURCES, Pillar.DATA, "an asset that no rule grants");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        Set<String> granted = new TreeSet<>();
        context.project().rules().forEach(r -> granted.add(r.what()));
        List<Finding> out = new ArrayList<>();
        for (Asset asset : context.project().project().inventory().assets()) {
            if (!granted.contains(asset.id())) {
                out.add(finding(asset.at(), List.of(), "asset:" + asset.id() + " is granted by no rule: nobody can reach it"
                        + " through what ztc generates", ""));
            }
        }
        return out;
    }
}
