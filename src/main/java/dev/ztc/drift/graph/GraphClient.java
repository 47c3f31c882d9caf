package dev.ztc.drift.graph;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Read-only Graph calls: GETs with a bearer token, every page of a collection, and throttling handled as Graph
 * asks (429 and 503 retried after {@code Retry-After}, else with exponential backoff; a bounded number of tries
 * and a bounded wait, so that a run always ends).
 */
final class GraphClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 5;
    private static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final int PAGES = 1000;

    private final URI base;
    private final HttpClient http;
    private final Duration timeout;
    private final TokenCredential credential;
    private AccessToken token;

    GraphClient(URI base, HttpClient http, Duration timeout, TokenCredential credential) {
        this.base = base;
        this.http = http;
        this.timeout = timeout;
        this.credential = credential;
    }

    /** Every item of a collection ({@code value}), following {@code @odata.nextLink} to the last page. */
    List<JsonNode> list(String pathAndQuery) throws IOException, InterruptedException {
        List<JsonNode> items = new ArrayList<>();
        URI next = base.resolve(pathAndQuery);
        for (int page = 0; next != null; page++) {
            if (page == PAGES) {
                throw new IOException("more than " + PAGES + " pages at " + base.resolve(pathAndQuery));
            }
            JsonNode body = get(next);
            JsonNode value = body.path("value");
            if (!value.isArray()) {
                throw new IOException("GET " + next + " answered without a value array");
            }
            value.forEach(items::add);
            next = nextLink(body);
        }
        return items;
    }

    /** The token goes only to Graph's own host: a link elsewhere is refused, not followed. */
    private URI nextLink(JsonNode body) throws IOException {
        JsonNode link = body.get("@odata.nextLink");
        if (link == null || link.isNull()) {
            return null;
        }
        URI uri = URI.create(link.asText());
        if (!base.getScheme().equalsIgnoreCase(uri.getScheme()) || !base.getAuthority().equalsIgnoreCase(uri.getAuthority())) {
            throw new IOException("refusing to follow @odata.nextLink to another host: " + uri);
        }
        return uri;
    }

    private JsonNode get(URI uri) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET()
                    .header("Authorization", "Bearer " + token())
                    .header("Accept", "application/json")
                    .build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a timeout or a refused connection says nothing of where; a refused one not even what
                throw new IOException("GET " + uri + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()), e);
            }
            int status = response.statusCode();
            if ((status == 429 || status == 503) && attempt < ATTEMPTS) {
                Thread.sleep(wait(response.headers().firstValue("Retry-After"), attempt).toMillis());
                continue;
            }
            if (status != 200) {
                throw new IOException("GET " + uri + " answered " + status + error(response.body()));
            }
            return JSON.readTree(response.body());
        }
    }

    /** {@code Retry-After} in seconds or as an HTTP date; without one, 0.5 s doubling per attempt. */
    static Duration wait(Optional<String> retryAfter, int attempt) {
        Duration backoff = Duration.ofMillis(500L << (attempt - 1));
        Duration asked = retryAfter.map(String::trim).map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return Duration.between(OffsetDateTime.now(Clock.systemUTC()), at.toOffsetDateTime());
                } catch (DateTimeParseException notADate) {
                    return backoff;
                }
            }
        }).orElse(backoff);
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : asked;
    }

    /** One token per run, renewed when it is about to expire (a long paging run can outlive it). */
    private String token() {
        if (token == null || token.getExpiresAt().isBefore(OffsetDateTime.now(Clock.systemUTC()).plusMinutes(1))) {
            try {
                token = credential.getTokenSync(new TokenRequestContext().addScopes(GraphSettings.SCOPE));
            } catch (RuntimeException e) {
                throw new TokenException(e);
            }
        }
        return token.getToken();
    }

    /** Azure Identity could not issue a token (Azure Identity reports it unchecked; kept apart to be named as such). */
    static final class TokenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TokenException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** Graph's {@code error.code: error.message}, so that a 403 says which permission is missing. */
    private static String error(String body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                String text = error.path("code").asText("") + ": " + error.path("message").asText("");
                return " (" + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + ")";
            }
        } catch (IOException notJson) {
            // the status alone says enough
        }
        return "";
    }
}
