package dev.ztc.emit.opa;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.ztc.check.ResolvedProject;
import dev.ztc.emit.IrJson;
import dev.ztc.ir.ApplicationLayer;
import dev.ztc.model.Asset;
import dev.ztc.model.Risk;
import dev.ztc.model.User;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code data.json}: the application layer as the policy looks it up. Routes are grouped by asset and
 * indexed by method, so a decision reads only the routes of one asset and one method; base paths map to
 * assets so that a PEP that sends only a path finds its asset by lookup, not by a scan. Every choice
 * (exact or prefix pattern, minutes of the day, whether a source address is required) is made here.
 */
public final class BundleData {

    /** Bumped when the shape below changes in a way the policy must know about. */
    static final int FORMAT = 1;

    private static final ObjectWriter WRITER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build()
            .writer(IrJson.prettyPrinter());

    private BundleData() {
    }

    /** The document under {@code data.ztc}. */
    public static Map<String, Object> of(ApplicationLayer layer, ResolvedProject project) {
        Map<String, Map<String, Object>> assets = new TreeMap<>();
        Map<String, Set<String>> basePaths = new TreeMap<>();
        // every HTTP asset, routes or not: a path under an asset nobody may call must not fall to a shorter base path
        for (Asset asset : project.assets().values()) {
            asset.basePath().ifPresent(base -> {
                basePaths.computeIfAbsent(base, b -> new TreeSet<>()).add(asset.id());
                Map<String, Object> entry = new TreeMap<>();
                entry.put("base_path", base);
                entry.put("routes", new ArrayList<Map<String, Object>>());
                entry.put("routes_by_method", new TreeMap<String, List<Integer>>());
                assets.put(asset.id(), entry);
            });
        }
        Set<String> routeGroups = new TreeSet<>();
        for (ApplicationLayer.Route route : sorted(layer.routes())) {
            Map<String, Object> asset = assets.get(route.assetId());
            if (asset == null) {
                throw new IllegalStateException("route on asset " + route.assetId() + " without a base_path");
            }
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> routes = (List<Map<String, Object>>) asset.get("routes");
            @SuppressWarnings("unchecked")
            Map<String, List<Integer>> byMethod = (Map<String, List<Integer>>) asset.get("routes_by_method");
            int index = routes.size();
            routes.add(route(route));
            route.methods().forEach(m -> byMethod.computeIfAbsent(m, k -> new ArrayList<>()).add(index));
            if (route.subject().startsWith("group:")) {
                routeGroups.add(route.subject().substring("group:".length()));
            }
        }
        Map<String, Object> ztc = new TreeMap<>();
        ztc.put("format", FORMAT);
        ztc.put("assets", assets);
        Map<String, List<String>> paths = new TreeMap<>();
        basePaths.forEach((path, ids) -> paths.put(path, List.copyOf(ids)));
        ztc.put("base_paths", paths);
        ztc.put("users", users(project, routeGroups));
        Map<String, Integer> risks = new TreeMap<>();
        for (Risk risk : Risk.values()) {
            risks.put(risk.label(), risk.ordinal());
        }
        ztc.put("risk_levels", risks);
        return ztc;
    }

    /** The bytes of {@code data.json}: {@code {"ztc": ...}}, keys sorted, two-space indent, "\n" line ends. */
    public static byte[] json(Map<String, Object> ztc) {
        try {
            return (WRITER.writeValueAsString(Map.of("ztc", ztc)) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Input order must not matter: the IR is sorted already, this makes data.json independent of it. */
    private static List<ApplicationLayer.Route> sorted(List<ApplicationLayer.Route> routes) {
        List<ApplicationLayer.Route> copy = new ArrayList<>(routes);
        copy.sort(java.util.Comparator.comparing(ApplicationLayer.Route::assetId)
                .thenComparing(r -> String.join(",", r.ruleIds()))
                .thenComparing(ApplicationLayer.Route::subject)
                .thenComparing(r -> String.join(",", r.methods()))
                .thenComparing(r -> String.join(",", r.pathPatterns())));
        return copy;
    }

    private static Map<String, Object> route(ApplicationLayer.Route route) {
        Map<String, Object> out = new TreeMap<>();
        out.put("rule_ids", route.ruleIds().stream().sorted().toList());
        String[] subject = route.subject().split(":", 2);
        out.put("subject", Map.of("kind", subject[0], "id", subject[1]));
        out.put("methods", route.methods().stream().sorted().distinct().toList());
        List<String> exact = new ArrayList<>();
        List<String> prefix = new ArrayList<>();
        for (String pattern : route.pathPatterns()) {
            if (pattern.endsWith("*")) {
                prefix.add(pattern.substring(0, pattern.length() - 1));
            } else {
                exact.add(pattern);
            }
        }
        out.put("paths", Map.of("exact", exact.stream().sorted().distinct().toList(),
                "prefix", prefix.stream().sorted().distinct().toList()));
        out.put("mfa", route.mfa());
        out.put("device_postures", route.devicePostures().stream().sorted().distinct().toList());
        out.put("source_cidrs", List.copyOf(route.sourceCidrs()));
        // a service, segment or location is defined by where it calls from: no CIDRs then means nobody
        boolean pinnedBySubject = !subject[0].equals("group") && !subject[0].equals("user");
        out.put("source_pinned", pinnedBySubject || !route.sourceCidrs().isEmpty());
        if (route.hours() != null) {
            out.put("hours", hours(route.hours()));
        }
        if (route.maxSessionSeconds() > 0) {
            out.put("max_session_seconds", route.maxSessionSeconds());
        }
        if (!route.maxRisk().isEmpty()) {
            out.put("max_risk", route.maxRisk());
        }
        return out;
    }

    private static Map<String, Object> hours(ApplicationLayer.Hours hours) {
        Map<String, Object> out = new TreeMap<>();
        out.put("days", hours.days().stream().sorted().distinct().toList());
        out.put("start_minute", minutes(hours.start()));
        out.put("end_minute", minutes(hours.end()));
        out.put("zone", hours.zone());
        out.put("text", text(hours));
        return out;
    }

    private static int minutes(String hhmm) {
        String[] parts = hhmm.split(":");
        return Integer.parseInt(parts[0]) * 60 + Integer.parseInt(parts[1]);
    }

    private static String text(ApplicationLayer.Hours hours) {
        return "days " + hours.days() + " " + hours.start() + "-" + hours.end() + " " + hours.zone();
    }

    /** Users' inventory groups, limited to the groups routes name: all the policy needs, no more. */
    private static Map<String, List<String>> users(ResolvedProject project, Set<String> routeGroups) {
        Map<String, List<String>> out = new TreeMap<>();
        for (User user : project.users().values()) {
            List<String> groups = user.groups().stream().filter(routeGroups::contains).sorted().distinct().toList();
            if (!groups.isEmpty()) {
                out.put(user.id(), groups);
            }
        }
        return out;
    }
}
