package dev.ztc.intent;

import dev.ztc.model.Conditions;
import dev.ztc.model.Hours;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import inet.ipaddr.IPAddress;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a rule's {@code when} against a request. Every failed condition is reported, in a fixed
 * order (mfa, device, from, hours, jit, risk), so that a deny explains all that stands in the way.
 * A fact the request does not state fails the condition that needs it.
 */
final class ConditionCheck {

    private final DevicePostureCheck devices;
    private final NetworkIndex locations;

    ConditionCheck(DevicePostureCheck devices, NetworkIndex locations) {
        this.devices = devices;
        this.locations = locations;
    }

    List<Reason> failures(MatrixRule rule, Request request, Optional<IPAddress> source) {
        Conditions when = rule.when();
        Request.Caller caller = request.subject();
        List<Reason> failed = new ArrayList<>();
        if (when.requiresMfa() && !caller.mfa()) {
            failed.add(Reason.ofRule(rule.id(), "mfa", "mfa required"));
        }
        when.device().ifPresent(device -> devices.shortfall(device, request.device()).ifPresent(why ->
                failed.add(Reason.ofRule(rule.id(), "device", "device '" + device + "' not satisfied (" + why + ")"))));
        if (!when.from().isEmpty()) {
            from(when.from(), source).ifPresent(why -> failed.add(Reason.ofRule(rule.id(), "from", why)));
        }
        when.hours().ifPresent(hours -> hours(hours, request).ifPresent(why ->
                failed.add(Reason.ofRule(rule.id(), "hours", why))));
        when.jitMaxSession().ifPresent(max -> jit(max, caller.sessionAge()).ifPresent(why ->
                failed.add(Reason.ofRule(rule.id(), "jit", why))));
        when.maxRisk().ifPresent(max -> risk(max, caller.risk()).ifPresent(why ->
                failed.add(Reason.ofRule(rule.id(), "risk", why))));
        return failed;
    }

    private Optional<String> from(List<String> allowed, Optional<IPAddress> source) {
        String where = (allowed.size() == 1 ? "location " : "locations ") + String.join(", ", allowed);
        if (source.isEmpty()) {
            return Optional.of("no source_ip, required in " + where);
        }
        if (allowed.stream().anyMatch(location -> locations.contains(location, source.get()))) {
            return Optional.empty();
        }
        return Optional.of("source " + source.get().toCanonicalString() + " not in " + where);
    }

    /** The window is read in the zone it names, whatever offset the request time carries. */
    private static Optional<String> hours(Hours hours, Request request) {
        if (request.at().isEmpty()) {
            return Optional.of("no request time, required within hours " + hours.text());
        }
        return hours.contains(request.at().get()) ? Optional.empty() : Optional.of("outside hours " + hours.text());
    }

    private static Optional<String> jit(Duration max, Optional<Duration> sessionAge) {
        if (sessionAge.isEmpty()) {
            return Optional.of("no session age, jit max_session " + text(max) + " required");
        }
        return sessionAge.get().compareTo(max) <= 0 ? Optional.empty()
                : Optional.of("session age " + text(sessionAge.get()) + " exceeds jit max_session " + text(max));
    }

    private static Optional<String> risk(Risk max, Optional<Risk> risk) {
        if (risk.isEmpty()) {
            return Optional.of("no sign-in risk, at most " + max.label() + " required");
        }
        return risk.get().compareTo(max) <= 0 ? Optional.empty()
                : Optional.of("sign-in risk " + risk.get().label() + " above " + max.label());
    }

    /** {@code 1h30m}, as durations are written in the matrix. */
    static String text(Duration d) {
        long hours = d.toHours();
        long minutes = d.toMinutesPart();
        long seconds = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (minutes > 0) {
            out.append(minutes).append('m');
        }
        if (seconds > 0 || out.length() == 0) {
            out.append(seconds).append('s');
        }
        return out.toString();
    }
}
