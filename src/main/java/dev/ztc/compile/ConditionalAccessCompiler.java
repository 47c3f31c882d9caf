package dev.ztc.compile;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.WorkforceIdentityLayer;
import dev.ztc.model.Asset;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Risk;
import dev.ztc.model.Subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Workforce identity: per Entra app, everyone the matrix names (all others are blocked), and one grant per
 * distinct set of controls, gathering the groups and users that must meet exactly those controls.
 */
final class ConditionalAccessCompiler {

    private final ResolvedProject project;
    /** App asset id → grant key → grant under construction. */
    private final Map<String, Map<String, GrantBuilder>> apps = new TreeMap<>();

    ConditionalAccessCompiler(ResolvedProject project) {
        this.project = project;
    }

    WorkforceIdentityLayer compile() {
        for (MatrixRule rule : project.rules()) {
            if (Enforcement.layers(project, rule).contains(EnforcementLayer.WORKFORCE_IDENTITY)) {
                realize(rule);
            }
        }
        List<WorkforceIdentityLayer.App> out = new ArrayList<>();
        apps.forEach((assetId, grants) -> {
            Asset asset = project.assets().get(assetId);
            TreeSet<String> groups = new TreeSet<>();
            TreeSet<String> users = new TreeSet<>();
            List<WorkforceIdentityLayer.Grant> built = new ArrayList<>();
            grants.forEach((key, g) -> {
                groups.addAll(g.groups);
                users.addAll(g.users);
                built.add(g.build(key));
            });
            out.add(new WorkforceIdentityLayer.App(assetId, asset.azureAppId().orElseThrow(), List.copyOf(groups),
                    List.copyOf(users), built));
        });
        return new WorkforceIdentityLayer(out);
    }

    private void realize(MatrixRule rule) {
        var when = rule.when();
        List<String> postures = when.device().map(d -> Postures.satisfying(project, d)).orElse(List.of());
        int frequency = when.jitMaxSession().map(d -> (int) d.toMinutes()).orElse(0);
        String risk = when.maxRisk().map(Risk::label).orElse("");
        String key = controlsKey(when.requiresMfa(), when.device().orElse(""), when.from(), frequency, risk);
        GrantBuilder grant = apps.computeIfAbsent(rule.what(), a -> new TreeMap<>())
                .computeIfAbsent(key, k -> new GrantBuilder(when.requiresMfa(), postures, when.from(), frequency, risk));
        (rule.who().kind() == Subject.Kind.GROUP ? grant.groups : grant.users).add(rule.who().id());
        grant.ruleIds.add(rule.id());
    }

    /** A readable, stable identity for a set of controls: "mfa+device-managed+from-corp-office+sif-60m+risk-low". */
    static String controlsKey(boolean mfa, String device, List<String> from, int frequency, String risk) {
        List<String> parts = new ArrayList<>();
        if (mfa) {
            parts.add("mfa");
        }
        if (!device.isEmpty()) {
            parts.add("device-" + device);
        }
        from.forEach(l -> parts.add("from-" + l));
        if (frequency > 0) {
            parts.add("sif-" + frequency + "m");
        }
        if (!risk.isEmpty()) {
            parts.add("risk-" + risk);
        }
        return parts.isEmpty() ? "baseline" : String.join("+", parts);
    }

    private static final class GrantBuilder {
        final boolean mfa;
        final List<String> postures;
        final List<String> locations;
        final int frequency;
        final String risk;
        final TreeSet<String> groups = new TreeSet<>();
        final TreeSet<String> users = new TreeSet<>();
        final TreeSet<String> ruleIds = new TreeSet<>();

        GrantBuilder(boolean mfa, List<String> postures, List<String> locations, int frequency, String risk) {
            this.mfa = mfa;
            this.postures = postures;
            this.locations = locations;
            this.frequency = frequency;
            this.risk = risk;
        }

        WorkforceIdentityLayer.Grant build(String key) {
            return new WorkforceIdentityLayer.Grant(key, List.copyOf(groups), List.copyOf(users), mfa, !postures.isEmpty(),
                    postures, locations, frequency, risk, List.copyOf(ruleIds));
        }
    }
}
