package dev.ztc.validate.opa;

import dev.ztc.artifact.EmittedBundleData;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code failures(route)} of {@code templates/opa/policy.rego}: the conditions of one route that a request fails,
 * in the policy's order (mfa, device, source, hours, session, risk) and with its wording, so that the two engines
 * can be compared reason for reason.
 */
final class RouteConditions {

    /** Go's net.ParseIP reads dotted quads only; IPAddressString would also take "10.1" and friends. */
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final Map<String, Integer> riskLevels;

    RouteConditions(Map<String, Integer> riskLevels) {
        this.riskLevels = riskLevels;
    }

    List<String> failures(EmittedBundleData.Route route, PlainRequest req) {
        List<String> out = new ArrayList<>();
        if (route.mfa() && !req.mfa()) {
            out.add("mfa required");
        }
        if (!route.devicePostures().isEmpty() && (req.posture() == null || !route.devicePostures().contains(req.posture()))) {
            out.add("device posture " + req.posture() + " is not one of " + list(route.devicePostures()));
        }
        if (route.sourcePinned() && !sourceIn(route.sourceCidrs(), req.sourceIp())) {
            out.add("source " + req.sourceIp() + " is not in " + list(route.sourceCidrs()));
        }
        route.hours().ifPresent(h -> {
            if (req.time() == null) {
                out.add("no request time");
            } else if (!within(h, req.time())) {
                out.add("outside hours " + text(h));
            }
        });
        if (route.maxSessionSeconds() > 0) {
            if (req.sessionAge() == null) {
                out.add("no session age");
            } else if (req.sessionAge().compareTo(BigDecimal.valueOf(route.maxSessionSeconds())) > 0) {
                out.add("session age " + req.sessionAge().toPlainString() + "s exceeds " + route.maxSessionSeconds() + "s");
            }
        }
        if (!route.maxRisk().isEmpty()) {
            Integer level = req.risk() == null ? null : riskLevels.get(req.risk());
            if (level == null) {
                out.add("no sign-in risk");
            } else if (level > riskLevels.get(route.maxRisk())) {
                out.add("sign-in risk " + req.risk() + " above " + route.maxRisk());
            }
        }
        return out;
    }

    /** {@code source_in}: one address (not a block) inside one of {@code cidrs}; anything unparseable is outside. */
    static boolean sourceIn(List<String> cidrs, String sourceIp) {
        if (sourceIp == null || sourceIp.contains("/") || !(IPV4.matcher(sourceIp).matches() || sourceIp.contains(":"))) {
            return false;
        }
        IPAddress address = new IPAddressString(sourceIp).getAddress();
        if (address == null) {
            return false;
        }
        for (String cidr : cidrs) {
            IPAddress block = new IPAddressString(cidr).getAddress();
            if (block != null && cidr.contains("/") && block.getIPVersion() == address.getIPVersion()
                    && block.toPrefixBlock().contains(address)) {
                return true;
            }
        }
        return false;
    }

    /** [start, end) in the named zone; an end before the start spans midnight and belongs to the start day. */
    static boolean within(EmittedBundleData.Window h, java.time.Instant at) {
        ZonedDateTime local;
        try {
            local = at.atZone(ZoneId.of(h.zone()));
        } catch (DateTimeException e) {
            return false; // time.clock fails on an unknown zone: the condition is not met
        }
        int second = local.toLocalTime().toSecondOfDay();
        int day = local.getDayOfWeek().getValue();
        int start = h.startMinute() * 60;
        int end = h.endMinute() * 60;
        if (h.startMinute() <= h.endMinute()) {
            return second >= start && second < end && h.days().contains(day);
        }
        int dayBefore = ((day + 5) % 7) + 1;
        return (second >= start && h.days().contains(day)) || (second < end && h.days().contains(dayBefore));
    }

    /** The {@code text} ztc's emitter writes beside the window (BundleData.text). */
    private static String text(EmittedBundleData.Window h) {
        return "days " + h.days() + " " + hhmm(h.startMinute()) + "-" + hhmm(h.endMinute()) + " " + h.zone();
    }

    private static String hhmm(int minutes) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }

    /** An array as the policy's sprintf("%v") prints it: ["a", "b"]. */
    private static String list(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
    }
}
