package dev.ztc.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** For each asset kind, what each access level means at each enforcement point. */
public record Catalog(Map<String, AssetKind> kinds) {
    public Catalog {
        kinds = Collections.unmodifiableMap(new TreeMap<>(kinds));
    }

    public Optional<AssetKind> kind(String name) {
        return Optional.ofNullable(kinds.get(name));
    }

    /**
     * One kind. {@code requires} lists the asset fields this kind needs (segment, ports, arn, base_path,
     * azure_app_id).
     */
    public record AssetKind(String name, Set<String> requires, Map<Action.Level, LevelMeaning> levels) {
        public AssetKind {
            requires = Set.copyOf(requires);
            Map<Action.Level, LevelMeaning> copy = new java.util.EnumMap<>(Action.Level.class);
            copy.putAll(levels);
            levels = Collections.unmodifiableMap(copy);
        }

        public Optional<LevelMeaning> level(Action.Level level) {
            return Optional.ofNullable(levels.get(level));
        }
    }

    /**
     * What one level grants: network reachability of the asset's ports, IAM actions each on a resource
     * pattern ({@code {arn}}, {@code {arn}/*}, {@code {arn}/index/*}), HTTP methods under the asset's
     * base path, and sign-in to the app (Conditional Access).
     */
    public record LevelMeaning(boolean network, List<IamGrant> iam, List<String> httpMethods, boolean appSignIn) {
        public LevelMeaning {
            iam = List.copyOf(iam);
            httpMethods = List.copyOf(httpMethods);
        }
    }

    public record IamGrant(List<String> actions, List<String> resources) {
        public IamGrant {
            actions = List.copyOf(actions);
            resources = List.copyOf(resources);
        }
    }
}
