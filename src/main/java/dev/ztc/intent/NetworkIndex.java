package dev.ztc.intent;

import dev.ztc.load.Values;
import dev.ztc.model.NamedNetwork;
import inet.ipaddr.IPAddress;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CIDR blocks of the named locations or segments, parsed once, for source-address containment. */
final class NetworkIndex {

    private final Map<String, List<IPAddress>> blocks = new HashMap<>();

    NetworkIndex(List<NamedNetwork> networks) {
        for (NamedNetwork network : networks) {
            blocks.put(network.id(), network.cidrs().stream().map(Values::block).toList());
        }
    }

    /** False for an unknown network: a reference ztc cannot resolve never lets anyone in. */
    boolean contains(String networkId, IPAddress source) {
        List<IPAddress> cidrs = blocks.get(networkId);
        if (cidrs == null) {
            return false;
        }
        for (IPAddress cidr : cidrs) {
            if (cidr != null && cidr.contains(source)) {
                return true;
            }
        }
        return false;
    }
}
