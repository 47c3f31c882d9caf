package dev.ztc.check;

import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.Group;
import dev.ztc.model.Located;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.NamedNetwork;
import dev.ztc.model.Project;
import dev.ztc.model.Service;
import dev.ztc.model.Subject;
import dev.ztc.model.User;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A project whose references all resolve: the output of stage "check". Lookups by id never miss for
 * ids the matrix uses, so later stages need no defensive code.
 */
public record ResolvedProject(Project project, Map<String, Group> groups, Map<String, User> users,
                              Map<String, Service> services, Map<String, DeviceProfile> devices,
                              Map<String, NamedNetwork> locations, Map<String, NamedNetwork> segments,
                              Map<String, Asset> assets) {

    static ResolvedProject of(Project project) {
        var inv = project.inventory();
        return new ResolvedProject(project, index(inv.groups()), index(inv.users()), index(inv.services()),
                index(inv.devices()), index(inv.locations()), index(inv.segments()), index(inv.assets()));
    }

    /** The same project with the Conditional Access state a run asks for (--ca-state). */
    public ResolvedProject withConditionalAccessState(dev.ztc.model.Settings.ConditionalAccessState state) {
        Project p = project;
        Project changed = new Project(p.directory(), p.inventory(), p.matrix(), p.requests(),
                p.settings().withConditionalAccessState(state), p.catalog());
        return new ResolvedProject(changed, groups, users, services, devices, locations, segments, assets);
    }

    public List<MatrixRule> rules() {
        return project.matrix().rules();
    }

    public String organization() {
        return project.inventory().organization();
    }

    public Asset asset(MatrixRule rule) {
        return assets.get(rule.what());
    }

    public Catalog.AssetKind kind(Asset asset) {
        return project.catalog().kind(asset.kind()).orElseThrow();
    }

    /** The AWS role a subject assumes, if the inventory gives it one. */
    public Optional<String> awsRole(Subject subject) {
        return switch (subject.kind()) {
            case GROUP -> groups.get(subject.id()).awsRole();
            case USER -> users.get(subject.id()).awsRole();
            case SERVICE -> services.get(subject.id()).awsRole();
            default -> Optional.empty();
        };
    }

    private static <T extends Located> Map<String, T> index(List<T> elements) {
        Map<String, T> out = new TreeMap<>();
        for (T e : elements) {
            out.putIfAbsent(e.id(), e);
        }
        return Collections.unmodifiableMap(out);
    }
}
