package dev.ztc.drift;

import java.time.Instant;
import java.util.List;

/**
 * What {@code ztc drift} found: per layer that was asked for, in sync, drifted or unknown. {@code revision}
 * identifies the compiled intent (the OPA bundle's content-hash revision), so that a report and its history
 * say which intent they compared against.
 */
public record DriftReport(String project, String revision, Instant readAt, List<LayerDrift> layers) {

    public DriftReport {
        layers = List.copyOf(layers);
    }

    /** 2 when a layer could not be read, else 1 when anything drifted, else 0. */
    public int exitCode() {
        if (layers.stream().anyMatch(l -> l.status() == LayerDrift.Status.UNKNOWN)) {
            return 2;
        }
        return layers.stream().anyMatch(l -> l.status() == LayerDrift.Status.DRIFTED) ? 1 : 0;
    }
}
