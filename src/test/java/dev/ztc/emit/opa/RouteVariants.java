package dev.ztc.emit.opa;

import dev.ztc.diag.SourceLocation;
import dev.ztc.ir.ApplicationLayer;
import dev.ztc.model.Action;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For one route: the request it grants, and one variant per condition that breaks it (and some that sit
 * on a boundary). What each is decided as is the intent evaluator's business, not assumed here.
 */
final class RouteVariants {

    private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final List<String> FAR_ADDRESSES = List.of("198.18.0.1", "100.64.0.1", "10.255.255.254", "2001:db8:ffff::1");
    private static final ZonedDateTime OFFICE_HOURS = ZonedDateTime.parse("2026-12-03T10:00:00+01:00");

    private RouteVariants() {
    }

    static List<Request> of(ApplicationLayer.Route route) {
        String[] subject = route.subject().split(":", 2);
        Request.Caller caller = new Request.Caller(
                subject[0].equals("user") ? Optional.of(subject[1]) : Optional.empty(),
                subject[0].equals("group") ? List.of(subject[1]) : List.of(),
                subject[0].equals("service") ? Optional.of(subject[1]) : Optional.empty(),
                route.mfa(),
                route.maxRisk().isEmpty() ? Optional.empty() : Risk.parse(route.maxRisk()),
                route.maxSessionSeconds() > 0 ? Optional.of(Duration.ofSeconds(route.maxSessionSeconds())) : Optional.empty());
        Optional<Request.DeviceClaim> device = route.devicePostures().isEmpty() ? Optional.empty()
                : Optional.of(new Request.DeviceClaim.Posture(route.devicePostures().get(0)));
        Optional<String> source = Optional.of(route.sourceCidrs().isEmpty() ? "198.18.0.1" : inside(route.sourceCidrs().get(0)));
        Optional<ZonedDateTime> at = Optional.of(route.hours() == null ? OFFICE_HOURS : start(route.hours()));
        String method = route.methods().get(0);
        String pattern = route.pathPatterns().get(0);
        String path = pattern.endsWith("*") ? pattern.substring(0, pattern.length() - 1) + "x" : pattern;
        Request granted = request("granted", caller, device, source, method, path, route.assetId(), at);

        List<Request> out = new ArrayList<>();
        out.add(granted);
        if (!pattern.endsWith("*")) {
            out.add(with(granted, "trailing slash", method, path + "/"));
        }
        out.add(with(granted, "path above base", method, route.basePath() + "/../elsewhere"));
        out.add(with(granted, "encoded traversal", method, path + "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/admin"));
        out.add(with(granted, "double encoded", method, path + "/%252e%252e"));
        out.add(with(granted, "encoded slash", method, path + "%2Fx"));
        out.add(with(granted, "path parameter parent step", method, path + "/x/..;/y"));
        out.add(with(granted, "too many segments", method, path + "/a".repeat(130)));
        METHODS.stream().filter(m -> !route.methods().contains(m)).findFirst()
                .ifPresent(m -> out.add(with(granted, "next method", m, path)));
        out.add(with(granted, "lower-case method", method.toLowerCase(java.util.Locale.ROOT), path));
        if (route.mfa()) {
            out.add(copy(granted, "no mfa", caller(caller, false, caller.risk(), caller.sessionAge()), device, source, at));
        }
        if (!route.devicePostures().isEmpty()) {
            out.add(copy(granted, "wrong posture", caller, Optional.of(new Request.DeviceClaim.Posture("no-such-posture")), source, at));
            out.add(copy(granted, "no device", caller, Optional.empty(), source, at));
        }
        if (!route.sourceCidrs().isEmpty()) {
            FAR_ADDRESSES.stream().filter(a -> route.sourceCidrs().stream().noneMatch(c -> new IPAddressString(c).getAddress()
                    .contains(new IPAddressString(a).getAddress()))).findFirst()
                    .ifPresent(a -> out.add(copy(granted, "outside cidr", caller, device, Optional.of(a), at)));
            out.add(copy(granted, "no source", caller, device, Optional.empty(), at));
        }
        if (route.hours() != null) {
            ZonedDateTime start = start(route.hours());
            out.add(copy(granted, "just before hours", caller, device, source, Optional.of(start.minusSeconds(1))));
            out.add(copy(granted, "at the end of hours", caller, device, source, Optional.of(end(route.hours(), start))));
            out.add(copy(granted, "a day later", caller, device, source, Optional.of(start.plusDays(1))));
            out.add(copy(granted, "no time", caller, device, source, Optional.empty()));
        }
        if (route.maxSessionSeconds() > 0) {
            out.add(copy(granted, "session too old", caller(caller, caller.mfa(), caller.risk(),
                    Optional.of(Duration.ofSeconds(route.maxSessionSeconds() + 1))), device, source, at));
            out.add(copy(granted, "no session age", caller(caller, caller.mfa(), caller.risk(), Optional.empty()), device, source, at));
        }
        if (!route.maxRisk().isEmpty()) {
            Risk max = Risk.parse(route.maxRisk()).orElseThrow();
            if (max != Risk.HIGH) {
                out.add(copy(granted, "risk too high", caller(caller, caller.mfa(), Optional.of(Risk.values()[max.ordinal() + 1]),
                        caller.sessionAge()), device, source, at));
            }
            out.add(copy(granted, "no risk", caller(caller, caller.mfa(), Optional.empty(), caller.sessionAge()), device, source, at));
        }
        if (!subject[0].equals("segment") && !subject[0].equals("location")) {
            out.add(copy(granted, "somebody else", new Request.Caller(Optional.of("nobody-" + subject[1]), List.of("nobody"),
                    Optional.empty(), caller.mfa(), caller.risk(), caller.sessionAge()), device, source, at));
        }
        return out;
    }

    private static String inside(String cidr) {
        IPAddress block = new IPAddressString(cidr).getAddress();
        IPAddress lower = block.getLower().withoutPrefixLength();
        return (block.getCount().compareTo(java.math.BigInteger.TWO) > 0 ? lower.increment(1) : lower).toCanonicalString();
    }

    /** The first start of the window at or after 2026-12-07 (a Monday). */
    private static ZonedDateTime start(ApplicationLayer.Hours hours) {
        DayOfWeek day = DayOfWeek.of(hours.days().get(0));
        LocalDate date = LocalDate.of(2026, 12, 7).with(TemporalAdjusters.nextOrSame(day));
        return ZonedDateTime.of(date, LocalTime.parse(hours.start()), ZoneId.of(hours.zone()));
    }

    private static ZonedDateTime end(ApplicationLayer.Hours hours, ZonedDateTime start) {
        LocalTime end = LocalTime.parse(hours.end());
        ZonedDateTime sameDay = start.with(end);
        return end.isBefore(LocalTime.parse(hours.start())) ? sameDay.plusDays(1) : sameDay;
    }

    private static Request.Caller caller(Request.Caller c, boolean mfa, Optional<Risk> risk, Optional<Duration> age) {
        return new Request.Caller(c.user(), c.groups(), c.service(), mfa, risk, age);
    }

    private static Request request(String name, Request.Caller caller, Optional<Request.DeviceClaim> device,
                                   Optional<String> source, String method, String path, String asset, Optional<ZonedDateTime> at) {
        return new Request(name, caller, device, source, new Action.RawHttp(method, path), asset, at, Optional.empty(),
                SourceLocation.of("variants"));
    }

    private static Request with(Request r, String name, String method, String path) {
        return request(name, r.subject(), r.device(), r.sourceIp(), method, path, r.resource(), r.at());
    }

    private static Request copy(Request r, String name, Request.Caller caller, Optional<Request.DeviceClaim> device,
                                Optional<String> source, Optional<ZonedDateTime> at) {
        Action.RawHttp http = (Action.RawHttp) r.action();
        return request(name, caller, device, source, http.method(), http.path(), r.resource(), at);
    }
}
