package dev.ztc.drift.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock in-process over HTTPS on 127.0.0.1, playing both Entra's token endpoint
 * ({@code POST /<tenant>/oauth2/v2.0/token}) and Microsoft Graph ({@code /v1.0/...}). Graph answers only requests
 * that carry the token the token endpoint issued; anything not stubbed answers 404.
 */
final class GraphStandIn implements AutoCloseable {

    static final String TOKEN = "stand-in-access-token";
    static final String POLICIES = "identity/conditionalAccess/policies";
    static final String NAMED_LOCATIONS = "identity/conditionalAccess/namedLocations";
    private static final ObjectMapper JSON = new ObjectMapper();

    final WireMockServer server;
    private final String tenant;

    GraphStandIn(TestCertificate certificate, String tenant) {
        this.tenant = tenant;
        this.server = new WireMockServer(options().bindAddress("127.0.0.1").httpDisabled(true).httpsPort(0)
                .keystorePath(certificate.keyStore().toString()).keystoreType("PKCS12")
                .keystorePassword(certificate.password()).keyManagerPassword(certificate.password()));
        server.start();
    }

    URI authority() {
        return URI.create("https://127.0.0.1:" + server.httpsPort() + "/");
    }

    URI graphBase() {
        return authority().resolve("v1.0/");
    }

    GraphSettings settings() {
        return settings(Duration.ofSeconds(10));
    }

    GraphSettings settings(Duration timeout) {
        return new GraphSettings(graphBase(), Optional.of(authority()), tenant, Optional.of("ztc-drift-test"),
                Optional.of("not-a-real-secret"), timeout);
    }

    void issueTokens() {
        server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\"" + TOKEN + "\"}")));
    }

    void refuseTokens() {
        server.stubFor(post(urlPathEqualTo("/" + tenant + "/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"}")));
    }

    /** The tenant's policies and named locations, {@code pageSize} items per page, and its group look-ups. */
    void serve(GraphTenant tenant, int pageSize) {
        servePaged(NAMED_LOCATIONS, tenant.namedLocations, pageSize);
        servePaged(POLICIES, tenant.policies, pageSize);
        tenant.groupsByName.forEach((name, oid) -> server.stubFor(graph(get(urlPathEqualTo("/v1.0/groups"))
                .withQueryParam("$filter", equalTo("displayName eq '" + name.replace("'", "''") + "'")))
                .willReturn(okJson("{\"value\":[{\"id\":\"" + oid + "\"}]}"))));
    }

    /** The first request for the collection's first page is throttled; the retry is served as before. */
    void throttleOnce(String collection, int retryAfterSeconds) {
        server.stubFor(graph(get(urlPathEqualTo("/v1.0/" + collection))).atPriority(1)
                .inScenario("throttle").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("throttled")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", String.valueOf(retryAfterSeconds))
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}")));
    }

    private void servePaged(String collection, List<ObjectNode> items, int pageSize) {
        int pages = Math.max(1, (items.size() + pageSize - 1) / pageSize);
        for (int page = 0; page < pages; page++) {
            ObjectNode body = JSON.createObjectNode().put("@odata.context", graphBase() + "$metadata#" + collection);
            body.putArray("value").addAll(items.subList(page * pageSize, Math.min(items.size(), (page + 1) * pageSize)));
            if (page + 1 < pages) {
                body.put("@odata.nextLink", graphBase() + collection + "?$skiptoken=page" + (page + 1));
            }
            MappingBuilder request = get(urlPathEqualTo("/v1.0/" + collection))
                    .withQueryParam("$skiptoken", page == 0 ? absent() : equalTo("page" + page));
            server.stubFor(graph(request).willReturn(okJson(body.toString())));
        }
    }

    private static MappingBuilder graph(MappingBuilder request) {
        return request.withHeader("Authorization", equalTo("Bearer " + TOKEN));
    }

    @Override
    public void close() {
        server.stop();
    }
}
