package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.load.Values;
import dev.ztc.model.Asset;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT201: a security group rule open to the whole Internet ({@code 0.0.0.0/0} or {@code ::/0}) on an asset that
 * the inventory does not mark {@code public: true}. A location that spans every address is no location.
 */
public final class WorldOpenSource extends DeclaredCheck {

    public WorldOpenSource() {
        super("ZT201", Severity.ERROR, Tenet.SECURE_COMMUNICATION, Pillar.NETWORKS,
                "a security group admits the whole Internet to an asset that is not public");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (EmittedSecurityGroupRule sg : context.securityGroupRules()) {
            if (sg.cidr().isEmpty() || !worldOpen(sg.cidr()) || !sg.owner().startsWith("asset:")) {
                continue;
            }
            Asset asset = context.project().assets().get(sg.owner().substring("asset:".length()));
            if (asset != null && asset.exposedPublicly()) {
                continue;
            }
            out.add(finding(context.locationOf(sg.ruleIds()), sg.ruleIds(), sg.owner() + " is open to " + sg.cidr()
                    + " on " + sg.fromPort() + "-" + sg.toPort() + "/" + sg.protocol() + " through "
                    + String.join(", ", sg.ruleIds()) + "; pin 'from' to real locations or mark the asset public: true",
                    sg.artifact()));
        }
        return out;
    }

    static boolean worldOpen(String cidr) {
        try {
            IPAddress block = Values.block(cidr);
            return block != null && block.getNetworkPrefixLength() != null && block.getNetworkPrefixLength() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
