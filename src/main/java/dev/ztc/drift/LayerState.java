package dev.ztc.drift;

import dev.ztc.model.EnforcementLayer;

import java.util.List;
import java.util.Optional;

/**
 * What one source read of one layer: the objects in scope, or why the layer could not be read. A layer that
 * cannot be read is "unknown" in the report and makes the run exit 2, never "no drift".
 */
public record LayerState(EnforcementLayer layer, String source, List<StateObject> objects, Optional<String> unreadable) {

    public LayerState {
        objects = List.copyOf(objects);
    }

    public static LayerState read(EnforcementLayer layer, String source, List<StateObject> objects) {
        return new LayerState(layer, source, objects, Optional.empty());
    }

    public static LayerState unreadable(EnforcementLayer layer, String source, String why) {
        return new LayerState(layer, source, List.of(), Optional.of(why));
    }
}
