package dev.ztc.verify.checks;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.load.Values;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.DeviceProfile;
import dev.ztc.model.MatrixRule;
import inet.ipaddr.IPAddress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a matrix rule grants, recomputed from the model and the catalog independently of the compiler, so that
 * the soundness checks compare the artifacts with the intent rather than with the compiler's own reading of it.
 */
final class Grants {

    private Grants() {
    }

    /** The (IAM action, resource ARN) pairs a rule allows; admin implies every level of the asset. */
    static Set<String> iamPairs(ResolvedProject project, MatrixRule rule) {
        Asset asset = project.asset(rule);
        Catalog.AssetKind kind = project.kind(asset);
        Map<Action.Level, Catalog.LevelMeaning> levels = rule.can() instanceof Action.OfLevel l
                ? Enforcement.levelsGranted(kind, l.level()) : kind.levels();
        Set<String> out = new TreeSet<>();
        for (Catalog.LevelMeaning meaning : levels.values()) {
            for (Catalog.IamGrant grant : meaning.iam()) {
                for (String action : grant.actions()) {
                    if (rule.can() instanceof Action.RawIam raw && !raw.action().equals(action)) {
                        continue;
                    }
                    grant.resources().forEach(p -> out.add(action + " " + p.replace("{arn}", asset.arn().orElse(""))));
                }
            }
        }
        return out;
    }

    /** The HTTP methods a rule allows on its asset: the catalog's for the levels granted, or the raw HTTP rule's one. */
    static Set<String> httpMethods(ResolvedProject project, MatrixRule rule) {
        Set<String> out = new TreeSet<>();
        if (rule.can() instanceof Action.RawHttp http) {
            out.add(http.method());
        } else if (rule.can() instanceof Action.OfLevel l) {
            Enforcement.levelsGranted(project.kind(project.asset(rule)), l.level()).values()
                    .forEach(m -> out.addAll(m.httpMethods()));
        }
        return out;
    }

    /**
     * The path patterns a rule allows, as data.json writes them ({@code exact:/a}, {@code prefix:/a/}): a level
     * covers the asset's base path and everything below it; a raw HTTP rule its own pattern, a trailing * a prefix.
     */
    static Set<String> httpPaths(ResolvedProject project, MatrixRule rule) {
        Set<String> out = new TreeSet<>();
        if (rule.can() instanceof Action.RawHttp http) {
            out.add(http.path().endsWith("*") ? "prefix:" + http.path().substring(0, http.path().length() - 1)
                    : "exact:" + http.path());
        } else if (rule.can() instanceof Action.OfLevel) {
            String base = project.asset(rule).basePath().orElse("");
            out.add("exact:" + base);
            out.add("prefix:" + (base.equals("/") ? "/" : base + "/"));
        }
        return out;
    }

    /** Where a rule's callers may come from: a service's or segment's CIDRs, a location's, or the people's {@code from}. */
    static List<String> sourceCidrs(ResolvedProject project, MatrixRule rule) {
        return switch (rule.who().kind()) {
            case SERVICE -> project.segments().get(project.services().get(rule.who().id()).segment()).cidrs();
            case SEGMENT -> project.segments().get(rule.who().id()).cidrs();
            case LOCATION -> project.locations().get(rule.who().id()).cidrs();
            case GROUP, USER -> locationCidrs(project, rule.when().from());
        };
    }

    static List<String> locationCidrs(ResolvedProject project, Collection<String> locations) {
        List<String> out = new ArrayList<>();
        locations.forEach(id -> out.addAll(project.locations().get(id).cidrs()));
        return out;
    }

    /** The posture ids at least as strict as {@code required}: those an enforcement point may accept for it. */
    static Set<String> posturesSatisfying(ResolvedProject project, String required) {
        DeviceProfile need = project.devices().get(required);
        Set<String> out = new TreeSet<>();
        project.devices().values().stream().filter(p -> p.shortfallAgainst(need).isEmpty()).forEach(p -> out.add(p.id()));
        return out;
    }

    /** True when every address of {@code cidr} lies in one of {@code within}; an unparsable block is never within. */
    static boolean covered(String cidr, Collection<String> within) {
        IPAddress block;
        try {
            block = Values.block(cidr);
        } catch (RuntimeException e) {
            return false;
        }
        if (block == null) {
            return false;
        }
        List<IPAddress> rest = List.of(block);
        for (String other : within) {
            IPAddress cover = Values.block(other);
            if (cover == null || cover.isIPv4() != block.isIPv4()) {
                continue;
            }
            List<IPAddress> next = new ArrayList<>();
            for (IPAddress part : rest) {
                IPAddress[] left = part.subtract(cover);
                if (left != null) {
                    next.addAll(List.of(left));
                }
            }
            rest = next;
        }
        return rest.isEmpty();
    }

    static boolean isPeople(MatrixRule rule) {
        return rule.who().kind().isPeople();
    }
}
