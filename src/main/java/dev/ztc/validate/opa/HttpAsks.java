package dev.ztc.validate.opa;

import dev.ztc.check.Enforcement;
import dev.ztc.check.ResolvedProject;
import dev.ztc.emit.opa.OpaInput;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Catalog;
import dev.ztc.model.Request;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A request as the application layer is asked it: plain JSON inputs of the bundle ({@link OpaInput#plain}), or why
 * the layer cannot judge it. A raw HTTP action is one input; a level asks for every HTTP method of the level on
 * the base path, all of which must be allowed (as IAM is asked every action of a level). The policy sees a
 * device's posture, not its facts: a device given by facts is tried under each posture it satisfies (what the
 * proxy or MDM could attest), and is allowed when one posture gets every method through.
 *
 * <p>The bundle sees methods, not levels: where another level's methods cover all of this level's ({@code read}
 * and {@code list} are both GET and HEAD on an http-api, {@code invoke}'s POST is within {@code write}), a rule of
 * that level lets the request through and the layer cannot see the difference ({@code blindTo} {@code action}).
 *
 * @param alternatives per posture tried, the inputs that must all be allowed; empty when {@code notApplicable}
 */
record HttpAsks(Optional<String> notApplicable, List<List<Map<String, Object>>> alternatives, Set<String> blindTo) {

    static HttpAsks of(Request request, ResolvedProject project, IntentEvaluator intent) {
        Asset asset = project.assets().get(request.resource());
        if (asset == null || asset.basePath().isEmpty()) {
            return none("asset:" + request.resource() + " is not an HTTP API: the OPA bundle does not guard it");
        }
        List<Action.RawHttp> actions = new ArrayList<>();
        Set<String> blindTo = Set.of();
        if (request.action() instanceof Action.RawHttp http) {
            actions.add(http);
        } else if (request.action() instanceof Action.OfLevel level) {
            Catalog.AssetKind kind = project.kind(asset);
            List<String> methods = kind.level(level.level()).map(Catalog.LevelMeaning::httpMethods).orElse(List.of());
            methods.forEach(m -> actions.add(new Action.RawHttp(m, asset.basePath().get())));
            blindTo = coveredByAnotherLevel(kind, level.level(), methods) ? Set.of("action") : Set.of();
        }
        if (actions.isEmpty()) {
            return none(request.action().text() + " on asset:" + asset.id() + " is no HTTP request");
        }
        List<List<Map<String, Object>>> alternatives = new ArrayList<>();
        for (Optional<Request.DeviceClaim> device : devices(request, intent)) {
            alternatives.add(actions.stream().map(a -> OpaInput.plain(new Request(request.name(), request.subject(), device,
                    request.sourceIp(), a, request.resource(), request.at(), request.expect(), request.location()))).toList());
        }
        return new HttpAsks(Optional.empty(), alternatives, blindTo);
    }

    /** Another level, not one that grants this level anyway (admin), whose methods include all of {@code methods}. */
    private static boolean coveredByAnotherLevel(Catalog.AssetKind kind, Action.Level level, List<String> methods) {
        return !methods.isEmpty() && kind.levels().entrySet().stream()
                .anyMatch(other -> other.getKey() != level && !Enforcement.levelsGranted(kind, other.getKey()).containsKey(level)
                        && other.getValue().httpMethods().containsAll(methods));
    }

    private static HttpAsks none(String why) {
        return new HttpAsks(Optional.of(why), List.of(), Set.of());
    }

    private static List<Optional<Request.DeviceClaim>> devices(Request request, IntentEvaluator intent) {
        if (request.device().isEmpty() || request.device().get() instanceof Request.DeviceClaim.Posture) {
            return List.of(request.device());
        }
        List<String> postures = intent.posturesMetBy(request.device());
        if (postures.isEmpty()) {
            return List.of(Optional.empty());
        }
        return postures.stream().map(p -> Optional.<Request.DeviceClaim>of(new Request.DeviceClaim.Posture(p))).toList();
    }
}
