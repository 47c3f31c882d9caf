package dev.ztc.intent;

import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.HttpPath;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a rule's {@code can} covers the action a request asks for on an asset, from the
 * catalog meaning of the asset's kind. Levels are independent except {@code admin}, which covers every
 * level of the kind; a raw action in a rule grants only itself.
 */
final class ActionMatcher {

    /** The request's action made ready for matching, or why no rule can grant it. */
    sealed interface Asked {
        record Matchable(Action action) implements Asked {
        }

        record Unmatchable(String why) implements Asked {
        }
    }

    /** Per kind, its IAM actions and HTTP methods level by level, and their unions for admin. */
    private record KindActions(Set<Action.Level> levels, Map<Action.Level, List<String>> iam,
                               Map<Action.Level, Set<String>> methods, List<String> allIam, Set<String> allMethods) {
    }

    private final Map<String, KindActions> kinds = new HashMap<>();

    ActionMatcher(Catalog catalog) {
        catalog.kinds().forEach((name, kind) -> kinds.put(name, index(kind)));
    }

    private static KindActions index(Catalog.AssetKind kind) {
        Map<Action.Level, List<String>> iam = new EnumMap<>(Action.Level.class);
        Map<Action.Level, Set<String>> methods = new EnumMap<>(Action.Level.class);
        Set<String> allIam = new LinkedHashSet<>();
        Set<String> allMethods = new LinkedHashSet<>();
        kind.levels().forEach((level, meaning) -> {
            List<String> actions = meaning.iam().stream().flatMap(g -> g.actions().stream()).toList();
            iam.put(level, actions);
            methods.put(level, Set.copyOf(meaning.httpMethods()));
            allIam.addAll(actions);
            allMethods.addAll(meaning.httpMethods());
        });
        return new KindActions(kind.levels().keySet(), iam, methods, List.copyOf(allIam), Set.copyOf(allMethods));
    }

    /**
     * Checks what can be checked once per request. An HTTP path is normalized here, whatever the caller
     * did before, and must stay the same when normalized again: a path that still decodes after one
     * normalization was encoded twice and means different things to different servers, so it gets nothing.
     */
    Asked prepare(Action requested, Asset asset) {
        KindActions kind = kinds.get(asset.kind());
        if (kind == null) {
            return new Asked.Unmatchable("asset:" + asset.id() + " has kind '" + asset.kind() + "' that the catalog does not define");
        }
        if (requested instanceof Action.OfLevel level && !kind.levels().contains(level.level())) {
            return new Asked.Unmatchable("kind " + asset.kind() + " has no level " + level.level().label());
        }
        if (!(requested instanceof Action.RawHttp http)) {
            return new Asked.Matchable(requested);
        }
        if (asset.basePath().isEmpty()) {
            return new Asked.Unmatchable("asset:" + asset.id() + " has no base_path, so no HTTP request matches it");
        }
        Optional<String> normal = HttpPath.normalize(http.path());
        if (normal.isEmpty() || !normal.equals(HttpPath.normalize(normal.get()))) {
            return new Asked.Unmatchable("path " + http.path() + " has no normal form");
        }
        String base = asset.basePath().get();
        if (!HttpPath.isUnder(normal.get(), base)) {
            return new Asked.Unmatchable("path " + normal.get() + " is outside base_path " + base + " of asset:" + asset.id());
        }
        return new Asked.Matchable(new Action.RawHttp(http.method(), normal.get()));
    }

    /** {@code asked} must come from {@link #prepare} for the same asset. */
    boolean grants(Action ruleCan, Action asked, Asset asset) {
        KindActions kind = kinds.get(asset.kind());
        if (kind == null) {
            return false;
        }
        if (asked instanceof Action.OfLevel level) {
            // a raw action in a rule grants less than any level, so a level request never matches it
            return ruleCan instanceof Action.OfLevel rule
                    && kind.levels().contains(rule.level())
                    && (rule.level() == level.level() || rule.level() == Action.Level.ADMIN);
        }
        if (asked instanceof Action.RawIam iam) {
            return grantsIam(ruleCan, iam.action(), kind);
        }
        return asked instanceof Action.RawHttp http && grantsHttp(ruleCan, http, kind);
    }

    private static boolean grantsIam(Action ruleCan, String action, KindActions kind) {
        if (ruleCan instanceof Action.RawIam rule) {
            return IamActionPattern.covers(rule.action(), action);
        }
        if (ruleCan instanceof Action.OfLevel rule) {
            List<String> granted = rule.level() == Action.Level.ADMIN
                    ? kind.allIam() : kind.iam().getOrDefault(rule.level(), List.of());
            return kind.levels().contains(rule.level())
                    && granted.stream().anyMatch(pattern -> IamActionPattern.covers(pattern, action));
        }
        return false;
    }

    private static boolean grantsHttp(Action ruleCan, Action.RawHttp asked, KindActions kind) {
        if (ruleCan instanceof Action.RawHttp rule) {
            return rule.method().equals(asked.method()) && HttpPath.matches(rule.path(), asked.path());
        }
        if (ruleCan instanceof Action.OfLevel rule && kind.levels().contains(rule.level())) {
            Set<String> methods = rule.level() == Action.Level.ADMIN
                    ? kind.allMethods() : kind.methods().getOrDefault(rule.level(), Set.of());
            // HTTP methods are case-sensitive: "get" is not GET
            return methods.contains(asked.method());
        }
        return false;
    }
}
