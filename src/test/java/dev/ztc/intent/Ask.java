package dev.ztc.intent;

import dev.ztc.load.Values;
import dev.ztc.model.Action;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A request under construction: {@code Ask.user("alice").mfa().wants("read").on("finance-reports")}.
 * HTTP actions keep their path exactly as written, so that the evaluator's own normalization is tested.
 */
final class Ask {

    private Optional<String> user = Optional.empty();
    private final List<String> groups = new ArrayList<>();
    private Optional<String> service = Optional.empty();
    private boolean mfa;
    private Optional<Risk> risk = Optional.empty();
    private Optional<Duration> sessionAge = Optional.empty();
    private Optional<Request.DeviceClaim> device = Optional.empty();
    private Optional<String> sourceIp = Optional.empty();
    private Action action = new Action.OfLevel(Action.Level.READ);
    private String resource = "finance-reports";
    private Optional<ZonedDateTime> at = Optional.empty();

    private Ask() {
    }

    static Ask user(String id) {
        Ask ask = new Ask();
        ask.user = Optional.of(id);
        return ask;
    }

    static Ask service(String id) {
        Ask ask = new Ask();
        ask.service = Optional.of(id);
        return ask;
    }

    static Ask groups(String... ids) {
        return new Ask().inGroups(ids);
    }

    static Ask anonymous() {
        return new Ask();
    }

    Ask inGroups(String... ids) {
        groups.addAll(List.of(ids));
        return this;
    }

    Ask mfa() {
        mfa = true;
        return this;
    }

    Ask risk(String level) {
        risk = Risk.parse(level);
        return this;
    }

    Ask sessionAge(String duration) {
        sessionAge = Optional.of(Duration.parse("PT" + duration.toUpperCase(java.util.Locale.ROOT)));
        return this;
    }

    Ask posture(String id) {
        device = Optional.of(new Request.DeviceClaim.Posture(id));
        return this;
    }

    Ask facts(Boolean compliant, Boolean encrypted, String os, String version) {
        device = Optional.of(new Request.DeviceClaim.Facts(Optional.ofNullable(compliant), Optional.ofNullable(encrypted),
                Optional.ofNullable(os), Optional.ofNullable(version)));
        return this;
    }

    Ask from(String ip) {
        sourceIp = Optional.of(ip);
        return this;
    }

    /** A level, an IAM action, or {@code "GET /raw/path"} kept unnormalized. */
    Ask wants(String text) {
        int space = text.indexOf(' ');
        action = space > 0 ? new Action.RawHttp(text.substring(0, space), text.substring(space + 1)) : Values.action(text);
        return this;
    }

    Ask on(String assetId) {
        resource = assetId;
        return this;
    }

    Ask at(String timestamp) {
        at = Optional.of(Values.timestamp(timestamp));
        return this;
    }

    Request build() {
        return new Request("test", new Request.Caller(user, groups, service, mfa, risk, sessionAge), device, sourceIp,
                action, resource, at, Optional.empty(), AcmeProject.HERE);
    }
}
