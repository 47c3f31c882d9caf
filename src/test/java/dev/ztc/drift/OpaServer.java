package dev.ztc.drift;

import dev.ztc.ExternalTool;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real {@code opa run --server} on a free local port, serving one bundle directory, for the drift tests of the
 * OPA source, the CLI and the Maven goal. Closed, it stops the process it started.
 */
public final class OpaServer implements AutoCloseable {

    private final Process process;
    private final URI base;

    private OpaServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    public static OpaServer start(Path bundle, Path log) throws Exception {
        ExternalTool opa = ExternalTool.require("opa");
        int port = freePort();
        Process process = new ProcessBuilder(opa.path().toString(), "run", "--server", "--addr", "127.0.0.1:" + port,
                "-b", bundle.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        OpaServer server = new OpaServer(process, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            server.awaitHealthy();
        } catch (Exception | AssertionError e) {
            server.close();
            throw e;
        }
        return server;
    }

    public URI base() {
        return base;
    }

    /** A local URL where nothing listens (the port was free a moment ago): a source that cannot be read. */
    public static URI closedPort() throws IOException {
        return URI.create("http://127.0.0.1:" + freePort() + "/");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void awaitHealthy() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(base.resolve("health?bundles=true"))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("opa did not become healthy at " + base);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
