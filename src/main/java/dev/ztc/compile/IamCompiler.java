package dev.ztc.compile;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.CloudIdentityLayer;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.WorkloadRuntime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Cloud identity: one role per {@code aws_role}; one statement per (asset, level, resource set, conditions),
 * with exact ARNs from the catalog's resource patterns and the rule's conditions as IAM condition keys.
 */
final class IamCompiler {

    /** The session tag the identity provider sets to the posture id the device satisfies (README: "device contract"). */
    static final String DEVICE_TAG = "aws:PrincipalTag/ztc-device-posture";
    /** IAM's own bounds on a role's maximum session duration. */
    static final Duration MIN_SESSION = Duration.ofHours(1);
    static final Duration MAX_SESSION = Duration.ofHours(12);

    private final ResolvedProject project;
    private final Map<String, RoleBuilder> roles = new TreeMap<>();

    private final Networks networks;

    IamCompiler(ResolvedProject project, Networks networks) {
        this.project = project;
        this.networks = networks;
    }

    CloudIdentityLayer compile() {
        for (MatrixRule rule : project.rules()) {
            if (Enforcement.layers(project, rule).contains(EnforcementLayer.CLOUD_IDENTITY)) {
                realize(rule);
            }
        }
        return new CloudIdentityLayer(roles.entrySet().stream().map(e -> e.getValue().build(e.getKey())).toList());
    }

    private void realize(MatrixRule rule) {
        String roleName = project.awsRole(rule.who()).orElseThrow();
        RoleBuilder role = roles.computeIfAbsent(roleName,
                n -> new RoleBuilder(rule.who().kind().isPeople() ? "people" : "workload"));
        role.principals.add(rule.who().id());
        if (rule.who().kind() == dev.ztc.model.Subject.Kind.SERVICE) {
            WorkloadRuntime runtime = project.services().get(rule.who().id()).runsOn();
            role.servicePrincipals.add(runtime.servicePrincipal());
            role.trustActions.addAll(runtime.trustActions());
        }
        role.ruleIds.add(rule.id());
        rule.when().jitMaxSession().ifPresent(max -> role.maxSession = role.maxSession == null
                ? max : (max.compareTo(role.maxSession) < 0 ? max : role.maxSession));

        Asset asset = project.asset(rule);
        Map<String, Map<String, List<String>>> conditions = conditions(rule);
        for (Map.Entry<List<String>, TreeSet<String>> grant : grants(project.kind(asset), rule.can()).entrySet()) {
            List<String> resources = grant.getKey().stream()
                    .map(p -> p.replace("{arn}", asset.arn().orElseThrow())).sorted().toList();
            String key = asset.id() + "|" + resources + "|" + grant.getValue() + "|" + conditions;
            role.statements.computeIfAbsent(key, k -> new StatementBuilder(asset.id(), List.copyOf(grant.getValue()),
                    resources, conditions, sidBase(rule))).ruleIds.add(rule.id());
        }
    }

    /** Resource pattern set → actions: actions on the same resources share a statement, and never widen to others. */
    static Map<List<String>, TreeSet<String>> grants(Catalog.AssetKind kind, Action can) {
        Map<List<String>, TreeSet<String>> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        Map<Action.Level, Catalog.LevelMeaning> levels = can instanceof Action.OfLevel l
                ? Enforcement.levelsGranted(kind, l.level()) : kind.levels();
        for (Catalog.LevelMeaning meaning : levels.values()) {
            for (Catalog.IamGrant g : meaning.iam()) {
                List<String> resources = g.resources().stream().sorted().toList();
                for (String action : g.actions()) {
                    if (can instanceof Action.OfLevel || action.equals(((Action.RawIam) can).action())) {
                        out.computeIfAbsent(resources, r -> new TreeSet<>()).add(action);
                    }
                }
            }
        }
        return out;
    }

    private Map<String, Map<String, List<String>>> conditions(MatrixRule rule) {
        Map<String, Map<String, List<String>>> out = new TreeMap<>();
        if (rule.when().requiresMfa()) {
            // Allow only when the key is present and true: an absent key (no MFA, or long-term keys) fails it.
            out.computeIfAbsent("Bool", k -> new TreeMap<>()).put("aws:MultiFactorAuthPresent", List.of("true"));
        }
        if (!rule.when().from().isEmpty()) {
            out.computeIfAbsent("IpAddress", k -> new TreeMap<>()).put("aws:SourceIp",
                    networks.locationCidrs(rule.when().from()));
        }
        rule.when().device().ifPresent(d -> out.computeIfAbsent("StringEquals", k -> new TreeMap<>())
                .put(DEVICE_TAG, Postures.satisfying(project, d)));
        return out;
    }

    /** Sids are alphanumeric: the rule id without punctuation, then the level, e.g. FIN1Read. */
    private static String sidBase(MatrixRule rule) {
        String level = rule.can() instanceof Action.OfLevel l ? l.level().label() : "action";
        return rule.id().replaceAll("[^A-Za-z0-9]", "") + level.substring(0, 1).toUpperCase(Locale.ROOT) + level.substring(1);
    }

    private static final class RoleBuilder {
        final String principalKind;
        final TreeSet<String> principals = new TreeSet<>();
        final TreeSet<String> ruleIds = new TreeSet<>();
        final TreeSet<String> servicePrincipals = new TreeSet<>();
        final TreeSet<String> trustActions = new TreeSet<>();
        final Map<String, StatementBuilder> statements = new TreeMap<>();
        Duration maxSession;

        RoleBuilder(String principalKind) {
            this.principalKind = principalKind;
        }

        CloudIdentityLayer.Role build(String name) {
            Map<String, Integer> sidCounts = new LinkedHashMap<>();
            List<CloudIdentityLayer.Statement> out = new ArrayList<>();
            for (StatementBuilder s : statements.values()) {
                int n = sidCounts.merge(s.sidBase, 1, Integer::sum);
                out.add(new CloudIdentityLayer.Statement(n == 1 ? s.sidBase : s.sidBase + n, s.assetId, s.actions,
                        s.resources, s.conditions, List.copyOf(s.ruleIds)));
            }
            int seconds = maxSession == null ? 0 : (int) clamp(maxSession).getSeconds();
            return new CloudIdentityLayer.Role(name, principalKind, List.copyOf(principals), seconds, out, List.copyOf(ruleIds),
                    List.copyOf(servicePrincipals), List.copyOf(trustActions));
        }
    }

    static Duration clamp(Duration session) {
        return session.compareTo(MIN_SESSION) < 0 ? MIN_SESSION : session.compareTo(MAX_SESSION) > 0 ? MAX_SESSION : session;
    }

    private static final class StatementBuilder {
        final String assetId;
        final List<String> actions;
        final List<String> resources;
        final Map<String, Map<String, List<String>>> conditions;
        final String sidBase;
        final TreeSet<String> ruleIds = new TreeSet<>();

        StatementBuilder(String assetId, List<String> actions, List<String> resources,
                         Map<String, Map<String, List<String>>> conditions, String sidBase) {
            this.assetId = assetId;
            this.actions = actions;
            this.resources = resources;
            this.conditions = conditions;
            this.sidBase = sidBase;
        }
    }
}
