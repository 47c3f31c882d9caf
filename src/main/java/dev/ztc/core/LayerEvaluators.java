package dev.ztc.core;

import dev.ztc.check.ResolvedProject;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.iam.IamLayerEvaluator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The evaluators of every layer, in the order of the report's table, over the emitted files. */
final class LayerEvaluators {

    private LayerEvaluators() {
    }

    static List<LayerEvaluator> of(ResolvedProject project, Map<String, String> artifacts, ValidateOptions options)
            throws UnreadableArtifactException {
        List<LayerEvaluator> out = new ArrayList<>();
        out.add(new IamLayerEvaluator(project, artifacts));
        return out;
    }
}
