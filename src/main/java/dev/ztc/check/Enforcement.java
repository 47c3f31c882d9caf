package dev.ztc.check;

import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.Condition;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which enforcement points can realize a rule, and which of its conditions each can express. This is
 * the one place that knows it; the compiler, the summary and verify all ask here.
 */
public final class Enforcement {

    /** Conditions each layer can express natively (see DESIGN.md and the README's coverage table). */
    private static final Map<EnforcementLayer, Set<Condition>> EXPRESSIBLE = Map.of(
            EnforcementLayer.NETWORK, EnumSet.of(Condition.FROM),
            EnforcementLayer.CLOUD_IDENTITY, EnumSet.of(Condition.MFA, Condition.FROM, Condition.DEVICE, Condition.JIT),
            EnforcementLayer.WORKFORCE_IDENTITY, EnumSet.of(Condition.MFA, Condition.FROM, Condition.DEVICE, Condition.JIT,
                    Condition.RISK),
            EnforcementLayer.APPLICATION, EnumSet.allOf(Condition.class));

    private Enforcement() {
    }

    public static boolean expresses(EnforcementLayer layer, Condition condition) {
        return EXPRESSIBLE.get(layer).contains(condition);
    }

    /**
     * By labels, as the IR's gaps name them: a gap whose layer does express its condition is an
     * approximation (jit under a 1h floor, a posture delegated to Intune), not a condition enforced nowhere.
     */
    public static boolean expresses(String layerLabel, String conditionLabel) {
        for (EnforcementLayer layer : EnforcementLayer.values()) {
            for (Condition condition : Condition.values()) {
                if (layer.label().equals(layerLabel) && condition.label().equals(conditionLabel)) {
                    return expresses(layer, condition);
                }
            }
        }
        return false;
    }

    /** The layers whose artifacts will carry this rule. */
    public static Set<EnforcementLayer> layers(ResolvedProject project, MatrixRule rule) {
        Asset asset = project.asset(rule);
        Catalog.AssetKind kind = project.kind(asset);
        Set<EnforcementLayer> layers = EnumSet.noneOf(EnforcementLayer.class);
        if (asset.networkReachable() && needsNetwork(kind, rule.can()) && hasNetworkSource(rule)) {
            layers.add(EnforcementLayer.NETWORK);
        }
        if (!iamActions(kind, rule.can()).isEmpty() && project.awsRole(rule.who()).isPresent()) {
            layers.add(EnforcementLayer.CLOUD_IDENTITY);
        }
        if (rule.who().kind().isPeople() && asset.azureAppId().isPresent() && signsIn(kind, rule.can())) {
            layers.add(EnforcementLayer.WORKFORCE_IDENTITY);
        }
        if (asset.basePath().isPresent() && servesHttp(kind, rule.can())) {
            layers.add(EnforcementLayer.APPLICATION);
        }
        return layers;
    }

    /** People's source addresses are unknown unless the rule pins them with {@code from}. */
    static boolean hasNetworkSource(MatrixRule rule) {
        return !rule.who().kind().isPeople() || !rule.when().from().isEmpty();
    }

    static boolean needsNetwork(Catalog.AssetKind kind, Action can) {
        if (can instanceof Action.OfLevel l) {
            return levelsGranted(kind, l.level()).values().stream().anyMatch(Catalog.LevelMeaning::network);
        }
        return can instanceof Action.RawHttp && kind.levels().values().stream().anyMatch(Catalog.LevelMeaning::network);
    }

    /** People sign in to apps and to HTTP APIs registered in Entra; Conditional Access guards both. */
    static boolean signsIn(Catalog.AssetKind kind, Action can) {
        if (can instanceof Action.OfLevel l) {
            return levelsGranted(kind, l.level()).values().stream().anyMatch(m -> m.appSignIn() || !m.httpMethods().isEmpty());
        }
        return can instanceof Action.RawHttp;
    }

    static boolean servesHttp(Catalog.AssetKind kind, Action can) {
        if (can instanceof Action.OfLevel l) {
            return levelsGranted(kind, l.level()).values().stream().anyMatch(m -> !m.httpMethods().isEmpty());
        }
        return can instanceof Action.RawHttp;
    }

    /** The IAM actions a rule grants: a level's own (admin: every level's), or the one raw action. */
    public static Set<String> iamActions(Catalog.AssetKind kind, Action can) {
        Set<String> out = new java.util.TreeSet<>();
        if (can instanceof Action.OfLevel l) {
            for (Catalog.LevelMeaning m : levelsGranted(kind, l.level()).values()) {
                m.iam().forEach(g -> out.addAll(g.actions()));
            }
        } else if (can instanceof Action.RawIam i) {
            out.add(i.action());
        }
        return out;
    }

    /** The level itself, or for admin every level of the kind: admin implies them all. */
    public static Map<Action.Level, Catalog.LevelMeaning> levelsGranted(Catalog.AssetKind kind, Action.Level level) {
        if (level == Action.Level.ADMIN) {
            return kind.levels();
        }
        Catalog.LevelMeaning m = kind.levels().get(level);
        return m == null ? Map.of() : Map.of(level, m);
    }
}
