package dev.ztc.artifact;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The JSON types of one {@code data.json} route, as ztc writes them. Rego reads a value by truthiness (any value
 * but {@code false} or an absent key holds, so {@code "mfa": "no"} requires MFA and {@code "max_session_seconds": 0}
 * limits the session to nothing), while {@link EmittedBundleData}'s lenient reading would take both for "no
 * condition": a value of another type is therefore a problem, never a guess.
 */
final class RouteTypes {

    private static final Set<String> SUBJECT_KINDS = Set.of("group", "user", "service", "segment", "location");

    private RouteTypes() {
    }

    static List<String> problems(JsonNode route) {
        List<String> out = new ArrayList<>();
        if (!route.isObject()) {
            out.add("is not an object");
            return out;
        }
        strings(route, "rule_ids", out);
        strings(route, "methods", out);
        strings(route.path("paths"), "exact", out);
        strings(route.path("paths"), "prefix", out);
        strings(route, "device_postures", out);
        strings(route, "source_cidrs", out);
        JsonNode subject = route.path("subject");
        if (!SUBJECT_KINDS.contains(subject.path("kind").asText("")) || !subject.path("id").isTextual()) {
            out.add("subject is not {kind, id} of a group, user, service, segment or location");
        }
        if (!route.path("mfa").isBoolean()) {
            out.add("mfa is not a boolean");
        }
        if (!route.path("source_pinned").isBoolean()) {
            out.add("source_pinned is not a boolean");
        }
        JsonNode session = route.get("max_session_seconds");
        if (session != null && !(session.isIntegralNumber() && session.asLong() > 0)) {
            out.add("max_session_seconds is not a positive whole number");
        }
        JsonNode risk = route.get("max_risk");
        if (risk != null && !(risk.isTextual() && !risk.asText().isEmpty())) {
            out.add("max_risk is not a risk level");
        }
        JsonNode hours = route.get("hours");
        if (hours != null && !hoursOk(hours)) {
            out.add("hours is not {days 1-7, start_minute, end_minute 0-1440, zone}");
        }
        return out;
    }

    private static boolean hoursOk(JsonNode hours) {
        if (!hours.isObject() || !hours.path("days").isArray() || !hours.path("zone").isTextual()) {
            return false;
        }
        for (JsonNode day : hours.path("days")) {
            if (!day.isIntegralNumber() || day.asInt() < 1 || day.asInt() > 7) {
                return false;
            }
        }
        return minute(hours.path("start_minute")) && minute(hours.path("end_minute"));
    }

    private static boolean minute(JsonNode n) {
        return n.isIntegralNumber() && n.asInt() >= 0 && n.asInt() <= 1440;
    }

    private static void strings(JsonNode parent, String key, List<String> out) {
        JsonNode list = parent.path(key);
        boolean ok = list.isArray();
        for (JsonNode n : list) {
            ok &= n.isTextual();
        }
        if (!ok) {
            out.add(key + " is not a list of strings");
        }
    }
}
