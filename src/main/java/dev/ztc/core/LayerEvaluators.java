package dev.ztc.core;

import dev.ztc.check.ResolvedProject;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ca.ConditionalAccessEvaluator;
import dev.ztc.validate.iam.IamLayerEvaluator;
import dev.ztc.validate.network.SecurityGroupEvaluator;

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
        out.add(new SecurityGroupEvaluator(project, artifacts));
        out.add(new IamLayerEvaluator(project, artifacts));
        out.add(new ConditionalAccessEvaluator(project, artifacts));
        return out;
    }
}
