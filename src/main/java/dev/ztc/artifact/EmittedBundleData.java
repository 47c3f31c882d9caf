package dev.ztc.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OPA bundle's {@code opa/data.json}, read back with Jackson rather than taken from the IR, so that an emitter
 * or template bug shows. {@code problems} are what makes the document unreadable as ztc's data (not JSON, an
 * asset without routes, an index in {@code routes_by_method} that points at no route, a value of another type than
 * ztc writes, which the policy would read differently from this record). {@code routesByMethod}: asset → method →
 * the route indexes, exactly as the policy looks routes up (validate's Java evaluation follows it).
 */
public record EmittedBundleData(boolean present, List<Route> routes, Map<String, String> basePaths,
                                Map<String, Map<String, List<Integer>>> routesByMethod,
                                Map<String, List<String>> users, Map<String, Integer> riskLevels, List<String> problems) {

    public static final String DATA = "opa/data.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public EmittedBundleData {
        routes = List.copyOf(routes);
        basePaths = Map.copyOf(basePaths);
        routesByMethod = Map.copyOf(routesByMethod);
        users = Map.copyOf(users);
        riskLevels = Map.copyOf(riskLevels);
        problems = List.copyOf(problems);
    }

    /**
     * One entry of {@code ztc.assets.<asset>.routes}. {@code methods} are those the entry lists together with those
     * under which {@code routes_by_method} indexes it: the policy looks a route up by the index, so either list
     * can widen it. {@code paths} are {@code exact:<p>} and {@code prefix:<p>}. {@code maxSessionSeconds} is 0 and
     * {@code maxRisk} empty when absent, as in data.json.
     */
    public record Route(String assetId, int index, List<String> ruleIds, String subject, List<String> methods,
                        List<String> paths, boolean mfa, List<String> devicePostures, List<String> sourceCidrs,
                        boolean sourcePinned, Optional<Window> hours, long maxSessionSeconds, String maxRisk) {
        public Route {
            ruleIds = List.copyOf(ruleIds);
            methods = List.copyOf(methods);
            paths = List.copyOf(paths);
            devicePostures = List.copyOf(devicePostures);
            sourceCidrs = List.copyOf(sourceCidrs);
        }

        /** {@code opa/data.json#ztc.assets.<asset>.routes[<i>]}, as findings name it. */
        public String artifact() {
            return DATA + "#ztc.assets." + assetId + ".routes[" + index + "]";
        }
    }

    /** A route's {@code hours}: ISO days (1 = Monday), [start, end) in minutes of the day, the zone. */
    public record Window(List<Integer> days, int startMinute, int endMinute, String zone) {
        public Window {
            days = List.copyOf(new TreeSet<>(days));
        }
    }

    public static EmittedBundleData read(Map<String, String> artifacts) {
        String text = artifacts.get(DATA);
        if (text == null) {
            return new EmittedBundleData(false, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of());
        }
        JsonNode ztc;
        try {
            ztc = JSON.readTree(text).path("ztc");
        } catch (JsonProcessingException e) {
            return broken("is not valid JSON: " + e.getOriginalMessage());
        }
        if (!ztc.isObject()) {
            return broken("has no \"ztc\" object");
        }
        List<Route> routes = new ArrayList<>();
        Map<String, String> basePaths = new TreeMap<>();
        Map<String, Map<String, List<Integer>>> byMethod = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ztc.path("assets").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> asset = it.next();
            basePaths.put(asset.getKey(), asset.getValue().path("base_path").asText(""));
            byMethod.put(asset.getKey(), readAsset(asset.getKey(), asset.getValue(), routes, problems));
        }
        Map<String, List<String>> users = new TreeMap<>();
        ztc.path("users").fields().forEachRemaining(u -> users.put(u.getKey(), strings(u.getValue())));
        Map<String, Integer> risks = new TreeMap<>();
        ztc.path("risk_levels").fields().forEachRemaining(r -> risks.put(r.getKey(), r.getValue().asInt(-1)));
        // the policy compares levels by lookup: a max_risk it cannot look up fails no request, so it may not pass here
        routes.stream().filter(r -> !r.maxRisk().isEmpty() && !risks.containsKey(r.maxRisk()))
                .forEach(r -> problems.add(r.artifact() + ": max_risk " + r.maxRisk() + " is no key of risk_levels"));
        return new EmittedBundleData(true, routes, basePaths, byMethod, users, risks, problems);
    }

    /** The asset's routes into {@code routes}; returns its {@code routes_by_method} index. */
    private static Map<String, List<Integer>> readAsset(String assetId, JsonNode asset, List<Route> routes, List<String> problems) {
        JsonNode entries = asset.path("routes");
        Map<String, List<Integer>> byMethod = new TreeMap<>();
        if (!entries.isArray()) {
            problems.add("asset " + assetId + " has no routes list");
            return byMethod;
        }
        // the methods under which routes_by_method indexes each route
        Map<Integer, TreeSet<String>> indexed = new TreeMap<>();
        asset.path("routes_by_method").fields().forEachRemaining(m -> m.getValue().forEach(i -> {
            if (!i.canConvertToInt() || i.asInt() < 0 || i.asInt() >= entries.size()) {
                problems.add("asset " + assetId + ": routes_by_method." + m.getKey() + " lists " + i + ", which is no route");
            } else {
                indexed.computeIfAbsent(i.asInt(), k -> new TreeSet<>()).add(m.getKey());
                byMethod.computeIfAbsent(m.getKey(), k -> new ArrayList<>()).add(i.asInt());
            }
        }));
        for (int i = 0; i < entries.size(); i++) {
            JsonNode r = entries.get(i);
            String where = "asset " + assetId + ": routes[" + i + "]";
            RouteTypes.problems(r).forEach(p -> problems.add(where + " " + p));
            TreeSet<String> methods = new TreeSet<>(strings(r.path("methods")));
            methods.addAll(indexed.getOrDefault(i, new TreeSet<>()));
            List<String> paths = new ArrayList<>();
            strings(r.path("paths").path("exact")).forEach(p -> paths.add("exact:" + p));
            strings(r.path("paths").path("prefix")).forEach(p -> paths.add("prefix:" + p));
            JsonNode subject = r.path("subject");
            JsonNode h = r.path("hours");
            Optional<Window> hours = h.isObject() ? Optional.of(new Window(ints(h.path("days")),
                    h.path("start_minute").asInt(-1), h.path("end_minute").asInt(-1), h.path("zone").asText(""))) : Optional.empty();
            routes.add(new Route(assetId, i, strings(r.path("rule_ids")),
                    subject.path("kind").asText("") + ":" + subject.path("id").asText(""), List.copyOf(methods), paths,
                    r.path("mfa").asBoolean(false), strings(r.path("device_postures")), strings(r.path("source_cidrs")),
                    r.path("source_pinned").asBoolean(false), hours, r.path("max_session_seconds").asLong(0),
                    r.path("max_risk").asText("")));
        }
        return byMethod;
    }

    private static EmittedBundleData broken(String problem) {
        return new EmittedBundleData(true, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), List.of(DATA + " " + problem));
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode node) {
        List<Integer> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asInt(-1)));
        return out;
    }
}
