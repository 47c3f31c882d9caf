package dev.ztc.validate.network;

import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.model.PortRange;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Which security group rules open which ports. A rule is on {@code tcp}, {@code udp} (or their protocol numbers)
 * or on every protocol ({@code -1}, which AWS opens on all ports whatever from/to say).
 */
final class PortCoverage {

    private PortCoverage() {
    }

    /** True when the rule opens at least one port of the range. */
    static boolean touches(EmittedSecurityGroupRule rule, PortRange range) {
        if (allTraffic(rule)) {
            return true;
        }
        return protocol(rule.protocol()).equals(range.protocol()) && rule.fromPort() <= range.to() && rule.toPort() >= range.from();
    }

    /** True when the rules together open every port of the range: a flow to the asset needs all its ports. */
    static boolean covers(List<EmittedSecurityGroupRule> rules, PortRange range) {
        List<EmittedSecurityGroupRule> relevant = rules.stream().filter(r -> touches(r, range))
                .sorted(Comparator.comparingInt(PortCoverage::from)).toList();
        long next = range.from();
        for (EmittedSecurityGroupRule rule : relevant) {
            if (from(rule) > next) {
                break;
            }
            next = Math.max(next, (long) to(rule) + 1);
        }
        return next > range.to();
    }

    private static boolean allTraffic(EmittedSecurityGroupRule rule) {
        return rule.protocol().equals("-1") || rule.protocol().equalsIgnoreCase("all");
    }

    private static int from(EmittedSecurityGroupRule rule) {
        return allTraffic(rule) ? 0 : rule.fromPort();
    }

    private static int to(EmittedSecurityGroupRule rule) {
        return allTraffic(rule) ? 65535 : rule.toPort();
    }

    private static String protocol(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "6" -> "tcp";
            case "17" -> "udp";
            default -> text.toLowerCase(Locale.ROOT);
        };
    }
}
