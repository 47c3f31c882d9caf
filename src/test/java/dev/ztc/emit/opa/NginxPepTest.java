package dev.ztc.emit.opa;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpServer;
import dev.ztc.ExternalTool;
import dev.ztc.Fixtures;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.intent.Decision;
import dev.ztc.intent.IntentEvaluator;
import dev.ztc.ir.ApplicationLayer;
import dev.ztc.model.Action;
import dev.ztc.model.Asset;
import dev.ztc.model.Project;
import dev.ztc.model.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated nginx PEP (pep/nginx.conf + ztc_authz.js) run for real: nginx with njs in front of a
 * small upstream, the real OPA serving the compiled bundle of examples/bank-payments. Requests go
 * through nginx over HTTP and must be decided as the intent evaluator decides them: an allow reaches the
 * upstream, a deny is 403 and never reaches it, also when OPA answers the deny with HTTP 200 (the
 * auth_request trap), and a stopped OPA is 403 (fails closed). A naive auth_request straight at OPA's
 * data API is run too and must let a denied request through: that proves this test would catch a
 * regression to the naive set-up.
 *
 * <p>The generated file is used as generated except for the two values its header says to change
 * (the listen port and OPA's address); the upstream {@code backend} it proxies to is defined around it,
 * as a user would. nginx sees every client as 127.0.0.1, so the wrapper trusts X-Forwarded-For from
 * 127.0.0.1 (the realip module, as the generated header explains) and each request sends its
 * {@code source_ip} there: the service routes (web-frontend only from the web segment) are judged on it.
 */
class NginxPepTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final List<String> NJS_MODULES = List.of(
            "/usr/lib/nginx/modules/ngx_http_js_module.so",
            "/usr/lib64/nginx/modules/ngx_http_js_module.so",
            "/usr/local/nginx/modules/ngx_http_js_module.so",
            "/etc/nginx/modules/ngx_http_js_module.so");

    @TempDir
    static Path temp;

    private static Path out;
    private static Project project;
    private static List<ApplicationLayer.Route> routes;
    private static HttpServer upstream;
    /** Test request ids (X-Test-Id) the upstream has seen. */
    private static final Set<String> reachedUpstream = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger ids = new AtomicInteger();
    private static final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).followRedirects(HttpClient.Redirect.NEVER).build();

    private final List<Process> processes = new ArrayList<>();
    private Path opa;
    private Path nginx;
    private Path njsModule;

    @BeforeAll
    static void compileAndStartUpstream() throws Exception {
        Path dir = Fixtures.repo().resolve("examples/bank-payments");
        out = temp.resolve("out");
        Ztc.CompileResult compiled = Ztc.compile(new CompileOptions(dir, Optional.of(out)));
        routes = compiled.ir().application().routes();
        project = Ztc.loadAndCheck(dir).project();

        upstream = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        upstream.createContext("/", exchange -> {
            String id = exchange.getRequestHeaders().getFirst("X-Test-Id");
            if (id != null) {
                reachedUpstream.add(id);
            }
            exchange.getRequestBody().readAllBytes();
            byte[] body = "upstream-ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, "HEAD".equals(exchange.getRequestMethod()) ? -1 : body.length);
            exchange.getResponseBody().write("HEAD".equals(exchange.getRequestMethod()) ? new byte[0] : body);
            exchange.close();
        });
        upstream.start();
    }

    @AfterAll
    static void stopUpstream() {
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    @BeforeEach
    void findTools() {
        opa = ExternalTool.require("opa").path();
        nginx = ExternalTool.find("nginx").map(ExternalTool::path)
                .or(() -> Optional.of(Path.of("/usr/sbin/nginx")).filter(Files::isExecutable))
                .orElseGet(() -> missing("nginx"));
        njsModule = Optional.ofNullable(System.getenv("ZTC_NGINX_JS_MODULE")).map(Path::of).stream()
                .filter(Files::isRegularFile).findFirst()
                .or(() -> NJS_MODULES.stream().map(Path::of).filter(Files::isRegularFile).findFirst())
                .orElseGet(() -> missing("the nginx njs module (ngx_http_js_module.so, Debian: libnginx-mod-http-js)"));
    }

    private static Path missing(String what) {
        String message = what + " not found; install it with: eval \"$(scripts/install-test-tools.sh)\"";
        if (System.getenv("CI") != null) {
            Assertions.fail(message + " (CI is set, so this test may not be skipped)");
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    @AfterEach
    void stopProcesses() throws InterruptedException {
        for (Process p : processes) {
            stop(p);
        }
        processes.clear();
    }

    // ------------------------------------------------------------------------------------------------

    @Test
    void theGeneratedPepDecidesAsTheIntentAndAvoidsTheTrap() throws Exception {
        long started = System.nanoTime();
        int opaPort = startOpa(temp.resolve("opa-1"));
        Path dir = temp.resolve("nginx-pep");
        int port = freePort();
        startNginx(dir, port, generatedServer(opaPort, port));

        IntentEvaluator intent = new IntentEvaluator(project);
        int allowed = 0;
        int denied = 0;
        int deniedWith200 = 0;
        int refusedByNginx = 0;
        for (Case c : cases()) {
            Decision decision = intent.decide(c.request());
            Reply reply = send(port, c);
            String label = c.label() + " " + c.request().action().text() + " " + c.headers() + ": intent "
                    + (decision.allowed() ? "allow " + decision.grantedBy() : "deny " + decision.reasonTexts())
                    + ", nginx " + reply + logs(dir);
            c.request().expect().ifPresent(e -> assertThat(decision.allowed()).as("expect: of " + label)
                    .isEqualTo(e == Request.Expectation.ALLOW));
            if (decision.allowed()) {
                assertThat(reply.status()).as(label).isEqualTo(200);
                if (!c.method().equals("HEAD")) {
                    assertThat(reply.body()).as(label).isEqualTo("upstream-ok");
                }
                assertThat(reply.reachedUpstream()).as(label).isTrue();
                allowed++;
            } else {
                assertThat(reply.reachedUpstream()).as("the upstream must not see a denied request: " + label).isFalse();
                if (reply.status() == 400 && reply.body().contains("<center>nginx")) {
                    // nginx refused the request line itself (a path above "/", a lower-case method): it never
                    // reached a location, so neither the PEP nor the upstream; a deny all the same
                    refusedByNginx++;
                } else {
                    assertThat(reply.status()).as(label).isEqualTo(403);
                }
                denied++;
                // the trap: OPA answers the very same deny with HTTP 200, which a bare auth_request takes as allow
                HttpResponse<String> direct = askOpa(opaPort, "allow", c);
                assertThat(direct.statusCode()).as("OPA answers a deny with 200: " + label).isEqualTo(200);
                assertThat(JSON.readTree(direct.body()).path("result").asBoolean(true)).as(label + " " + direct.body()).isFalse();
                deniedWith200++;
            }
        }
        assertThat(allowed).as("allowed cases").isGreaterThanOrEqualTo(3);
        assertThat(denied - refusedByNginx).as("cases denied by the PEP").isGreaterThanOrEqualTo(5);
        System.out.printf("ztc nginx pep: %d requests through nginx+njs+opa agree with the intent (%d allow, %d deny: "
                + "%d refused by nginx itself, all %d answered 200 by OPA), %d ms%n", allowed + denied, allowed, denied,
                refusedByNginx, deniedWith200, (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    void anUnreachableOpaDenies() throws Exception {
        Process opaProcess = startOpaProcess(temp.resolve("opa-2"));
        int opaPort = opaPortOf(opaProcess);
        Path dir = temp.resolve("nginx-closed");
        int port = freePort();
        startNginx(dir, port, generatedServer(opaPort, port));
        Case allow = cases().stream().filter(c -> new IntentEvaluator(project).decide(c.request()).allowed()).findFirst()
                .orElseThrow();
        assertThat(send(port, allow).status()).as("with OPA up " + allow.label() + logs(dir)).isEqualTo(200);

        stop(opaProcess);
        Reply reply = send(port, allow);
        assertThat(reply.status()).as("OPA stopped: the PEP must fail closed" + logs(dir)).isEqualTo(403);
        assertThat(reply.reachedUpstream()).isFalse();
    }

    /** The seed article's set-up lets a denied request through; if it did not, the test above proves nothing. */
    @Test
    void theNaiveAuthRequestIsTheTrap() throws Exception {
        int opaPort = startOpa(temp.resolve("opa-3"));
        Path dir = temp.resolve("nginx-naive");
        int port = freePort();
        String naive = """
                server {
                    listen 127.0.0.1:%d;
                    location / {
                        auth_request /_opa;
                        proxy_pass http://backend;
                    }
                    location = /_opa {
                        internal;
                        proxy_pass http://127.0.0.1:%d/v1/data/ztc/authz/allow;
                    }
                }
                """.formatted(port, opaPort);
        startNginx(dir, port, naive);
        IntentEvaluator intent = new IntentEvaluator(project);
        Case deny = cases().stream().filter(c -> !intent.decide(c.request()).allowed()).findFirst().orElseThrow();
        Reply reply = send(port, deny);
        assertThat(reply.status()).as("the naive set-up lets the deny through: " + deny.label() + logs(dir)).isEqualTo(200);
        assertThat(reply.reachedUpstream()).isTrue();
    }

    // ------------------------------------------------------------------------------------------------
    // the requests

    /** One request as it goes through nginx: what the intent evaluator decides, the headers that carry it. */
    record Case(String label, Request request, String method, String path, Map<String, String> headers) {
    }

    /**
     * The example's HTTP requests on payments-http and the variants of every route, as a client sends them.
     * Judged as nginx sees them: at the current time (the shim sends its clock), from the X-Forwarded-For
     * address, or 127.0.0.1 without one. Left out: what the header contract cannot carry (device facts, a
     * group with a comma, a fractional session age).
     */
    static List<Case> cases() {
        Map<String, Asset> assets = new HashMap<>();
        project.inventory().assets().forEach(a -> assets.put(a.id(), a));
        List<Request> requests = new ArrayList<>();
        for (Request r : project.requests()) {
            Asset asset = assets.get(r.resource());
            if (asset != null && OpaInput.expressible(r)) {
                OpaInput.asHttp(r, asset, project.catalog()).ifPresent(requests::add);
            }
        }
        routes.forEach(route -> requests.addAll(RouteVariants.of(route)));
        // a header value OPA's decision would repeat in its reasons, long enough (6000 bytes; nginx takes
        // 8k) to outgrow nginx's subrequest buffer: the shim asked for the decision once, and nginx then
        // dropped the connection instead of answering 403
        routes.stream().filter(route -> !route.devicePostures().isEmpty()).findFirst().ifPresent(route -> {
            Request granted = RouteVariants.of(route).get(0);
            requests.add(new Request("long device posture", granted.subject(),
                    Optional.of(new Request.DeviceClaim.Posture("p".repeat(6000))), granted.sourceIp(), granted.action(),
                    granted.resource(), granted.at(), Optional.empty(), granted.location()));
        });
        List<Case> out = new ArrayList<>();
        ZonedDateTime now = ZonedDateTime.now();
        for (Request r : requests) {
            Request.Caller caller = r.subject();
            if (caller.groups().stream().anyMatch(g -> g.contains(",") || g.isBlank() || !g.equals(g.strip()))
                    || caller.sessionAge().filter(a -> a.getNano() != 0 || a.isNegative()).isPresent()) {
                continue;
            }
            Action.RawHttp http = (Action.RawHttp) r.action();
            Map<String, String> headers = new LinkedHashMap<>();
            caller.user().ifPresent(u -> headers.put("X-Ztc-User", u));
            if (!caller.groups().isEmpty()) {
                headers.put("X-Ztc-Groups", String.join(",", caller.groups()));
            }
            caller.service().ifPresent(s -> headers.put("X-Ztc-Service", s));
            headers.put("X-Ztc-Mfa", Boolean.toString(caller.mfa()));
            caller.risk().ifPresent(risk -> headers.put("X-Ztc-Risk", risk.label()));
            caller.sessionAge().ifPresent(a -> headers.put("X-Ztc-Session-Age", Long.toString(a.getSeconds())));
            r.device().ifPresent(d -> headers.put("X-Ztc-Device-Posture", ((Request.DeviceClaim.Posture) d).id()));
            r.sourceIp().ifPresent(ip -> headers.put("X-Forwarded-For", ip));
            Request seen = new Request(r.name(), caller, r.device(), Optional.of(r.sourceIp().orElse("127.0.0.1")), http,
                    r.resource(), Optional.of(now), r.expect().filter(e -> r.at().isEmpty() || sameDecisionAt(r, now)),
                    r.location());
            out.add(new Case(r.name(), seen, http.method(), http.path(), headers));
        }
        return out;
    }

    /** The expectation of a request with a time still holds now only when its decision does not depend on the time. */
    private static boolean sameDecisionAt(Request r, ZonedDateTime now) {
        IntentEvaluator intent = new IntentEvaluator(project);
        Request then = r;
        Request later = new Request(r.name(), r.subject(), r.device(), r.sourceIp(), r.action(), r.resource(),
                Optional.of(now), r.expect(), r.location());
        return intent.decide(then).allowed() == intent.decide(later).allowed();
    }

    record Reply(int status, String body, boolean reachedUpstream) {
        @Override
        public String toString() {
            return status + " " + (body.length() > 200 ? body.substring(0, 200) + "..." : body)
                    + (reachedUpstream ? " (reached upstream)" : " (upstream not reached)");
        }
    }

    private static Reply send(int port, Case c) throws Exception {
        String id = Integer.toString(ids.incrementAndGet());
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                .timeout(Duration.ofSeconds(10)).header("X-Test-Id", id);
        c.headers().forEach(builder::header);
        boolean body = c.method().equals("POST") || c.method().equals("PUT") || c.method().equals("PATCH");
        builder.method(c.method(), body ? HttpRequest.BodyPublishers.ofString("{\"amount\": 100}")
                : HttpRequest.BodyPublishers.noBody());
        try {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), reachedUpstream.contains(id));
        } catch (IOException e) {
            // e.g. nginx closed the connection without an answer
            return new Reply(-1, "no response: " + e, reachedUpstream.contains(id));
        }
    }

    private static HttpResponse<String> askOpa(int opaPort, String rule, Case c) throws Exception {
        Map<String, Object> input = OpaInput.plain(c.request());
        input.remove("resource"); // nginx names no asset either: the policy finds it by base path
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + opaPort + "/v1/data/ztc/authz/" + rule))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("input", input)))).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // ------------------------------------------------------------------------------------------------
    // the processes

    /** The generated server block, with the two values its header says to set: nginx's port and OPA's. */
    private String generatedServer(int opaPort, int port) throws IOException {
        String conf = Files.readString(out.resolve("opa/pep/nginx.conf"));
        conf = replaceOnce(conf, "listen 8080;", "listen 127.0.0.1:" + port + ";");
        conf = replaceOnce(conf, "server 127.0.0.1:8181;", "server 127.0.0.1:" + opaPort + ";");
        return conf;
    }

    private static String replaceOnce(String text, String what, String with) {
        int at = text.indexOf(what);
        assertThat(at).as("the generated nginx.conf has exactly one '%s'", what).isNotNegative();
        assertThat(text.indexOf(what, at + 1)).as("the generated nginx.conf has exactly one '%s'", what).isNegative();
        return text.replace(what, with);
    }

    /** nginx in the foreground, one process, everything it writes inside {@code dir}; {@code server} listens on {@code port}. */
    private void startNginx(Path dir, int port, String server) throws Exception {
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("ztc-pep.conf"), server);
        Files.copy(out.resolve("opa/pep/ztc_authz.js"), dir.resolve("ztc_authz.js"));
        String d = dir.toAbsolutePath().toString();
        String conf = """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                load_module %2$s;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/tmp/body;
                    proxy_temp_path %1$s/tmp/proxy;
                    fastcgi_temp_path %1$s/tmp/fastcgi;
                    uwsgi_temp_path %1$s/tmp/uwsgi;
                    scgi_temp_path %1$s/tmp/scgi;
                    # every client is 127.0.0.1 here: believe the address it forwards, as behind a real proxy
                    set_real_ip_from 127.0.0.1;
                    real_ip_header X-Forwarded-For;
                    upstream backend {
                        server 127.0.0.1:%3$d;
                    }
                    include %1$s/ztc-pep.conf;
                }
                """.formatted(d, njsModule, upstream.getAddress().getPort());
        Files.writeString(dir.resolve("nginx.conf"), conf);
        Process p = start(dir, List.of(nginx.toString(), "-e", d + "/error.log", "-p", d + "/", "-c", d + "/nginx.conf"), "nginx");
        waitForPort(p, port, dir.resolve("error.log"));
    }

    private int startOpa(Path dir) throws Exception {
        return opaPortOf(startOpaProcess(dir));
    }

    private final Map<Process, Integer> opaPorts = new HashMap<>();

    private Process startOpaProcess(Path dir) throws Exception {
        Files.createDirectories(dir);
        int port = freePort();
        Process p = start(dir, List.of(opa.toString(), "run", "--server", "--addr", "127.0.0.1:" + port,
                "--disable-telemetry", "--log-level", "error", "-b", out.resolve("opa/bundle.tar.gz").toString()), "opa");
        opaPorts.put(p, port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health?bundles"))
                .timeout(Duration.ofSeconds(2)).build();
        while (true) {
            if (!p.isAlive()) {
                Assertions.fail("opa exited " + p.exitValue() + ": " + read(dir.resolve("opa.err")));
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                Assertions.fail("opa not ready within " + START_TIMEOUT + ": " + read(dir.resolve("opa.err")));
            }
            Thread.sleep(50);
        }
    }

    private int opaPortOf(Process p) {
        return opaPorts.get(p);
    }

    private Process start(Path dir, List<String> command, String name) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile())
                .start();
        processes.add(p);
        return p;
    }

    private static void waitForPort(Process p, int port, Path log) throws Exception {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            if (!p.isAlive()) {
                Assertions.fail("nginx exited " + p.exitValue() + ": " + read(log) + read(log.resolveSibling("nginx.err")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                Assertions.fail("nginx not listening on " + port + " within " + START_TIMEOUT + ": " + read(log));
            }
            Thread.sleep(20);
        }
    }

    /** SIGTERM, then SIGKILL after 10 s; waits until it is gone. */
    private static void stop(Process p) throws InterruptedException {
        if (!p.isAlive()) {
            return;
        }
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String logs(Path dir) {
        return "\n--- nginx error.log (tail) ---\n" + tail(read(dir.resolve("error.log")), 30);
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }
}
