package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import dev.ztc.model.Versions;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binds {@code requests}: the sample requests that the validator decides. */
final class RequestsBinder {

    private final Diagnostics diagnostics;

    RequestsBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<List<Request>> bind(Node root) {
        return MapReader.of(root, diagnostics, "the requests file").map(r -> {
            if (r.has("version")) {
                Binding.version(r);
            }
            List<Request> requests = r.each("requests", "request", this::request);
            r.finish();
            return requests;
        });
    }

    private Optional<Request> request(MapReader r) {
        Optional<String> name = r.requiredString("name");
        Optional<Request.Caller> subject = r.map("subject", "subject").map(this::caller);
        if (!r.has("subject")) {
            r.error("subject", ErrorCode.MISSING_FIELD, "request is missing required 'subject'");
        }
        Optional<Request.DeviceClaim> device = r.node("device").flatMap(node -> device(r, node));
        Optional<String> sourceIp = Binding.parse(r, "source_ip", ErrorCode.INVALID_CIDR, Values::address);
        var action = r.requiredString("action")
                .flatMap(text -> Binding.parseAt(r, r.at("action"), text, ErrorCode.UNKNOWN_LEVEL, Values::requestAction));
        Optional<String> resource = r.requiredString("resource").flatMap(text -> MatrixBinder.assetRef(r, "resource", text));
        var at = Binding.parse(r, "at", ErrorCode.INVALID_VALUE, Values::timestamp);
        Optional<Request.Expectation> expect = r.string("expect").flatMap(text -> switch (text) {
            case "allow" -> Optional.of(Request.Expectation.ALLOW);
            case "deny" -> Optional.of(Request.Expectation.DENY);
            default -> {
                r.error("expect", ErrorCode.INVALID_VALUE, "'expect' must be allow or deny, not '" + Names.printable(text) + "'");
                yield Optional.empty();
            }
        });
        r.finish();
        if (name.isEmpty() || subject.isEmpty() || action.isEmpty() || resource.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Request(name.get(), subject.get(), device, sourceIp, action.get(), resource.get(), at,
                expect, r.location()));
    }

    private Request.Caller caller(MapReader r) {
        Optional<String> user = Binding.optionalSafeId(r, "user");
        List<String> groups = r.strings("groups").stream().map(MapReader.Located::value).toList();
        Optional<String> service = Binding.optionalSafeId(r, "service");
        boolean mfa = r.bool("mfa").orElse(false);
        Optional<Risk> risk = Binding.risk(r, "risk");
        var sessionAge = Binding.parse(r, "session_age", ErrorCode.INVALID_VALUE, Values::duration);
        if (user.isEmpty() && service.isEmpty() && groups.isEmpty()) {
            r.error("user", ErrorCode.MISSING_FIELD, "subject must name a user, groups or a service");
        }
        r.finish();
        return new Request.Caller(user, groups, service, mfa, risk, sessionAge);
    }

    private Optional<Request.DeviceClaim> device(MapReader parent, Node node) {
        if (node instanceof Node.ScalarNode scalar && scalar.value() instanceof String id) {
            return Binding.safeId(parent, "device", Optional.of(id)).map(Request.DeviceClaim.Posture::new);
        }
        return MapReader.of(node, diagnostics, "device facts").map(r -> {
            Optional<Boolean> compliant = r.bool("compliant");
            Optional<Boolean> encrypted = r.bool("encrypted");
            Optional<String> os = r.string("os").map(s -> s.toLowerCase(Locale.ROOT));
            Optional<String> version = r.string("os_version");
            if (version.isPresent() && !Versions.isValid(version.get())) {
                r.error("os_version", ErrorCode.INVALID_VALUE, "os_version must be numbers separated by dots, not '"
                        + Names.printable(version.get()) + "'");
                version = Optional.empty();
            }
            r.finish();
            return new Request.DeviceClaim.Facts(compliant, encrypted, os, version);
        });
    }
}
