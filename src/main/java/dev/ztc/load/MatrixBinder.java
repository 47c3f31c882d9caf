package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Action;
import dev.ztc.model.Conditions;
import dev.ztc.model.Matrix;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Risk;
import dev.ztc.model.Subject;
import dev.ztc.model.UnboundRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Binds the {@code matrix} document (from YAML, JSON, HCL or CSV) to the model. */
final class MatrixBinder {

    private final Diagnostics diagnostics;
    private final List<UnboundRule> unbound = new ArrayList<>();

    MatrixBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /** {@code versioned}: CSV has no place for a version, so only the structured formats require one. */
    Optional<Matrix> bind(Node root, boolean versioned) {
        return MapReader.of(root, diagnostics, "the matrix").map(r -> {
            int version = versioned ? Binding.version(r) : 1;
            if (!r.has("rules")) {
                r.error("rules", ErrorCode.MISSING_FIELD, "the matrix is missing required 'rules'");
            }
            List<MatrixRule> rules = r.each("rules", "rule", this::rule);
            r.finish();
            return new Matrix(version, rules, r.location(), unbound);
        });
    }

    private Optional<MatrixRule> rule(MapReader r) {
        Optional<String> id = Binding.id(r);
        Optional<Subject> who = r.requiredString("who").flatMap(text -> subject(r, text));
        Optional<Action> can = r.requiredString("can")
                .flatMap(text -> Binding.parseAt(r, r.at("can"), text, ErrorCode.UNKNOWN_LEVEL, Values::action));
        Optional<String> what = r.requiredString("what").flatMap(text -> assetRef(r, "what", text));
        SourceLocation whatAt = r.at("what");
        if (r.isExplicitNull("when")) {
            r.error("when", ErrorCode.WRONG_TYPE, "'when' of rule has no value; remove it or give it conditions");
        }
        Conditions when = r.map("when", "when").map(this::conditions).orElse(Conditions.none(r.location()));
        r.finish();
        if (id.isEmpty() || who.isEmpty() || can.isEmpty() || what.isEmpty()) {
            // the rule is an error already; its well-formed references are still checked, in this same run
            unbound.add(new UnboundRule(who, what, whatAt, when));
            return Optional.empty();
        }
        return Optional.of(new MatrixRule(id.get(), who.get(), can.get(), what.get(), whatAt, when, r.location(), r.at("can")));
    }

    private Optional<Subject> subject(MapReader r, String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String prefix = text.substring(0, colon);
            String name = text.substring(colon + 1);
            for (Subject.Kind kind : Subject.Kind.values()) {
                if (kind.prefix().equals(prefix)) {
                    return Binding.safeId(r, "who", Optional.of(name)).map(n -> new Subject(kind, n, r.at("who")));
                }
            }
        }
        r.error("who", ErrorCode.INVALID_VALUE, "'who' must be group:, user:, service:, segment: or location: followed by an id, not '"
                + Names.printable(text) + "'");
        return Optional.empty();
    }

    static Optional<String> assetRef(MapReader r, String key, String text) {
        if (!text.startsWith("asset:")) {
            r.error(key, ErrorCode.INVALID_VALUE, "'" + key + "' must name an asset as asset:<id>, not '" + Names.printable(text) + "'");
            return Optional.empty();
        }
        return Binding.safeId(r, key, Optional.of(text.substring("asset:".length())));
    }

    private Conditions conditions(MapReader r) {
        // a condition written without a value must not silently become "no condition"
        r.refuseNulls();
        Optional<Boolean> mfa = r.bool("mfa");
        Optional<String> device = Binding.optionalSafeId(r, "device");
        Map<String, SourceLocation> places = new HashMap<>();
        device.ifPresent(d -> places.put("device", r.at("device")));
        List<String> from = new ArrayList<>();
        for (MapReader.Located<String> item : r.strings("from")) {
            if (item.value().startsWith("location:") && Names.isSafeId(item.value().substring(9))) {
                from.add(item.value().substring(9));
                places.putIfAbsent("from:" + item.value().substring(9), item.at());
            } else {
                r.diagnostics().error(item.at(), ErrorCode.INVALID_VALUE,
                        "'from' items must be location:<id>, not '" + Names.printable(item.value()) + "'");
            }
        }
        if (r.has("from") && r.list("from").isEmpty()) {
            r.error("from", ErrorCode.INVALID_VALUE, "'from' lists no location; an empty list would mean from anywhere");
        }
        var hours = Binding.parse(r, "hours", ErrorCode.INVALID_HOURS, Values::hours);
        var jit = r.map("jit", "jit").flatMap(j -> {
            var max = Binding.parse(j, "max_session", ErrorCode.INVALID_VALUE, Values::duration);
            if (!j.has("max_session")) {
                j.error("max_session", ErrorCode.MISSING_FIELD, "jit is missing required 'max_session'");
            }
            j.finish();
            return max;
        });
        Optional<Risk> risk = Binding.risk(r, "risk");
        r.finish();
        return new Conditions(mfa, device, from.stream().distinct().sorted().toList(), hours, jit, risk, r.location(), places);
    }
}
