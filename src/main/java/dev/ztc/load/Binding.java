package dev.ztc.load;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.SourceLocation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Small binding steps that every binder shares: ids, versions, typed values with located errors. */
final class Binding {

    static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Binding() {
    }

    /** The required, safe {@code id} of an element. */
    static Optional<String> id(MapReader r) {
        return safeId(r, "id", r.requiredString("id"));
    }

    static Optional<String> safeId(MapReader r, String key, Optional<String> value) {
        if (value.isPresent() && !Names.isSafeId(value.get())) {
            r.error(key, ErrorCode.UNSAFE_IDENTIFIER, "'" + key + "' '" + Names.printable(value.get())
                    + "' must be letters, digits, '.', '_' or '-', start with a letter or digit, at most 64 characters");
            return Optional.empty();
        }
        return value;
    }

    static Optional<String> optionalSafeId(MapReader r, String key) {
        return safeId(r, key, r.string(key));
    }

    /** {@code version: 1}, required: a later version may change meaning, so it is never guessed. */
    static int version(MapReader r) {
        Optional<Long> version = r.integer("version");
        if (version.isEmpty()) {
            if (!r.has("version")) {
                r.error("version", ErrorCode.MISSING_FIELD, r.element() + " is missing required 'version' (write version: 1)");
            }
            return 1;
        }
        if (version.get() != 1) {
            r.error("version", ErrorCode.UNSUPPORTED_VERSION, "version " + version.get()
                    + " of the input language is not supported; this ztc reads version 1");
        }
        return 1;
    }

    static Optional<String> uuid(MapReader r, String key) {
        Optional<String> value = r.string(key);
        if (value.isPresent() && !UUID.matcher(value.get()).matches()) {
            r.error(key, ErrorCode.INVALID_VALUE, "'" + key + "' must be a GUID, not '" + Names.printable(value.get()) + "'");
            return Optional.empty();
        }
        return value;
    }

    static Optional<String> matching(MapReader r, String key, Pattern pattern, String expected) {
        Optional<String> value = r.string(key);
        if (value.isPresent() && !pattern.matcher(value.get()).matches()) {
            r.error(key, ErrorCode.INVALID_VALUE, "'" + key + "' must be " + expected + ", not '"
                    + Names.printable(value.get()) + "'");
            return Optional.empty();
        }
        return value;
    }

    /** Parses a scalar with {@code parser}, reporting its message at the value as {@code code}. */
    static <T> Optional<T> parse(MapReader r, String key, ErrorCode code, Function<String, T> parser) {
        Optional<String> text = r.string(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        return parseAt(r, r.at(key), text.get(), code, parser);
    }

    static <T> Optional<T> parseAt(MapReader r, SourceLocation at, String text, ErrorCode code, Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(text));
        } catch (Values.UnknownZoneException e) {
            r.diagnostics().error(at, ErrorCode.UNKNOWN_TIME_ZONE, e.getMessage());
        } catch (IllegalArgumentException e) {
            r.diagnostics().error(at, code, e.getMessage());
        }
        return Optional.empty();
    }

    /** Each string of a list parsed with {@code parser}; bad items reported one by one. */
    static <T> List<T> parseAll(MapReader r, String key, ErrorCode code, Function<String, T> parser) {
        List<T> out = new ArrayList<>();
        for (MapReader.Located<String> item : r.strings(key)) {
            parseAt(r, item.at(), item.value(), code, parser).ifPresent(out::add);
        }
        return out;
    }

    /** {@code risk: low}: one of none, low, medium, high. */
    static Optional<dev.ztc.model.Risk> risk(MapReader r, String key) {
        return r.string(key).flatMap(text -> {
            Optional<dev.ztc.model.Risk> parsed = dev.ztc.model.Risk.parse(text.toLowerCase(java.util.Locale.ROOT));
            if (parsed.isEmpty()) {
                r.error(key, ErrorCode.INVALID_VALUE, "risk '" + Names.printable(text) + "' is not one of none, low, medium, high");
            }
            return parsed;
        });
    }
}
