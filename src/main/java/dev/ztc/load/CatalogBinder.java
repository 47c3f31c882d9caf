package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.model.Action;
import dev.ztc.model.Catalog;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Binds an action catalog: the built-in one shipped with ztc, or a project's {@code catalog.yaml}. */
final class CatalogBinder {

    static final Set<String> ASSET_FIELDS = Set.of("segment", "ports", "arn", "base_path", "azure_app_id");
    private static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]{2,32}:[A-Za-z0-9]{1,128}");
    private static final Pattern RESOURCE = Pattern.compile("\\{arn\\}(/[A-Za-z0-9_*./-]*)?");
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final Diagnostics diagnostics;

    CatalogBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Catalog> bind(Node root) {
        return MapReader.of(root, diagnostics, "the catalog").map(r -> {
            Binding.version(r);
            Map<String, Catalog.AssetKind> kinds = new LinkedHashMap<>();
            r.node("kinds").ifPresent(node -> {
                if (node instanceof Node.MapNode map) {
                    for (Node.Field f : map.fields().values()) {
                        if (!Names.isSafeId(f.key())) {
                            diagnostics.error(f.keyLocation(), ErrorCode.UNSAFE_IDENTIFIER, "asset kind '" + Names.printable(f.key()) + "' is not a simple name");
                            continue;
                        }
                        MapReader.of(f.value(), diagnostics, "kind '" + f.key() + "'").map(k -> kind(f.key(), k))
                                .ifPresent(kind -> kinds.put(f.key(), kind));
                    }
                } else {
                    r.error("kinds", ErrorCode.WRONG_TYPE, "'kinds' must be a mapping of kind name to its levels");
                }
            });
            r.finish();
            return new Catalog(kinds);
        });
    }

    private Catalog.AssetKind kind(String name, MapReader r) {
        Set<String> requires = new TreeSet<>();
        for (MapReader.Located<String> field : r.strings("requires")) {
            if (ASSET_FIELDS.contains(field.value())) {
                requires.add(field.value());
            } else {
                diagnostics.error(field.at(), ErrorCode.INVALID_VALUE, "'requires' names asset fields (" +
                        String.join(", ", new TreeSet<>(ASSET_FIELDS)) + "), not '" + Names.printable(field.value()) + "'");
            }
        }
        Map<Action.Level, Catalog.LevelMeaning> levels = new EnumMap<>(Action.Level.class);
        r.node("levels").ifPresent(node -> {
            if (!(node instanceof Node.MapNode map)) {
                r.error("levels", ErrorCode.WRONG_TYPE, "'levels' must be a mapping of level to its meaning");
                return;
            }
            for (Node.Field f : map.fields().values()) {
                Optional<Action.Level> level = Action.Level.parse(f.key());
                if (level.isEmpty()) {
                    diagnostics.error(f.keyLocation(), ErrorCode.UNKNOWN_LEVEL, "'" + Names.printable(f.key())
                            + "' is not a level (" + String.join(", ", Values.levelNames()) + ")");
                    continue;
                }
                MapReader.of(f.value(), diagnostics, "level '" + f.key() + "' of kind '" + name + "'")
                        .map(this::meaning).ifPresent(m -> levels.put(level.get(), m));
            }
        });
        r.finish();
        return new Catalog.AssetKind(name, requires, levels);
    }

    private Catalog.LevelMeaning meaning(MapReader r) {
        boolean network = r.bool("network").orElse(false);
        List<Catalog.IamGrant> iam = r.each("iam", "IAM grant", g -> {
            List<String> actions = g.strings("actions").stream().map(MapReader.Located::value).toList();
            List<String> resources = g.strings("resources").stream().map(MapReader.Located::value).toList();
            for (String a : actions) {
                if (!IAM_ACTION.matcher(a).matches()) {
                    g.error("actions", ErrorCode.INVALID_VALUE, "'" + Names.printable(a) + "' is not an IAM action without wildcards");
                }
            }
            for (String res : resources) {
                if (!RESOURCE.matcher(res).matches()) {
                    g.error("resources", ErrorCode.INVALID_VALUE, "resource pattern '" + Names.printable(res) + "' must be {arn} or {arn}/suffix");
                }
            }
            if (actions.isEmpty() || resources.isEmpty()) {
                g.error("actions", ErrorCode.MISSING_FIELD, "an IAM grant needs 'actions' and 'resources'");
            }
            g.finish();
            return Optional.of(new Catalog.IamGrant(actions, resources));
        });
        List<String> http = r.strings("http").stream().map(MapReader.Located::value).toList();
        for (String method : http) {
            if (!METHODS.contains(method)) {
                r.error("http", ErrorCode.INVALID_VALUE, "'" + Names.printable(method) + "' is not an HTTP method");
            }
        }
        boolean app = r.bool("app").orElse(false);
        r.finish();
        return new Catalog.LevelMeaning(network, iam, http, app);
    }
}
