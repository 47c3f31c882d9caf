package dev.ztc.drift;

import dev.ztc.check.ResolvedProject;
import dev.ztc.model.Asset;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Suppression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stage "drift", its comparison: for one layer, the intended objects (read from the compiled output) against what
 * the sources read live, matched on {@link StateObject#id()}. Missing, unexpected and changed objects are drift;
 * live objects ztc does not own are listed as unmanaged. Severity follows the sensitivity of the assets the
 * object's rules protect; suppressions from {@code ztc.yaml} apply as in verify (check id plus rule id).
 */
public final class DriftComparison {

    private static final Comparator<DriftItem> ORDER = Comparator.comparing(DriftItem::kind)
            .thenComparing(DriftItem::severity).thenComparing(DriftItem::objectKind).thenComparing(DriftItem::key);

    private final Map<String, MatrixRule> rules;
    private final Map<String, Asset> assets;
    private final List<Suppression> suppressions;
    private final LocalDate today;

    public DriftComparison(ResolvedProject project, LocalDate today) {
        this.rules = project.project().matrix().rules().stream()
                .collect(Collectors.toMap(MatrixRule::id, r -> r, (a, b) -> a, LinkedHashMap::new));
        this.assets = project.assets();
        this.suppressions = project.project().settings().suppressions();
        this.today = today;
    }

    /** One layer: unknown when any of its sources could not be read; otherwise every difference, sorted. */
    public LayerDrift compare(EnforcementLayer layer, List<StateObject> intended, List<LayerState> live) {
        List<String> sources = live.stream().map(LayerState::source).distinct().sorted().toList();
        List<String> unreadable = live.stream().flatMap(s -> s.unreadable().map(why -> s.source() + ": " + why).stream())
                .toList();
        if (!unreadable.isEmpty()) {
            return new LayerDrift(layer, sources, intended.size(), 0, List.of(), Optional.of(String.join("; ", unreadable)));
        }
        if (live.isEmpty()) {
            return new LayerDrift(layer, sources, intended.size(), 0, List.of(), Optional.of("no source was read for this layer"));
        }
        // each source is held to the whole intent on its own: merged, one source's copy of an object would hide
        // that another source (the cloud itself, say, beside a Terraform state) has lost or changed it
        Map<String, StateObject> wanted = index(intended);
        Set<DriftItem> items = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        for (LayerState state : live) {
            Map<String, StateObject> found = index(state.objects());
            seen.addAll(found.keySet());
            items.addAll(differences(wanted, found));
        }
        List<DriftItem> sorted = new ArrayList<>(items);
        sorted.sort(ORDER);
        return new LayerDrift(layer, sources, wanted.size(), seen.size(), sorted, Optional.empty());
    }

    private List<DriftItem> differences(Map<String, StateObject> wanted, Map<String, StateObject> found) {
        List<DriftItem> items = new ArrayList<>();
        wanted.forEach((id, object) -> {
            StateObject actual = found.get(id);
            if (actual == null) {
                items.add(item(object, DriftKind.MISSING, object.ruleIds(), List.of()));
            } else {
                List<FieldChange> changes = diff(object, actual);
                if (!changes.isEmpty()) {
                    TreeSet<String> ids = new TreeSet<>(object.ruleIds());
                    ids.addAll(actual.ruleIds());
                    items.add(item(object, DriftKind.CHANGED, List.copyOf(ids), changes));
                }
            }
        });
        found.forEach((id, object) -> {
            if (!wanted.containsKey(id)) {
                items.add(item(object, object.managed() ? DriftKind.UNEXPECTED : DriftKind.UNMANAGED, object.ruleIds(), List.of()));
            }
        });
        return items;
    }

    /** Every field either side has, in name order; a field one side lacks compares as the empty string. */
    static List<FieldChange> diff(StateObject intended, StateObject live) {
        TreeSet<String> names = new TreeSet<>(intended.fields().keySet());
        names.addAll(live.fields().keySet());
        List<FieldChange> out = new ArrayList<>();
        for (String name : names) {
            String want = intended.fields().getOrDefault(name, "");
            String have = live.fields().getOrDefault(name, "");
            if (!want.equals(have)) {
                out.add(new FieldChange(name, want, have));
            }
        }
        return out;
    }

    private DriftItem item(StateObject object, DriftKind kind, List<String> ruleIds, List<FieldChange> changes) {
        DriftSeverity severity = kind == DriftKind.UNMANAGED ? DriftSeverity.LOW : severity(ruleIds);
        Optional<Suppression> suppressed = kind.isDrift() ? acceptedBy(kind, ruleIds) : Optional.empty();
        return new DriftItem(object.layer(), kind, object.kind(), object.key(), ruleIds, severity, changes, suppressed);
    }

    /** The most severe of the rules' assets; no known rule: HIGH, since nobody can say what it exposes. */
    DriftSeverity severity(List<String> ruleIds) {
        return ruleIds.stream().map(rules::get).filter(r -> r != null).map(r -> assets.get(r.what()))
                .filter(a -> a != null).map(a -> DriftSeverity.of(a.sensitivity()))
                .min(Comparator.naturalOrder()).orElse(DriftSeverity.HIGH);
    }

    private Optional<Suppression> acceptedBy(DriftKind kind, List<String> ruleIds) {
        return suppressions.stream()
                .filter(s -> s.check().equals(kind.checkId()) && ruleIds.contains(s.rule()))
                .filter(s -> !s.expiredOn(today))
                .findFirst();
    }

    /** By id; a source that reports one object twice keeps the first. */
    private static Map<String, StateObject> index(List<StateObject> objects) {
        Map<String, StateObject> out = new LinkedHashMap<>();
        objects.stream().sorted(Comparator.comparing(StateObject::id)).forEach(o -> out.putIfAbsent(o.id(), o));
        return out;
    }
}
