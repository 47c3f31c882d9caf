package dev.ztc.check;

import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.HttpPath;
import dev.ztc.model.MatrixRule;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Whether an action means something for an asset's kind: fail closed on anything the catalog does not define. */
final class ActionCheck {

    private ActionCheck() {
    }


    /** A request may ask for anything the kind defines; a path outside base_path is a valid (denied) request. */
    static Optional<String> forRequest(Asset asset, Catalog.AssetKind kind, Action action) {
        if (action instanceof Action.RawHttp http && kind.levels().values().stream().anyMatch(m -> !m.httpMethods().isEmpty())) {
            return methodKnown(kind, http.method());
        }
        return forRule(asset, kind, action);
    }

    /** A problem with a rule's {@code can}, or empty when the kind defines it. */
    static Optional<String> forRule(Asset asset, Catalog.AssetKind kind, Action can) {
        if (can instanceof Action.OfLevel level) {
            if (kind.level(level.level()).isEmpty()) {
                return Optional.of("level '" + level.text() + "' is not defined for kind " + kind.name()
                        + " (defined: " + levelNames(kind) + ")");
            }
            return Optional.empty();
        }
        if (can instanceof Action.RawIam iam) {
            // admin is the union of every level, so this is "in some level of the kind"
            if (!Enforcement.iamActions(kind, new Action.OfLevel(Action.Level.ADMIN)).contains(iam.action())) {
                return Optional.of("IAM action '" + iam.action() + "' is not in any level of kind " + kind.name()
                        + "; raw actions must fall inside a level (extend catalog.yaml to add one)");
            }
            return Optional.empty();
        }
        Action.RawHttp http = (Action.RawHttp) can;
        if (asset.basePath().isEmpty()) {
            return Optional.of("HTTP action '" + http.text() + "' needs an asset with a base_path; asset '" + asset.id()
                    + "' has none");
        }
        String pattern = http.path().endsWith("*") ? http.path().substring(0, http.path().length() - 1) : http.path();
        if (!HttpPath.isUnder(pattern.endsWith("/") && pattern.length() > 1 ? pattern.substring(0, pattern.length() - 1) : pattern,
                asset.basePath().get())) {
            return Optional.of("path '" + http.path() + "' is outside the base_path '" + asset.basePath().get()
                    + "' of asset '" + asset.id() + "'");
        }
        return methodKnown(kind, http.method());
    }

    private static Optional<String> methodKnown(Catalog.AssetKind kind, String method) {
        boolean known = kind.levels().values().stream().anyMatch(m -> m.httpMethods().contains(method));
        return known ? Optional.empty() : Optional.of("HTTP method " + method + " is not in any level of kind " + kind.name());
    }

    static String whyUnenforceable(ResolvedProject project, MatrixRule rule) {
        Asset asset = project.asset(rule);
        Set<String> why = new TreeSet<>();
        if (asset.networkReachable() && !Enforcement.hasNetworkSource(rule)) {
            why.add("network: people have no place on the network unless the rule gives 'from' (or reach the asset through an http-api)");
        }
        if (!Enforcement.iamActions(project.kind(asset), rule.can()).isEmpty() && project.awsRole(rule.who()).isEmpty()) {
            why.add(EnforcementLayer.CLOUD_IDENTITY.label() + ": " + rule.who() + " has no aws_role");
        }
        if (why.isEmpty()) {
            why.add("the asset kind has no enforcement point for this subject");
        }
        return String.join("; ", why);
    }

    private static String levelNames(Catalog.AssetKind kind) {
        return String.join(", ", kind.levels().keySet().stream().map(Action.Level::label).toList());
    }
}
