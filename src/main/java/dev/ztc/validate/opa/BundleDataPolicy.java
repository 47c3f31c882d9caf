package dev.ztc.validate.opa;

import dev.ztc.artifact.EmittedBundleData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * ztc's Java evaluation of the bundle, for machines without {@code opa} ({@code --no-opa}): the semantics of
 * {@code templates/opa/policy.rego} over the emitted {@code data.json}, read back as {@link EmittedBundleData}.
 * Routes are looked up as the policy looks them up, through {@code routes_by_method}, not the routes' own
 * {@code methods}. Only the plain input shape with a {@code resource} is taken, which is all validate sends.
 */
public final class BundleDataPolicy implements PolicyEngine {

    private final EmittedBundleData data;
    private final Map<String, List<EmittedBundleData.Route>> routesByAsset;
    private final RouteConditions conditions;

    /** {@code data} must be free of problems: a document the policy would read differently is not guessed at. */
    public BundleDataPolicy(EmittedBundleData data) {
        if (!data.problems().isEmpty()) {
            throw new IllegalArgumentException("data.json has problems: " + data.problems());
        }
        this.data = data;
        this.routesByAsset = data.routes().stream().collect(Collectors.groupingBy(EmittedBundleData.Route::assetId, TreeMap::new,
                Collectors.collectingAndThen(Collectors.toList(), l -> l.stream()
                        .sorted(java.util.Comparator.comparingInt(EmittedBundleData.Route::index)).toList())));
        this.conditions = new RouteConditions(data.riskLevels());
    }

    @Override
    public String description() {
        return "ztc's Java evaluation of opa/data.json";
    }

    @Override
    public List<PolicyDecision> decide(List<Map<String, Object>> inputs) {
        return inputs.stream().map(this::decide).toList();
    }

    PolicyDecision decide(Map<String, Object> input) {
        if (!(input.get("resource") instanceof String)) {
            throw new IllegalArgumentException("the Java evaluation takes the plain input shape with a resource");
        }
        PlainRequest req = PlainRequest.of(input);
        if (req.badTime()) {
            // an unparseable time leaves the policy's whole request undefined: no method, no path
            return deny(List.of("path has no normal form", "request has no method"));
        }
        String path = RegoPath.normal(req.rawPath()).orElse(null);
        String assetId = req.resource().startsWith("asset:") ? req.resource().substring("asset:".length()) : req.resource();
        String base = data.basePaths().get(assetId);
        TreeSet<String> problems = new TreeSet<>();
        if (req.method() == null) {
            problems.add("request has no method");
        }
        if (path == null) {
            problems.add("path has no normal form");
        }
        if (base == null) {
            problems.add("asset " + assetId + " is not served by this bundle");
        } else if (path != null && !under(path, base)) {
            problems.add("path is outside base path " + base);
        }
        if (!problems.isEmpty()) {
            return deny(List.copyOf(problems));
        }
        List<EmittedBundleData.Route> routes = routesByAsset.getOrDefault(assetId, List.of());
        List<EmittedBundleData.Route> candidates = new TreeSet<>(data.routesByMethod().getOrDefault(assetId, Map.of())
                .getOrDefault(req.method(), List.of())).stream().map(routes::get)
                .filter(r -> pathMatches(r.paths(), path) && callerMatches(r, req)).toList();
        TreeSet<String> granting = new TreeSet<>();
        List<String> reasons = new ArrayList<>();
        for (EmittedBundleData.Route route : candidates) {
            List<String> failures = conditions.failures(route, req);
            if (failures.isEmpty()) {
                granting.addAll(route.ruleIds());
            }
            failures.forEach(f -> route.ruleIds().forEach(id -> reasons.add(id + ": " + f)));
        }
        if (!granting.isEmpty()) {
            return new PolicyDecision(true, List.copyOf(granting), List.of());
        }
        if (candidates.isEmpty()) {
            return deny(List.of("no route matches"));
        }
        return deny(reasons.stream().sorted().toList());
    }

    private static PolicyDecision deny(List<String> reasons) {
        return new PolicyDecision(false, List.of(), reasons);
    }

    private static boolean under(String path, String base) {
        return base.equals("/") || path.equals(base) || path.startsWith(base + "/");
    }

    /** {@code paths} as EmittedBundleData lists them: {@code exact:<p>} (also with one trailing slash) or {@code prefix:<p>}. */
    private static boolean pathMatches(List<String> paths, String path) {
        for (String pattern : paths) {
            if (pattern.startsWith("exact:")) {
                String exact = pattern.substring("exact:".length());
                if (path.equals(exact) || path.equals(exact + "/")) {
                    return true;
                }
            } else if (pattern.startsWith("prefix:") && path.startsWith(pattern.substring("prefix:".length()))) {
                return true;
            }
        }
        return false;
    }

    private boolean callerMatches(EmittedBundleData.Route route, PlainRequest req) {
        String[] subject = route.subject().split(":", 2);
        String kind = subject[0];
        String id = subject[1];
        return switch (kind) {
            // a group membership the inventory records counts as much as one the proxy asserts
            case "group" -> req.groups().contains(id) || (req.user() != null && data.users().getOrDefault(req.user(), List.of()).contains(id));
            case "user" -> id.equals(req.user());
            // a service is only itself from its segment: the source condition checks that
            case "service" -> id.equals(req.service());
            case "segment", "location" -> RouteConditions.sourceIn(route.sourceCidrs(), req.sourceIp());
            default -> false;
        };
    }
}
