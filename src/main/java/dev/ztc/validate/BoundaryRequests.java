package dev.ztc.validate;

import dev.ztc.check.ResolvedProject;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.Conditions;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Hours;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.NamedNetwork;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import dev.ztc.model.Service;
import dev.ztc.model.Subject;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.math.BigInteger;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * For each matrix rule, the request it grants, and for each of its conditions and fields a variant that breaks just
 * that one: no MFA, no or the wrong device, outside the locations, outside the hours, a session too old, a risk too
 * high, a neighbouring caller, the next action level, a method the rule does not grant, a sibling asset, a path just
 * outside the base path. What each is decided as is the intent evaluator's business, never assumed here: a
 * neighbouring group may be granted too.
 *
 * <p>Addresses come from the inventory's own blocks (the second address of a block, so never a network address),
 * or from RFC 5737 documentation ranges that no block holds; times from the week of 2026-12-07 (a Monday).
 */
final class BoundaryRequests {

    private static final List<String> OUTSIDE = List.of("192.0.2.77", "198.51.100.77", "203.0.113.77", "100.64.0.77");
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final String PROBE_USER = "ztc-probe";
    private static final List<String> NEIGHBOURING_METHODS = List.of("DELETE", "PUT", "POST", "PATCH", "GET");

    private final ResolvedProject project;
    private final IntentEvaluator intent;

    BoundaryRequests(ResolvedProject project) {
        this.project = project;
        this.intent = new IntentEvaluator(project.project());
    }

    /** Every rule's cases, in matrix order. */
    List<ValidationCase> all() {
        List<ValidationCase> out = new ArrayList<>();
        for (MatrixRule rule : project.rules()) {
            out.addAll(of(rule));
        }
        return out;
    }

    List<ValidationCase> of(MatrixRule rule) {
        Request granted = granted(rule);
        List<ValidationCase> out = new ArrayList<>();
        out.add(variant(rule, "granted", granted));
        callerVariants(rule, granted, out);
        actionVariants(rule, granted, out);
        conditionVariants(rule, granted, out);
        return out;
    }

    /** The request the rule grants: its caller, its action, its asset, every condition met. */
    private Request granted(MatrixRule rule) {
        Conditions when = rule.when();
        Subject who = rule.who();
        Optional<String> source = when.from().isEmpty() ? Optional.empty() : inside(project.locations().get(when.from().get(0)));
        Request.Caller caller = switch (who.kind()) {
            case GROUP -> person(Optional.of(PROBE_USER), List.of(who.id()), when);
            case USER -> person(Optional.of(who.id()), List.of(), when);
            case SERVICE -> {
                source = inside(project.segments().get(project.services().get(who.id()).segment()));
                yield new Request.Caller(Optional.empty(), List.of(), Optional.of(who.id()), false, Optional.empty(), Optional.empty());
            }
            case SEGMENT -> {
                source = inside(project.segments().get(who.id()));
                yield anonymous();
            }
            case LOCATION -> {
                source = inside(project.locations().get(who.id()));
                yield anonymous();
            }
        };
        Optional<Request.DeviceClaim> device = when.device().map(Request.DeviceClaim.Posture::new);
        Optional<ZonedDateTime> at = Optional.of(when.hours().map(BoundaryRequests::start)
                .orElse(ZonedDateTime.of(MONDAY.atTime(10, 0), java.time.ZoneOffset.UTC)));
        return new Request("", caller, device, source, requested(rule), rule.what(), at, Optional.empty(), rule.at());
    }

    private static Request.Caller person(Optional<String> user, List<String> groups, Conditions when) {
        return new Request.Caller(user, groups, Optional.empty(), when.requiresMfa(), Optional.of(when.maxRisk().orElse(Risk.NONE)),
                Optional.of(when.jitMaxSession().orElse(Duration.ofMinutes(5))));
    }

    private static Request.Caller anonymous() {
        return new Request.Caller(Optional.empty(), List.of(), Optional.empty(), false, Optional.empty(), Optional.empty());
    }

    /** A level as itself; a raw HTTP action with its pattern's wildcard filled in. */
    private static Action requested(MatrixRule rule) {
        if (rule.can() instanceof Action.RawHttp http && http.path().endsWith("*")) {
            return new Action.RawHttp(http.method(), http.path().substring(0, http.path().length() - 1) + "x");
        }
        return rule.can();
    }

    private void callerVariants(MatrixRule rule, Request granted, List<ValidationCase> out) {
        Subject who = rule.who();
        Request.Caller c = granted.subject();
        switch (who.kind()) {
            case GROUP -> {
                String other = project.groups().keySet().stream().filter(g -> !g.equals(who.id())).findFirst().orElse("ztc-no-group");
                out.add(variant(rule, "neighbouring group " + other, with(granted,
                        new Request.Caller(c.user(), List.of(other), c.service(), c.mfa(), c.risk(), c.sessionAge()))));
            }
            case USER -> {
                String other = project.users().keySet().stream().filter(u -> !u.equals(who.id())).findFirst().orElse(PROBE_USER);
                out.add(variant(rule, "another user " + other, with(granted,
                        new Request.Caller(Optional.of(other), List.of(), c.service(), c.mfa(), c.risk(), c.sessionAge()))));
            }
            case SERVICE -> {
                project.services().values().stream().filter(s -> !s.id().equals(who.id())).findFirst().ifPresent(s ->
                        out.add(variant(rule, "another service " + s.id(), with(with(granted,
                                new Request.Caller(Optional.empty(), List.of(), Optional.of(s.id()), false, Optional.empty(),
                                        Optional.empty())), inside(project.segments().get(s.segment()))))));
                Service self = project.services().get(who.id());
                outsideOf(project.segments().get(self.segment())).ifPresent(ip ->
                        out.add(variant(rule, "outside its segment", with(granted, Optional.of(ip)))));
            }
            case SEGMENT -> outsideOf(project.segments().get(who.id())).ifPresent(ip ->
                    out.add(variant(rule, "outside the segment", with(granted, Optional.of(ip)))));
            case LOCATION -> outsideOf(project.locations().get(who.id())).ifPresent(ip ->
                    out.add(variant(rule, "outside the location", with(granted, Optional.of(ip)))));
        }
    }

    private void actionVariants(MatrixRule rule, Request granted, List<ValidationCase> out) {
        Asset asset = project.asset(rule);
        Catalog.AssetKind kind = project.kind(asset);
        if (rule.can() instanceof Action.OfLevel level && level.level() != Action.Level.ADMIN) {
            kind.levels().keySet().stream().filter(l -> l.ordinal() > level.level().ordinal()).findFirst()
                    .or(() -> kind.levels().keySet().stream().filter(l -> l != level.level()).findFirst())
                    .ifPresent(next -> out.add(variant(rule, "next level " + next.label(), withAction(granted, new Action.OfLevel(next)))));
        }
        project.assets().values().stream().filter(a -> a.kind().equals(asset.kind()) && !a.id().equals(asset.id())).findFirst()
                .ifPresent(sibling -> out.add(variant(rule, "sibling asset " + sibling.id(), withAsset(granted, sibling.id()))));
        if (asset.basePath().isPresent()) {
            String method = rule.can() instanceof Action.RawHttp http ? http.method()
                    : rule.can() instanceof Action.OfLevel l ? kind.level(l.level()).map(Catalog.LevelMeaning::httpMethods)
                    .filter(m -> !m.isEmpty()).map(m -> m.get(0)).orElse("") : "";
            if (!method.isEmpty()) {
                out.add(variant(rule, "path just outside base_path", withAction(granted,
                        new Action.RawHttp(method, asset.basePath().get() + "/../outside"))));
            }
            neighbouringMethod(rule, kind, asset.basePath().get())
                    .ifPresent(action -> out.add(variant(rule, "neighbouring method " + action.method(), withAction(granted, action))));
        }
    }

    /**
     * The granted path asked with a method the rule does not grant (DELETE before the others, as the most harmful),
     * so that a route whose methods were widened, in the bundle's index or its own list, is seen.
     */
    private static Optional<Action.RawHttp> neighbouringMethod(MatrixRule rule, Catalog.AssetKind kind, String basePath) {
        List<String> granted;
        String path;
        if (rule.can() instanceof Action.RawHttp http) {
            granted = List.of(http.method());
            path = ((Action.RawHttp) requested(rule)).path();
        } else if (rule.can() instanceof Action.OfLevel l && l.level() != Action.Level.ADMIN) {
            granted = kind.level(l.level()).map(Catalog.LevelMeaning::httpMethods).orElse(List.of());
            path = basePath + "/ztc-probe";
        } else {
            return Optional.empty();
        }
        if (granted.isEmpty()) {
            return Optional.empty();
        }
        return NEIGHBOURING_METHODS.stream().filter(m -> !granted.contains(m)).findFirst().map(m -> new Action.RawHttp(m, path));
    }

    private void conditionVariants(MatrixRule rule, Request granted, List<ValidationCase> out) {
        Conditions when = rule.when();
        Request.Caller c = granted.subject();
        if (when.requiresMfa()) {
            out.add(variant(rule, "no mfa", with(granted, new Request.Caller(c.user(), c.groups(), c.service(), false, c.risk(), c.sessionAge()))));
        }
        when.device().ifPresent(required -> {
            out.add(variant(rule, "no device", withDevice(granted, Optional.empty())));
            // a posture that falls short of the required one (a stricter one would satisfy it)
            project.devices().values().stream().map(DeviceProfile::id)
                    .filter(id -> !intent.posturesMetBy(Optional.of(new Request.DeviceClaim.Posture(id))).contains(required))
                    .findFirst().ifPresent(other -> out.add(variant(rule, "weaker device " + other, withDevice(granted,
                            Optional.of(new Request.DeviceClaim.Posture(other))))));
        });
        if (!when.from().isEmpty()) {
            List<NamedNetwork> locations = when.from().stream().map(project.locations()::get).toList();
            OUTSIDE.stream().filter(ip -> locations.stream().noneMatch(l -> contains(l, ip))).findFirst()
                    .ifPresent(ip -> out.add(variant(rule, "outside its locations", with(granted, Optional.of(ip)))));
        }
        when.hours().ifPresent(hours -> {
            ZonedDateTime start = start(hours);
            out.add(variant(rule, "just before its hours", withTime(granted, start.minusMinutes(1))));
            java.util.Arrays.stream(DayOfWeek.values()).filter(d -> !hours.days().contains(d)).findFirst().ifPresent(day ->
                    out.add(variant(rule, "on " + day.name().toLowerCase(java.util.Locale.ROOT), withTime(granted,
                            start.with(TemporalAdjusters.nextOrSame(day))))));
        });
        when.jitMaxSession().ifPresent(max -> out.add(variant(rule, "session older than " + max.toMinutes() + "m",
                with(granted, new Request.Caller(c.user(), c.groups(), c.service(), c.mfa(), c.risk(),
                        Optional.of(max.plusMinutes(1)))))));
        when.maxRisk().filter(r -> r != Risk.HIGH).ifPresent(max -> out.add(variant(rule, "risk above " + max.label(),
                with(granted, new Request.Caller(c.user(), c.groups(), c.service(), c.mfa(),
                        Optional.of(Risk.values()[max.ordinal() + 1]), c.sessionAge())))));
    }

    /** The first start of the window in the week of 2026-12-07, in its own zone. */
    private static ZonedDateTime start(Hours hours) {
        DayOfWeek first = java.util.Arrays.stream(DayOfWeek.values()).filter(hours.days()::contains).findFirst().orElse(DayOfWeek.MONDAY);
        return ZonedDateTime.of(MONDAY.with(TemporalAdjusters.nextOrSame(first)).atTime(hours.start()), hours.zone());
    }

    /** An address inside the block: its second one where it has more than two, so never the network address. */
    private static Optional<String> inside(NamedNetwork network) {
        if (network == null || network.cidrs().isEmpty()) {
            return Optional.empty();
        }
        IPAddress block = new IPAddressString(network.cidrs().get(0)).getAddress();
        IPAddress lower = block.getLower().withoutPrefixLength();
        return Optional.of((block.getCount().compareTo(BigInteger.TWO) > 0 ? lower.increment(1) : lower).toCanonicalString());
    }

    /** An address no block of the network holds: one of the documentation or shared address ranges. */
    private static Optional<String> outsideOf(NamedNetwork network) {
        return OUTSIDE.stream().filter(ip -> !contains(network, ip)).findFirst();
    }

    private static boolean contains(NamedNetwork network, String ip) {
        IPAddress address = new IPAddressString(ip).getAddress();
        return network.cidrs().stream().map(c -> new IPAddressString(c).getAddress())
                .anyMatch(b -> b != null && b.getIPVersion() == address.getIPVersion() && b.contains(address));
    }

    private static ValidationCase variant(MatrixRule rule, String what, Request request) {
        String name = rule.id() + ": " + what;
        Request named = new Request(name, request.subject(), request.device(), request.sourceIp(), request.action(),
                request.resource(), request.at(), Optional.empty(), rule.at());
        return new ValidationCase(named, ValidationCase.Origin.BOUNDARY, Optional.of(rule.id()));
    }

    private static Request with(Request r, Request.Caller caller) {
        return new Request(r.name(), caller, r.device(), r.sourceIp(), r.action(), r.resource(), r.at(), r.expect(), r.location());
    }

    private static Request with(Request r, Optional<String> source) {
        return new Request(r.name(), r.subject(), r.device(), source, r.action(), r.resource(), r.at(), r.expect(), r.location());
    }

    private static Request withDevice(Request r, Optional<Request.DeviceClaim> device) {
        return new Request(r.name(), r.subject(), device, r.sourceIp(), r.action(), r.resource(), r.at(), r.expect(), r.location());
    }

    private static Request withAction(Request r, Action action) {
        return new Request(r.name(), r.subject(), r.device(), r.sourceIp(), action, r.resource(), r.at(), r.expect(), r.location());
    }

    private static Request withAsset(Request r, String asset) {
        return new Request(r.name(), r.subject(), r.device(), r.sourceIp(), r.action(), asset, r.at(), r.expect(), r.location());
    }

    private static Request withTime(Request r, ZonedDateTime at) {
        return new Request(r.name(), r.subject(), r.device(), r.sourceIp(), r.action(), r.resource(), Optional.of(at), r.expect(), r.location());
    }
}
