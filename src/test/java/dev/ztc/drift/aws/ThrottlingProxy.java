package dev.ztc.drift.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP proxy on 127.0.0.1 in front of an AWS emulator that answers chosen requests as a throttled AWS
 * does (EC2: 503 {@code RequestLimitExceeded}; IAM: 400 {@code Throttling}, each in its service's error
 * document) and forwards the others unchanged. The emulators cannot be made to throttle; this is how the
 * retry strategy meets the error codes it must recognize.
 */
final class ThrottlingProxy implements AutoCloseable {

    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI target;
    private static final Pattern ACTION = Pattern.compile("(?:^|&)Action=([A-Za-z]+)");
    private static final Pattern SERVICE = Pattern.compile("Credential=[^/]+/[0-9]+/[^/]+/([^/]+)/aws4_request");

    private final BiPredicate<String, Integer> throttle;
    final AtomicInteger requests = new AtomicInteger();
    /** {@code <service>:<Action>} of every request, in arrival order (the query protocol posts the action as a form field). */
    final List<String> actions = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    final AtomicInteger throttled = new AtomicInteger();

    /** {@code throttle} decides by the service a request is signed for and its number (0, 1, 2, ... in arrival order). */
    ThrottlingProxy(URI target, BiPredicate<String, Integer> throttle) throws IOException {
        this.target = target;
        this.throttle = throttle;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        Matcher signed = SERVICE.matcher(authorization);
        String service = signed.find() ? signed.group(1) : "";
        Matcher action = ACTION.matcher(new String(body, StandardCharsets.UTF_8));
        actions.add(service + ":" + (action.find() ? action.group(1) : ""));
        if (throttle.test(service, requests.getAndIncrement())) {
            throttled.incrementAndGet();
            boolean ec2 = service.equals("ec2");
            String error = ec2
                    ? "<Response><Errors><Error><Code>RequestLimitExceeded</Code><Message>Request limit exceeded.</Message>"
                      + "</Error></Errors><RequestID>throttled</RequestID></Response>"
                    : "<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message>"
                      + "</Error><RequestId>throttled</RequestId></ErrorResponse>";
            respond(exchange, ec2 ? 503 : 400, "text/xml", error.getBytes(StandardCharsets.UTF_8));
            return;
        }
        HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().toString()))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> forward.header(name, v));
            }
        });
        try {
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            respond(exchange, response.statusCode(), response.headers().firstValue("Content-Type").orElse("text/xml"),
                    response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 502, "text/plain", new byte[0]);
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of(type));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
