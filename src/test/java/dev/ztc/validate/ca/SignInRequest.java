package dev.ztc.validate.ca;

import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Action;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** A person's request built field by field, for tests: each {@code with...} returns a changed copy. */
record SignInRequest(String name, Optional<String> user, List<String> groups, boolean mfa, Optional<Risk> risk,
                     Optional<Duration> sessionAge, Optional<Request.DeviceClaim> device, Optional<String> sourceIp,
                     Action action, String resource) {

    /** Tuesday 16 June 2026, 11:00 in Lisbon: inside every example's working hours. */
    static final ZonedDateTime AT = ZonedDateTime.parse("2026-06-16T10:00:00Z");

    static SignInRequest of(String user, List<String> groups, Action action, String resource) {
        return new SignInRequest(user + " " + action.text() + " " + resource, Optional.ofNullable(user), groups, true,
                Optional.of(Risk.NONE), Optional.of(Duration.ofMinutes(1)),
                Optional.of(new Request.DeviceClaim.Facts(Optional.of(true), Optional.of(true), Optional.empty(), Optional.empty())),
                Optional.empty(), action, resource);
    }

    static SignInRequest read(String user, List<String> groups, String resource) {
        return of(user, groups, new Action.OfLevel(Action.Level.READ), resource);
    }

    SignInRequest named(String suffix) {
        return new SignInRequest(name + ", " + suffix, user, groups, mfa, risk, sessionAge, device, sourceIp, action, resource);
    }

    SignInRequest withMfa(boolean value) {
        return new SignInRequest(name, user, groups, value, risk, sessionAge, device, sourceIp, action, resource).named(value ? "mfa" : "no mfa");
    }

    SignInRequest withRisk(Optional<Risk> value) {
        return new SignInRequest(name, user, groups, mfa, value, sessionAge, device, sourceIp, action, resource)
                .named("risk " + value.map(Risk::label).orElse("unstated"));
    }

    SignInRequest withSessionAge(Optional<Duration> value) {
        return new SignInRequest(name, user, groups, mfa, risk, value, device, sourceIp, action, resource)
                .named("session " + value.map(Duration::toString).orElse("age unknown"));
    }

    SignInRequest withDevice(Request.DeviceClaim value) {
        String what = value instanceof Request.DeviceClaim.Posture p ? p.id()
                : ((Request.DeviceClaim.Facts) value).compliant().orElse(false) ? "compliant" : "not compliant";
        return new SignInRequest(name, user, groups, mfa, risk, sessionAge, Optional.of(value), sourceIp, action, resource)
                .named("device " + what);
    }

    SignInRequest withCompliant(boolean value) {
        return withDevice(new Request.DeviceClaim.Facts(Optional.of(value), Optional.of(true), Optional.empty(), Optional.empty()));
    }

    SignInRequest from(Optional<String> ip) {
        return new SignInRequest(name, user, groups, mfa, risk, sessionAge, device, ip, action, resource)
                .named("from " + ip.orElse("nowhere known"));
    }

    Request request() {
        return new Request(name, new Request.Caller(user, groups, Optional.empty(), mfa, risk, sessionAge), device, sourceIp,
                action, resource, Optional.of(AT), Optional.empty(), SourceLocation.of("test"));
    }
}
