package dev.ztc.compile;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.ApplicationLayer;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Hours;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Risk;

import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Application: one route per rule on an HTTP asset, carrying every condition; OPA can check them all. */
final class ApplicationCompiler {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final ResolvedProject project;

    private final Networks networks;

    ApplicationCompiler(ResolvedProject project, Networks networks) {
        this.project = project;
        this.networks = networks;
    }

    ApplicationLayer compile() {
        List<ApplicationLayer.Route> routes = project.rules().stream()
                .filter(rule -> Enforcement.layers(project, rule).contains(EnforcementLayer.APPLICATION))
                .map(this::route)
                .sorted(Comparator.comparing(ApplicationLayer.Route::assetId)
                        .thenComparing(r -> r.ruleIds().get(0)))
                .toList();
        return new ApplicationLayer(routes);
    }

    private ApplicationLayer.Route route(MatrixRule rule) {
        Asset asset = project.asset(rule);
        String basePath = asset.basePath().orElseThrow();
        TreeSet<String> methods = new TreeSet<>();
        List<String> patterns;
        if (rule.can() instanceof Action.RawHttp http) {
            methods.add(http.method());
            patterns = List.of(http.path());
        } else {
            Action.Level level = ((Action.OfLevel) rule.can()).level();
            Enforcement.levelsGranted(project.kind(asset), level).values().stream()
                    .map(Catalog.LevelMeaning::httpMethods).forEach(methods::addAll);
            // a level covers the base path itself and everything below it
            patterns = basePath.equals("/") ? List.of("/", "/*") : List.of(basePath, basePath + "/*");
        }
        var when = rule.when();
        List<String> postures = when.device().map(d -> Postures.satisfying(project, d)).orElse(List.of());
        return new ApplicationLayer.Route(asset.id(), basePath, rule.who().ref(), List.copyOf(methods), patterns,
                when.requiresMfa(), postures, networks.sourceCidrs(rule), when.hours().map(this::hours).orElse(null),
                when.jitMaxSession().map(d -> (int) d.getSeconds()).orElse(0), when.maxRisk().map(Risk::label).orElse(""),
                List.of(rule.id()));
    }

    private ApplicationLayer.Hours hours(Hours h) {
        return new ApplicationLayer.Hours(h.days().stream().map(d -> d.getValue()).sorted().toList(),
                h.start().format(HH_MM), h.end().format(HH_MM), h.zone().getId());
    }
}
