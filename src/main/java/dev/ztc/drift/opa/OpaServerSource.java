package dev.ztc.drift.opa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A running OPA (the PDP behind nginx or Envoy), read over its REST API: which revision of ztc's bundle it has
 * loaded ({@code GET /v1/data/system/bundles}, the manifest of the bundle whose roots hold {@code ztc}), and, for
 * every sample request the bundle can judge, the decision it gives now ({@code POST /v1/data/ztc/authz/decision}).
 * A stale bundle shows as a changed revision and, where the matrix changed what it decides, changed decisions.
 * Read-only: data queries only. Every call has a timeout; 429 and 503 are retried with backoff.
 */
public final class OpaServerSource implements DriftSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 4;

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final List<OpaSample> samples;

    public OpaServerSource(URI base, ResolvedProject project, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.samples = OpaSample.of(project);
    }

    @Override
    public String name() {
        return "opa " + base;
    }

    @Override
    public List<LayerState> read() {
        try {
            List<StateObject> objects = new ArrayList<>();
            objects.add(bundle());
            for (OpaSample sample : samples) {
                JsonNode result = post("v1/data/ztc/authz/decision", Map.of("input", sample.input())).path("result");
                if (result.isMissingNode() || !result.isObject()) {
                    objects.add(OpaSample.decision(sample.name(), false, List.of()));
                } else {
                    List<String> grantedBy = new ArrayList<>();
                    result.path("granted_by").forEach(g -> grantedBy.add(g.asText()));
                    objects.add(OpaSample.decision(sample.name(), result.path("allow").asBoolean(false), grantedBy));
                }
            }
            return List.of(LayerState.read(EnforcementLayer.APPLICATION, name(), objects));
        } catch (IOException e) {
            // a refused connection carries no message: name what failed
            String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName() + " from " + base;
            return List.of(LayerState.unreadable(EnforcementLayer.APPLICATION, name(), why));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of(LayerState.unreadable(EnforcementLayer.APPLICATION, name(), "interrupted"));
        }
    }

    /** The loaded bundle whose roots include ztc; none loaded is a bundle object without a revision. */
    private StateObject bundle() throws IOException, InterruptedException {
        JsonNode bundles = get("v1/data/system/bundles").path("result");
        for (Iterator<Map.Entry<String, JsonNode>> it = bundles.fields(); it.hasNext(); ) {
            JsonNode manifest = it.next().getValue().path("manifest");
            for (JsonNode root : manifest.path("roots")) {
                if (root.asText().equals("ztc") || root.asText().startsWith("ztc/")) {
                    return OpaSample.bundle(manifest.path("revision").asText(""));
                }
            }
        }
        return OpaSample.bundle("(no ztc bundle loaded)");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET().build());
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        byte[] json = JSON.writeValueAsBytes(body);
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(json)).build());
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            int status = response.statusCode();
            if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                Thread.sleep(100L << attempt);
                continue;
            }
            if (status != 200) {
                throw new IOException(request.method() + " " + request.uri() + " answered " + status);
            }
            return JSON.readTree(response.body());
        }
    }
}
