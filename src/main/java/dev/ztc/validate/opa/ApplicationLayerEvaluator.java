package dev.ztc.validate.opa;

import dev.ztc.artifact.EmittedBundleData;
import dev.ztc.check.ResolvedProject;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Request;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application layer: what the emitted OPA bundle decides on each request, by the real {@code opa} or by ztc's
 * Java evaluation of the same {@code data.json} ({@link PolicyEngine}). Every input of every request goes to the
 * engine in one batch. An allow names the bundle's granting rule ids and their routes in data.json; a deny the
 * policy's reasons. The policy sees every fact a request states; it is blind only to a level it cannot tell from
 * another by HTTP methods ({@link HttpAsks}).
 */
public final class ApplicationLayerEvaluator implements LayerEvaluator {

    private static final EnforcementLayer LAYER = EnforcementLayer.APPLICATION;

    private final ResolvedProject project;
    private final IntentEvaluator intent;
    private final EmittedBundleData data;
    private final PolicyEngine engine;
    private final String engineLabel;

    private ApplicationLayerEvaluator(ResolvedProject project, EmittedBundleData data, PolicyEngine engine, String note) {
        this.project = project;
        this.intent = new IntentEvaluator(project.project());
        this.data = data;
        this.engine = engine;
        this.engineLabel = engine.description() + (note.isEmpty() ? "" : " (" + note + ")");
    }

    /** Decided by the {@code opa} binary at {@code opa}, killed after {@code timeout}. */
    public static ApplicationLayerEvaluator withOpa(ResolvedProject project, Map<String, String> artifacts, Path opa,
                                                    Duration timeout) throws UnreadableArtifactException {
        Map<String, String> bundle = new TreeMap<>();
        artifacts.forEach((path, text) -> {
            String name = path.startsWith(OpaEvalEngine.BUNDLE) ? path.substring(OpaEvalEngine.BUNDLE.length()) : "";
            // the bundle proper: tests/ and pep/ are not in it, and a signature proves nothing about the content
            if (!name.contains("/") && (name.endsWith(".rego") || name.equals("data.json") || name.equals(".manifest"))) {
                bundle.put(path, text);
            }
        });
        return new ApplicationLayerEvaluator(project, read(artifacts), new OpaEvalEngine(opa, bundle, timeout), "");
    }

    /** Decided by ztc's Java evaluation of data.json; {@code note} says why, for the report (may be empty). */
    public static ApplicationLayerEvaluator inJava(ResolvedProject project, Map<String, String> artifacts, String note)
            throws UnreadableArtifactException {
        EmittedBundleData data = read(artifacts);
        return new ApplicationLayerEvaluator(project, data, new BundleDataPolicy(data), note);
    }

    /** The bundle data both engines start from; a document the policy would read otherwise than ztc is refused. */
    private static EmittedBundleData read(Map<String, String> artifacts) throws UnreadableArtifactException {
        EmittedBundleData data = EmittedBundleData.read(artifacts);
        if (!data.present() || !artifacts.containsKey("opa/policy.rego")) {
            throw new UnreadableArtifactException("opa/", "the bundle's policy.rego or data.json is missing");
        }
        if (!data.problems().isEmpty()) {
            throw new UnreadableArtifactException(EmittedBundleData.DATA, String.join("; ", data.problems()));
        }
        return data;
    }

    @Override
    public EnforcementLayer layer() {
        return LAYER;
    }

    @Override
    public String engine() {
        return engineLabel;
    }

    /** The plain inputs the engine is asked for {@code requests}, in order: what the benchmark hands opa as well. */
    public static List<Map<String, Object>> inputs(ResolvedProject project, List<Request> requests) {
        IntentEvaluator intent = new IntentEvaluator(project.project());
        return inputs(requests.stream().map(r -> HttpAsks.of(r, project, intent)).toList());
    }

    private static List<Map<String, Object>> inputs(List<HttpAsks> asks) {
        List<Map<String, Object>> inputs = new ArrayList<>();
        asks.forEach(a -> a.alternatives().forEach(inputs::addAll));
        return inputs;
    }

    @Override
    public List<LayerDecision> decide(List<Request> requests) throws UnreadableArtifactException {
        List<HttpAsks> asks = requests.stream().map(r -> HttpAsks.of(r, project, intent)).toList();
        List<Map<String, Object>> inputs = inputs(asks);
        List<PolicyDecision> decided = engine.decide(inputs);
        if (decided.size() != inputs.size()) {
            throw new UnreadableArtifactException(OpaEvalEngine.BUNDLE, engine.description() + " decided " + decided.size()
                    + " of " + inputs.size() + " inputs");
        }
        List<LayerDecision> out = new ArrayList<>(requests.size());
        int next = 0;
        for (int i = 0; i < requests.size(); i++) {
            HttpAsks ask = asks.get(i);
            if (ask.notApplicable().isPresent()) {
                out.add(LayerDecision.notApplicable(LAYER, ask.notApplicable().get()));
                continue;
            }
            List<List<PolicyDecision>> byAlternative = new ArrayList<>();
            for (List<Map<String, Object>> alternative : ask.alternatives()) {
                byAlternative.add(decided.subList(next, next + alternative.size()));
                next += alternative.size();
            }
            out.add(combine(requests.get(i).resource(), byAlternative, ask.blindTo()));
        }
        return out;
    }

    /** Allowed when one alternative (posture) has every input allowed; otherwise the reasons of the first denied input. */
    private LayerDecision combine(String assetId, List<List<PolicyDecision>> alternatives, Set<String> blindTo) {
        List<String> reasons = new ArrayList<>();
        for (List<PolicyDecision> decisions : alternatives) {
            if (decisions.stream().allMatch(PolicyDecision::allow)) {
                TreeSet<String> granted = new TreeSet<>();
                decisions.forEach(d -> granted.addAll(d.grantedBy()));
                List<String> routes = data.routes().stream()
                        .filter(r -> r.assetId().equals(assetId) && r.ruleIds().stream().anyMatch(granted::contains))
                        .map(EmittedBundleData.Route::artifact).toList();
                return LayerDecision.allow(LAYER, List.copyOf(granted), routes, blindTo);
            }
            decisions.stream().filter(d -> !d.allow()).findFirst().ifPresent(d -> d.reasons().stream()
                    .filter(r -> !reasons.contains(r)).forEach(reasons::add));
        }
        return LayerDecision.deny(LAYER, reasons, blindTo);
    }
}
