package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedBundleData;
import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Asset;
import dev.ztc.model.Conditions;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Risk;
import dev.ztc.model.User;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZT106: every route of the emitted OPA {@code data.json} (parsed) traces to matrix rules that realize the
 * application layer on that asset, and grants no more than they do: methods from the catalog levels (or the raw
 * HTTP rule's method), exactly the rule's path patterns within the asset's base path, the rule's subject, and
 * conditions no weaker (MFA, device postures at least as strict, sources within the rule's, equal hours, session
 * and risk no longer or higher). The tables the policy reads beside the routes (users' groups, risk levels, base
 * paths) must match the inventory too, since a wrong entry there widens every route at once.
 */
public final class OpaDataSoundness extends DeclaredCheck {

    public OpaDataSoundness() {
        super("ZT106", Severity.ERROR, Tenet.DYNAMIC_POLICY, Pillar.APPLICATIONS_AND_WORKLOADS,
                "every OPA data route traces to a matrix rule and grants no more methods, paths, callers or laxer conditions");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        EmittedBundleData data = context.bundleData();
        if (!data.present()) {
            return List.of(); // nothing emitted grants nothing; ZT104 reports the routes that are missing
        }
        List<Finding> out = new ArrayList<>();
        data.problems().forEach(p -> out.add(finding(context.matrixFile(), List.of(), p, EmittedBundleData.DATA)));
        for (EmittedBundleData.Route route : data.routes()) {
            problem(context, route).ifPresent(p -> out.add(finding(context.locationOf(route.ruleIds()), route.ruleIds(),
                    "route " + route.index() + " of asset:" + route.assetId() + " " + p, route.artifact())));
        }
        tables(context, data).forEach(p -> out.add(finding(context.matrixFile(), List.of(), p, EmittedBundleData.DATA)));
        return out;
    }

    private Optional<String> problem(VerifyContext context, EmittedBundleData.Route route) {
        if (route.ruleIds().isEmpty()) {
            return Optional.of("names no matrix rule: nothing in the matrix grants it");
        }
        ResolvedProject project = context.project();
        Set<String> methods = new TreeSet<>();
        Set<String> paths = new TreeSet<>();
        List<MatrixRule> rules = new ArrayList<>();
        for (String id : route.ruleIds()) {
            Optional<MatrixRule> rule = context.rule(id);
            if (rule.isEmpty()) {
                return Optional.of("names rule " + id + ", which the matrix does not define");
            }
            if (!rule.get().what().equals(route.assetId())
                    || !Enforcement.layers(project, rule.get()).contains(EnforcementLayer.APPLICATION)) {
                return Optional.of("names rule " + id + ", which grants nothing over HTTP on asset:" + route.assetId());
            }
            methods.addAll(Grants.httpMethods(project, rule.get()));
            paths.addAll(Grants.httpPaths(project, rule.get()));
            rules.add(rule.get());
        }
        Set<String> extra = new TreeSet<>(route.methods());
        extra.removeAll(methods);
        if (!extra.isEmpty()) {
            return Optional.of("allows methods " + extra + " beyond the methods " + methods + " of " + String.join(", ", route.ruleIds()));
        }
        String base = context.bundleData().basePaths().getOrDefault(route.assetId(), "");
        for (String path : route.paths()) {
            if (!under(path.substring(path.indexOf(':') + 1), base)) {
                return Optional.of("matches " + path + ", outside the base path " + base);
            }
        }
        if (!new TreeSet<>(route.paths()).equals(paths)) {
            return Optional.of("matches paths " + new TreeSet<>(route.paths()) + " but " + String.join(", ", route.ruleIds())
                    + " grant " + paths);
        }
        for (MatrixRule rule : rules) {
            if (!route.subject().equals(rule.who().ref())) {
                return Optional.of("admits " + route.subject() + " but rule " + rule.id() + " grants " + rule.who().ref());
            }
            Optional<String> laxer = laxerConditions(project, rule, route);
            if (laxer.isPresent()) {
                return Optional.of("is laxer than rule " + rule.id() + ": " + laxer.get());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> laxerConditions(ResolvedProject project, MatrixRule rule, EmittedBundleData.Route route) {
        Conditions when = rule.when();
        if (when.requiresMfa() && !route.mfa()) {
            return Optional.of("MFA not required");
        }
        if (when.device().isPresent()) {
            Set<String> strict = Grants.posturesSatisfying(project, when.device().get());
            if (route.devicePostures().isEmpty() || !strict.containsAll(route.devicePostures())) {
                return Optional.of("device postures " + (route.devicePostures().isEmpty() ? "any" : route.devicePostures())
                        + ", weaker than the posture '" + when.device().get() + "'");
            }
        }
        List<String> sources = Grants.sourceCidrs(project, rule);
        // people without 'from' may call from anywhere; everyone else is pinned to the rule's addresses
        if (!Grants.isPeople(rule) || !when.from().isEmpty()) {
            if (!route.sourcePinned() || route.sourceCidrs().stream().anyMatch(c -> !Grants.covered(c, sources))) {
                return Optional.of("sources " + (route.sourcePinned() ? route.sourceCidrs() : "anywhere")
                        + ", wider than " + sources);
            }
        }
        Optional<EmittedBundleData.Window> hours = when.hours().map(h -> new EmittedBundleData.Window(
                h.days().stream().map(d -> d.getValue()).toList(), h.start().getHour() * 60 + h.start().getMinute(),
                h.end().getHour() * 60 + h.end().getMinute(), h.zone().getId()));
        if (!route.hours().equals(hours)) {
            return Optional.of("hours " + route.hours().map(Object::toString).orElse("none") + ", not "
                    + hours.map(Object::toString).orElse("none"));
        }
        if (when.jitMaxSession().isPresent()) {
            long max = when.jitMaxSession().get().getSeconds();
            if (route.maxSessionSeconds() <= 0 || route.maxSessionSeconds() > max) {
                return Optional.of("sessions of " + (route.maxSessionSeconds() <= 0 ? "any age" : route.maxSessionSeconds() + "s")
                        + ", longer than " + max + "s");
            }
        }
        if (when.maxRisk().isPresent()) {
            Optional<Risk> risk = Risk.parse(route.maxRisk());
            if (risk.isEmpty() || risk.get().compareTo(when.maxRisk().get()) > 0) {
                return Optional.of("sign-in risk " + (risk.isEmpty() ? "of any level" : "up to " + route.maxRisk())
                        + ", above " + when.maxRisk().get().label());
            }
        }
        return Optional.empty();
    }

    /** Users' groups, risk levels and base paths: shared by every route, so a wrong entry widens them all. */
    private static List<String> tables(VerifyContext context, EmittedBundleData data) {
        ResolvedProject project = context.project();
        List<String> out = new ArrayList<>();
        data.users().forEach((id, groups) -> {
            User user = project.users().get(id);
            List<String> foreign = groups.stream().filter(g -> user == null || !user.groups().contains(g)).toList();
            if (!foreign.isEmpty()) {
                out.add("users." + id + " puts " + (user == null ? "an unknown user" : "user " + id) + " in groups "
                        + foreign + " the inventory does not");
            }
        });
        for (Risk risk : Risk.values()) {
            if (!Integer.valueOf(risk.ordinal()).equals(data.riskLevels().get(risk.label()))) {
                out.add("risk_levels." + risk.label() + " is " + data.riskLevels().get(risk.label()) + ", not " + risk.ordinal()
                        + ": every risk condition compares through it");
            }
        }
        data.basePaths().forEach((assetId, base) -> {
            Asset asset = project.assets().get(assetId);
            if (asset == null || !asset.basePath().orElse("").equals(base)) {
                out.add("assets." + assetId + ".base_path is '" + base + "', not the inventory's "
                        + (asset == null ? "(no such asset)" : asset.basePath().orElse("(none)")));
            }
        });
        return out;
    }

    /** As the policy's {@code under}: the base path itself or below it; everything is under "/". */
    private static boolean under(String path, String base) {
        return base.equals("/") || path.equals(base) || path.startsWith(base + "/");
    }
}
