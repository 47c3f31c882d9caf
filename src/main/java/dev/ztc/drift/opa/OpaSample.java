package dev.ztc.drift.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.StateObject;
import dev.ztc.emit.opa.OpaInput;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.model.Asset;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Request;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The application layer in drift's normal form, on both sides: the bundle ({@code opa-bundle:ztc}, its
 * {@code revision}) and one {@code opa-decision} per sample request the bundle can judge (key: the request's name;
 * fields {@code allow} and {@code granted_by}). The intended side takes the revision from the compiled
 * {@code opa/.manifest} and the decisions from the intent evaluator.
 */
public record OpaSample(String name, Map<String, Object> input, Decision intended) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The samples of requests.yaml on HTTP assets that OPA input can express, with what the matrix decides. */
    public static List<OpaSample> of(ResolvedProject project) {
        IntentEvaluator intent = new IntentEvaluator(project.project());
        List<OpaSample> out = new ArrayList<>();
        for (Request request : project.project().requests()) {
            Asset asset = project.assets().get(request.resource());
            if (asset == null || !OpaInput.expressible(request)) {
                continue;
            }
            OpaInput.asHttp(request, asset, project.project().catalog()).ifPresent(http ->
                    out.add(new OpaSample(request.name(), OpaInput.plain(http), intent.decide(http))));
        }
        return out;
    }

    /** The intended side: the compiled manifest's revision, and the intent's decision on every sample. */
    public static List<StateObject> intended(ResolvedProject project, Map<String, String> artifacts) throws IOException {
        String manifest = artifacts.get("opa/.manifest");
        if (manifest == null) {
            return List.of();
        }
        JsonNode node = JSON.readTree(manifest);
        List<StateObject> out = new ArrayList<>();
        out.add(bundle(node.path("revision").asText("")));
        for (OpaSample sample : of(project)) {
            out.add(decision(sample.name(), sample.intended().allowed(), sample.intended().grantedBy()));
        }
        return out;
    }

    static StateObject bundle(String revision) {
        return new StateObject(EnforcementLayer.APPLICATION, "opa-bundle", "ztc", Map.of("revision", revision), true, List.of());
    }

    /** Its provenance is the rules that granted it: the matrix's on the intended side, the bundle's on the live one. */
    static StateObject decision(String request, boolean allow, List<String> grantedBy) {
        Map<String, String> fields = new TreeMap<>();
        fields.put("allow", String.valueOf(allow));
        fields.put("granted_by", String.join(",", grantedBy.stream().sorted().toList()));
        return new StateObject(EnforcementLayer.APPLICATION, "opa-decision", request, fields, true, grantedBy);
    }
}
