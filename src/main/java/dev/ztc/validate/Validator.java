package dev.ztc.validate;

import dev.ztc.check.ResolvedProject;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.intent.Reason;
import dev.ztc.ir.Ir;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.MatrixRule;
import dev.ztc.model.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides every request by the intent and by every layer, and judges each layer against the intent:
 * <ol>
 *   <li>a layer that cannot judge the request says n/a;</li>
 *   <li>the intent allows: the layer must allow, unless none of the granting rules is realized in that layer
 *       by design (the IR's provenance says which layers realize a rule), which is a gap, not a contradiction;</li>
 *   <li>the intent denies: the layer must deny, unless it allows through a rule whose every obstacle to this
 *       request ({@link IntentEvaluator#explain}) is a condition the layer cannot see.</li>
 * </ol>
 */
public final class Validator {

    private final ResolvedProject project;
    private final IntentEvaluator intent;
    private final Map<String, MatrixRule> rules;
    private final Map<String, Set<String>> realizedIn;

    /** {@code ir} is the emitted ir.json read back: its provenance says which layers realize each rule. */
    public Validator(ResolvedProject project, Ir ir) {
        this.project = project;
        this.intent = new IntentEvaluator(project.project());
        this.rules = project.rules().stream().collect(Collectors.toMap(MatrixRule::id, Function.identity(), (a, b) -> a));
        this.realizedIn = ir.rules().stream().collect(Collectors.toMap(Ir.RuleSummary::id, r -> Set.copyOf(r.layers()), (a, b) -> a));
    }

    /** The samples of requests.yaml, then (when asked) each rule's boundary requests. */
    public List<ValidationCase> cases(boolean boundary) {
        List<ValidationCase> out = new ArrayList<>();
        project.project().requests().forEach(r -> out.add(ValidationCase.sample(r)));
        if (boundary) {
            out.addAll(new BoundaryRequests(project).all());
        }
        return out;
    }

    /** {@code projectDir} as the reports print it. */
    public ValidationReport validate(List<ValidationCase> cases, List<LayerEvaluator> layers, String projectDir)
            throws UnreadableArtifactException {
        List<Request> requests = cases.stream().map(ValidationCase::request).toList();
        List<List<LayerDecision>> byLayer = new ArrayList<>();
        for (LayerEvaluator layer : layers) {
            List<LayerDecision> decisions = layer.decide(requests);
            if (decisions.size() != requests.size()) {
                throw new IllegalStateException(layer.layer().label() + " decided " + decisions.size() + " of " + requests.size() + " requests");
            }
            byLayer.add(decisions);
        }
        List<RequestResult> results = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ValidationCase c = cases.get(i);
            Decision decision = intent.decide(c.request());
            List<LayerJudgement> judged = new ArrayList<>();
            for (List<LayerDecision> decisions : byLayer) {
                judged.add(judge(c.request(), decision, decisions.get(i)));
            }
            results.add(new RequestResult(c, decision, judged, expectation(c.request(), decision, judged)));
        }
        Map<EnforcementLayer, String> engines = new java.util.EnumMap<>(EnforcementLayer.class);
        layers.forEach(l -> engines.put(l.layer(), l.engine()));
        return new ValidationReport(projectDir, layers.stream().map(LayerEvaluator::layer).toList(), engines, results);
    }

    /** An unmet {@code expect}: what the matrix decides instead, and every layer that decides against the expectation too. */
    private static Optional<String> expectation(Request request, Decision decision, List<LayerJudgement> layers) {
        Optional<Request.Expectation> expected = request.expect().filter(e -> (e == Request.Expectation.ALLOW) != decision.allowed());
        if (expected.isEmpty()) {
            return Optional.empty();
        }
        Verdict wanted = expected.get() == Request.Expectation.ALLOW ? Verdict.ALLOW : Verdict.DENY;
        List<String> against = layers.stream().map(LayerJudgement::decision)
                .filter(d -> d.verdict() != Verdict.NOT_APPLICABLE && d.verdict() != wanted)
                .map(d -> d.layer().label() + " " + d.verdict().label() + "s it").toList();
        return Optional.of("expected " + wanted.label() + ", but the matrix "
                + (decision.allowed() ? "allows it (" + String.join(", ", decision.grantedBy()) + ")"
                : "denies it (" + String.join("; ", decision.reasonTexts()) + ")")
                + (against.isEmpty() ? "" : "; " + String.join(", ", against) + " too"));
    }

    LayerJudgement judge(Request request, Decision decision, LayerDecision layer) {
        String name = layer.layer().label();
        switch (layer.verdict()) {
            case NOT_APPLICABLE:
                return new LayerJudgement(layer, Agreement.NOT_APPLICABLE, String.join("; ", layer.reasons()));
            case ALLOW:
                if (decision.allowed()) {
                    return new LayerJudgement(layer, Agreement.AGREES, "allowed by " + String.join(", ", layer.grantedBy())
                            + (layer.artifacts().isEmpty() ? "" : " (" + String.join(", ", layer.artifacts()) + ")"));
                }
                return judgeAllowOfDeny(request, layer, name);
            default:
                if (!decision.allowed()) {
                    return new LayerJudgement(layer, Agreement.AGREES, String.join("; ", layer.reasons()));
                }
                boolean realized = decision.grantedBy().stream()
                        .anyMatch(id -> realizedIn.getOrDefault(id, Set.of()).contains(layer.layer().label()));
                if (!realized) {
                    return new LayerJudgement(layer, Agreement.GAP, name + " does not realize " + String.join(", ", decision.grantedBy())
                            + " (see verify ZT104); it denies: " + String.join("; ", layer.reasons()));
                }
                return new LayerJudgement(layer, Agreement.CONTRADICTS, name + " denies what the matrix grants ("
                        + String.join(", ", decision.grantedBy()) + "): " + String.join("; ", layer.reasons()));
        }
    }

    /** The layer allows a request the matrix denies: excused only by conditions it cannot see. */
    private LayerJudgement judgeAllowOfDeny(Request request, LayerDecision layer, String name) {
        if (layer.grantedBy().isEmpty()) {
            return new LayerJudgement(layer, Agreement.CONTRADICTS, name + " allows what the matrix denies, and no matrix rule is behind it ("
                    + String.join(", ", layer.artifacts()) + ")");
        }
        List<String> seen = new ArrayList<>();
        for (String id : layer.grantedBy()) {
            MatrixRule rule = rules.get(id);
            if (rule == null) {
                seen.add(id + " is no matrix rule");
                continue;
            }
            List<Reason> obstacles = intent.explain(rule, request);
            TreeSet<String> conditions = obstacles.stream().map(Reason::condition).collect(Collectors.toCollection(TreeSet::new));
            if (layer.blindTo().containsAll(conditions)) {
                return new LayerJudgement(layer, Agreement.BLIND, name + " cannot see " + String.join(", ", conditions)
                        + ": it allows through " + id + ", which the matrix holds back (" + texts(obstacles) + ")");
            }
            conditions.removeAll(layer.blindTo());
            seen.add(id + ": " + texts(obstacles.stream().filter(o -> conditions.contains(o.condition())).toList()));
        }
        return new LayerJudgement(layer, Agreement.CONTRADICTS, name + " allows what the matrix denies (" + String.join("; ", seen)
                + ") through " + String.join(", ", layer.artifacts()));
    }

    private static String texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::message).collect(Collectors.joining("; "));
    }

    /** Which layers a validate run judges, in the order of the table. */
    public static List<EnforcementLayer> order() {
        return List.of(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY, EnforcementLayer.WORKFORCE_IDENTITY,
                EnforcementLayer.APPLICATION);
    }
}
