package dev.ztc.drift;

import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Suppression;

import java.util.List;
import java.util.Optional;

/**
 * One difference between the compiled intent and what is live: the object ({@code kind:key} as in
 * {@link StateObject}), the matrix rules it realizes (from the intended side, else from the live object's own
 * provenance), the field-level diff of a {@link DriftKind#CHANGED} object, and the suppression that accepts it.
 * A suppressed item stays in every report.
 */
public record DriftItem(EnforcementLayer layer, DriftKind kind, String objectKind, String key, List<String> ruleIds,
                        DriftSeverity severity, List<FieldChange> changes, Optional<Suppression> suppressedBy) {

    public DriftItem {
        ruleIds = List.copyOf(ruleIds);
        changes = List.copyOf(changes);
    }

    /** {@code kind:key}, as reports name the object. */
    public String objectId() {
        return objectKind + ":" + key;
    }

    /** Drift that counts towards the exit code: not unmanaged, not suppressed. */
    public boolean counts() {
        return kind.isDrift() && suppressedBy.isEmpty();
    }
}
