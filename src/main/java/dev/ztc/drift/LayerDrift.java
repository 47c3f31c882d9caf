package dev.ztc.drift;

import dev.ztc.model.EnforcementLayer;

import java.util.List;
import java.util.Optional;

/**
 * One layer's comparison: which sources were read, how many objects each side holds, the differences, or why
 * the layer is unknown. An unknown layer has no items: a source that could not be read proves nothing, so it
 * never reads as "no drift".
 */
public record LayerDrift(EnforcementLayer layer, List<String> sources, int intended, int live,
                         List<DriftItem> items, Optional<String> unknownBecause) {

    public enum Status { IN_SYNC, DRIFTED, UNKNOWN }

    public LayerDrift {
        sources = List.copyOf(sources);
        items = List.copyOf(items);
    }

    public Status status() {
        if (unknownBecause.isPresent()) {
            return Status.UNKNOWN;
        }
        return items.stream().anyMatch(DriftItem::counts) ? Status.DRIFTED : Status.IN_SYNC;
    }

    public long count(DriftKind kind) {
        return items.stream().filter(i -> i.kind() == kind).count();
    }
}
