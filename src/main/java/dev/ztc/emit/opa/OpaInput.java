package dev.ztc.emit.opa;

import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.Request;

import dev.ztc.model.HttpPath;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The plain JSON input shape (docs/opa-bundle.md), written from a sample request of {@code requests.yaml}:
 * the same names, with the action split into method and path. Absent facts are left out, never defaulted.
 */
public final class OpaInput {

    private OpaInput() {
    }

    /**
     * The request as an HTTP request on {@code asset}: a raw HTTP action as it is, a level as its first HTTP
     * method on the base path. Empty when the asset has no base path or the level no HTTP method.
     */
    public static Optional<Request> asHttp(Request request, Asset asset, Catalog catalog) {
        if (asset.basePath().isEmpty()) {
            return Optional.empty();
        }
        if (request.action() instanceof Action.RawHttp) {
            return Optional.of(request);
        }
        if (!(request.action() instanceof Action.OfLevel level)) {
            return Optional.empty();
        }
        Optional<String> method = catalog.kind(asset.kind()).flatMap(k -> k.level(level.level()))
                .map(Catalog.LevelMeaning::httpMethods).filter(m -> !m.isEmpty()).map(m -> m.get(0));
        return method.map(m -> new Request(request.name(), request.subject(), request.device(), request.sourceIp(),
                new Action.RawHttp(m, asset.basePath().get()), request.resource(), request.at(), request.expect(),
                request.location()));
    }

    /** {@code request} must carry a raw HTTP action. */
    public static Map<String, Object> plain(Request request) {
        Action.RawHttp http = (Action.RawHttp) request.action();
        Map<String, Object> input = new TreeMap<>();
        input.put("resource", "asset:" + request.resource());
        input.put("method", http.method());
        input.put("path", http.path());
        Map<String, Object> subject = new TreeMap<>();
        Request.Caller caller = request.subject();
        caller.user().ifPresent(u -> subject.put("user", u));
        subject.put("groups", caller.groups());
        caller.service().ifPresent(s -> subject.put("service", s));
        subject.put("mfa", caller.mfa());
        caller.risk().ifPresent(r -> subject.put("risk", r.label()));
        caller.sessionAge().ifPresent(age -> subject.put("session_age_seconds", seconds(age)));
        input.put("subject", subject);
        request.device().ifPresent(device -> {
            if (device instanceof Request.DeviceClaim.Posture posture) {
                input.put("device", Map.of("posture", posture.id()));
            }
            // device facts have no place in this shape: the proxy or MDM decides which posture a device meets
        });
        request.sourceIp().ifPresent(ip -> input.put("source_ip", ip));
        request.at().ifPresent(at -> input.put("time", at.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        return input;
    }

    /** Whole seconds as an integer; a fraction kept, so that 1h0.5s is still more than 1h. */
    private static Object seconds(java.time.Duration age) {
        return age.getNano() == 0 ? (Object) age.getSeconds()
                : java.math.BigDecimal.valueOf(age.getSeconds()).add(java.math.BigDecimal.valueOf(age.getNano(), 9));
    }

    /**
     * The same request as Envoy's ext_authz sends it to OPA, the caller in x-ztc-* headers. Empty when a
     * header cannot carry a fact exactly (a group with a comma, a fractional session age) or the request has
     * no time (the policy would use its clock instead).
     */
    public static Optional<Map<String, Object>> envoy(Request request, Collection<Asset> assets) {
        Request.Caller caller = request.subject();
        Action.RawHttp http = (Action.RawHttp) request.action();
        // Envoy names no asset: the policy finds it by base path, and it must be the one the request names
        if (!assetByBasePath(http.path(), assets).equals(Optional.of(request.resource()))
                || request.at().isEmpty() || caller.groups().stream().anyMatch(g -> g.contains(",") || !g.equals(g.strip()) || g.isEmpty())
                || caller.sessionAge().filter(a -> a.getNano() != 0 || a.isNegative()).isPresent()) {
            return Optional.empty();
        }
        Map<String, Object> headers = new TreeMap<>();
        caller.user().ifPresent(u -> headers.put("x-ztc-user", u));
        if (!caller.groups().isEmpty()) {
            headers.put("x-ztc-groups", String.join(",", caller.groups()));
        }
        caller.service().ifPresent(s -> headers.put("x-ztc-service", s));
        headers.put("x-ztc-mfa", Boolean.toString(caller.mfa()));
        caller.risk().ifPresent(r -> headers.put("x-ztc-risk", r.label()));
        caller.sessionAge().ifPresent(a -> headers.put("x-ztc-session-age", Long.toString(a.getSeconds())));
        request.device().ifPresent(d -> headers.put("x-ztc-device-posture", ((Request.DeviceClaim.Posture) d).id()));
        Map<String, Object> httpPart = new TreeMap<>();
        httpPart.put("method", http.method());
        httpPart.put("path", http.path());
        httpPart.put("headers", headers);
        Map<String, Object> attributes = new TreeMap<>();
        attributes.put("request", Map.of("http", httpPart,
                "time", request.at().get().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)));
        request.sourceIp().ifPresent(ip -> attributes.put("source",
                Map.of("address", Map.of("socketAddress", Map.of("address", ip, "portValue", 50000)))));
        return Optional.of(Map.of("attributes", attributes));
    }

    /** The asset with the longest base path at or above {@code rawPath}; empty when none or two share it. */
    static Optional<String> assetByBasePath(String rawPath, Collection<Asset> assets) {
        Optional<String> path = HttpPath.normalize(rawPath);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        int longest = -1;
        List<String> best = new ArrayList<>();
        for (Asset asset : assets) {
            if (asset.basePath().isEmpty() || !HttpPath.isUnder(path.get(), asset.basePath().get())) {
                continue;
            }
            int length = asset.basePath().get().length();
            if (length > longest) {
                longest = length;
                best.clear();
            }
            if (length == longest) {
                best.add(asset.id());
            }
        }
        return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
    }

    /** True when the policy can see everything the request states (a device given by facts it cannot). */
    public static boolean expressible(Request request) {
        return request.device().isEmpty() || request.device().get() instanceof Request.DeviceClaim.Posture;
    }
}
