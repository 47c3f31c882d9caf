package dev.ztc.drift.aws;

import dev.ztc.ExternalTool;
import org.junit.jupiter.api.Assertions;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The moto server the AWS drift tests run against. {@code scripts/test.sh} starts one and exports its URL as
 * {@value #ENDPOINT_VARIABLE}; without that variable (an IDE run) the first test starts {@code moto_server} itself
 * on a free port of 127.0.0.1 and stops it when the JVM exits. No moto_server at all: the test fails in CI and is
 * skipped, loudly, elsewhere (as {@link ExternalTool#require} does).
 */
final class MotoServer {

    static final String ENDPOINT_VARIABLE = "ZTC_MOTO_ENDPOINT";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static URI started;

    private MotoServer() {
    }

    /** The endpoint, reset to an empty account so that every test starts from nothing. */
    static synchronized URI endpoint() throws IOException, InterruptedException {
        URI endpoint = Optional.ofNullable(System.getenv(ENDPOINT_VARIABLE)).filter(s -> !s.isBlank()).map(URI::create)
                .orElse(null);
        if (endpoint == null) {
            if (started == null) {
                started = start();
            }
            endpoint = started;
        }
        HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/reset"))
                .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        Assertions.assertEquals(200, reset.statusCode(), "moto reset at " + endpoint + ": " + reset.body());
        return endpoint;
    }

    private static URI start() throws IOException, InterruptedException {
        ExternalTool moto = ExternalTool.require("moto_server");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Files.createTempFile("ztc-moto-", ".log");
        Process process = new ProcessBuilder(moto.path().toString(), "-H", "127.0.0.1", "-p", String.valueOf(port))
                .redirectErrorStream(true).redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
        URI endpoint = URI.create("http://127.0.0.1:" + port);
        // moto needs a few seconds to import its services; wait for its API, not for a fixed time
        for (int i = 0; i < 300; i++) {
            if (!process.isAlive()) {
                Assertions.fail("moto_server exited with " + process.exitValue() + ": " + Files.readString(log));
            }
            try {
                HTTP.send(HttpRequest.newBuilder(endpoint.resolve("/moto-api/")).timeout(Duration.ofSeconds(2)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                return endpoint;
            } catch (ConnectException e) {
                Thread.sleep(100);
            }
        }
        process.destroy();
        Assertions.fail("moto_server did not answer on " + endpoint + " within 30s: " + Files.readString(log));
        throw new IllegalStateException("unreachable");
    }
}
