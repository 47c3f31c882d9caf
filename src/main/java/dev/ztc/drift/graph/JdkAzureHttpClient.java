package dev.ztc.drift.graph;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Azure Identity's transport over {@code java.net.http}, the client Graph is read with: Azure's own default is
 * Netty with native TLS for five platforms, megabytes in the CLI jar for a handful of token requests. Being the
 * same JDK client, it trusts what the Graph reads trust. Token requests are small: bodies are buffered whole.
 */
final class JdkAzureHttpClient implements HttpClient {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    private final java.net.http.HttpClient http;
    private final Duration timeout;

    JdkAzureHttpClient(java.net.http.HttpClient http, Duration timeout) {
        this.http = http;
        this.timeout = timeout;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> sendSync(request, Context.NONE));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        try {
            BinaryData body = request.getBodyAsBinaryData();
            java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(request.getUrl().toURI())
                    .timeout(timeout)
                    .method(request.getHttpMethod().name(),
                            body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body.toBytes()));
            for (HttpHeader header : request.getHeaders()) {
                if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                    for (String value : header.getValuesList()) {
                        builder.header(header.getName(), value);
                    }
                }
            }
            java.net.http.HttpResponse<byte[]> response = http.send(builder.build(), BodyHandlers.ofByteArray());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach((name, values) -> headers.set(HttpHeaderName.fromString(name), values));
            return new Buffered(request, response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static final class Buffered extends HttpResponse {
        private final int status;
        private final HttpHeaders headers;
        private final byte[] body;

        Buffered(HttpRequest request, int status, HttpHeaders headers, byte[] body) {
            super(request);
            this.status = status;
            this.headers = headers;
            this.body = body;
        }

        @Override
        public int getStatusCode() {
            return status;
        }

        @Override
        @Deprecated
        public String getHeaderValue(String name) {
            return headers.getValue(name);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }

        @Override
        public Flux<ByteBuffer> getBody() {
            return Flux.just(ByteBuffer.wrap(body));
        }

        @Override
        public Mono<byte[]> getBodyAsByteArray() {
            return Mono.just(body);
        }

        @Override
        public Mono<String> getBodyAsString() {
            return getBodyAsString(StandardCharsets.UTF_8);
        }

        @Override
        public Mono<String> getBodyAsString(Charset charset) {
            return Mono.just(new String(body, charset));
        }

        @Override
        public BinaryData getBodyAsBinaryData() {
            return BinaryData.fromBytes(body);
        }
    }
}
