package dev.ztc.examples;

import dev.ztc.diag.InputException;
import dev.ztc.load.ProjectLoader;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.HttpPath;
import dev.ztc.model.Inventory;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Project;
import dev.ztc.model.Request;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every project under {@code examples/} loads without an input error, and its references hold together.
 * The reference checks stand in for the {@code check} stage until it exists: an example that names a
 * missing asset or a level its kind lacks would teach users a mistake.
 */
class ExamplesLoadTest {

    /** {@code -Dztc.examples=DIR} points the test at other projects, e.g. the output of scripts/gen-synthetic-org.py. */
    private static final Path EXAMPLES = Path.of(System.getProperty("ztc.examples", "examples"));

    @TestFactory
    Stream<DynamicTest> everyExampleLoadsAndResolves() throws IOException {
        List<Path> projects;
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            projects = dirs.filter(dir -> Files.isRegularFile(dir.resolve("inventory.yaml"))).sorted().toList();
        }
        assertThat(projects).as("example projects").isNotEmpty();
        return projects.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Project project = load(dir);
            assertThat(unresolved(project)).as("unresolved references in " + dir).isEmpty();
        }));
    }

    /** Loads {@code dir}, failing with every located message rather than the exception's summary. */
    static Project load(Path dir) {
        try {
            return ProjectLoader.load(dir);
        } catch (InputException e) {
            return fail(dir + " does not load:\n" + e.diagnostics().stream().map(Object::toString)
                    .collect(Collectors.joining("\n")));
        }
    }

    /** What a reader of the example would find wrong: dangling ids, levels or actions the asset's kind lacks. */
    static List<String> unresolved(Project project) {
        Inventory inv = project.inventory();
        Set<String> groups = ids(inv.groups(), g -> g.id());
        Set<String> users = ids(inv.users(), u -> u.id());
        Set<String> services = ids(inv.services(), s -> s.id());
        Set<String> segments = ids(inv.segments(), s -> s.id());
        Set<String> locations = ids(inv.locations(), l -> l.id());
        Set<String> devices = ids(inv.devices(), d -> d.id());
        Map<String, Asset> assets = inv.assets().stream().collect(Collectors.toMap(Asset::id, a -> a));
        List<String> problems = new ArrayList<>();

        inv.users().forEach(u -> u.groups().stream().filter(g -> !groups.contains(g))
                .forEach(g -> problems.add("user " + u.id() + ": unknown group " + g)));
        inv.services().stream().filter(s -> !segments.contains(s.segment()))
                .forEach(s -> problems.add("service " + s.id() + ": unknown segment " + s.segment()));
        for (Asset a : inv.assets()) {
            Optional<Catalog.AssetKind> kind = project.catalog().kind(a.kind());
            if (kind.isEmpty()) {
                problems.add("asset " + a.id() + ": unknown kind " + a.kind());
                continue;
            }
            a.segment().filter(s -> !segments.contains(s)).ifPresent(s -> problems.add("asset " + a.id() + ": unknown segment " + s));
            Map<String, Boolean> present = Map.of("segment", a.segment().isPresent(), "ports", !a.ports().isEmpty(),
                    "arn", a.arn().isPresent(), "base_path", a.basePath().isPresent(), "azure_app_id", a.azureAppId().isPresent());
            kind.get().requires().stream().filter(f -> !present.getOrDefault(f, false))
                    .forEach(f -> problems.add("asset " + a.id() + ": kind " + a.kind() + " requires " + f));
        }
        for (MatrixRule rule : project.matrix().rules()) {
            String where = "rule " + rule.id() + ": ";
            Set<String> known = switch (rule.who().kind()) {
                case GROUP -> groups;
                case USER -> users;
                case SERVICE -> services;
                case SEGMENT -> segments;
                case LOCATION -> locations;
            };
            if (!known.contains(rule.who().id())) {
                problems.add(where + "unknown subject " + rule.who());
            }
            rule.when().device().filter(d -> !devices.contains(d)).ifPresent(d -> problems.add(where + "unknown device " + d));
            rule.when().from().stream().filter(l -> !locations.contains(l)).forEach(l -> problems.add(where + "unknown location " + l));
            Asset asset = assets.get(rule.what());
            if (asset == null) {
                problems.add(where + "unknown asset " + rule.what());
            } else {
                actionProblem(project.catalog(), asset, rule.can()).ifPresent(p -> problems.add(where + p));
            }
        }
        for (Request request : project.requests()) {
            String where = "request '" + request.name() + "': ";
            request.subject().groups().stream().filter(g -> !groups.contains(g)).forEach(g -> problems.add(where + "unknown group " + g));
            request.subject().user().filter(u -> !users.contains(u)).ifPresent(u -> problems.add(where + "unknown user " + u));
            request.subject().service().filter(s -> !services.contains(s)).ifPresent(s -> problems.add(where + "unknown service " + s));
            if (request.device().orElse(null) instanceof Request.DeviceClaim.Posture posture && !devices.contains(posture.id())) {
                problems.add(where + "unknown device posture " + posture.id());
            }
            if (!assets.containsKey(request.resource())) {
                problems.add(where + "unknown asset " + request.resource());
            }
            if (request.expect().isEmpty() || request.at().isEmpty()) {
                problems.add(where + "examples state 'expect' and 'at'");
            }
        }
        return problems;
    }

    /** A rule's level must exist for the kind; a raw action must lie inside one of the kind's levels. */
    private static Optional<String> actionProblem(Catalog catalog, Asset asset, Action action) {
        Optional<Catalog.AssetKind> kind = catalog.kind(asset.kind());
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        var levels = kind.get().levels().values();
        boolean ok;
        if (action instanceof Action.OfLevel l) {
            ok = kind.get().level(l.level()).isPresent();
        } else if (action instanceof Action.RawIam iam) {
            ok = levels.stream().flatMap(m -> m.iam().stream()).anyMatch(g -> g.actions().contains(iam.action()));
        } else {
            Action.RawHttp http = (Action.RawHttp) action;
            String prefix = http.path().replaceAll("/?\\*$", "");
            ok = levels.stream().anyMatch(m -> m.httpMethods().contains(http.method()))
                    && asset.basePath().map(base -> HttpPath.isUnder(prefix.isEmpty() ? "/" : prefix, base)).orElse(false);
        }
        return ok ? Optional.empty() : Optional.of("'" + action.text() + "' is not something a " + asset.kind() + " offers");
    }

    private static <T> Set<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).collect(Collectors.toSet());
    }
}
