package dev.ztc.drift.graph;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.ztc.drift.CompiledExample;
import dev.ztc.drift.DriftComparison;
import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftKind;
import dev.ztc.drift.FieldChange;
import dev.ztc.drift.LayerDrift;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * GraphSource against a Graph and Entra stand-in over verified HTTPS, serving remote-workforce's compiled policies
 * as Terraform would have created them (its engineers group known by display name only, so the group look-up
 * runs): in sync it reports nothing; portal edits show as changed, missing, unexpected and unmanaged objects;
 * paging, throttling and a refused token behave as Graph clients must.
 */
class GraphSourceTest {

    private static final String TENANT = "3b2f8e91-7c4d-4a6e-b5f0-1d2c3e4f5a6b";
    private static final String GITHUB_APP = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";

    @TempDir
    static Path shared;
    private static TestCertificate certificate;
    private static CompiledExample example;
    private static List<StateObject> intended;

    private GraphStandIn graph;
    private GraphTenant tenant;

    @BeforeAll
    static void compile() throws Exception {
        certificate = TestCertificate.create(shared);
        example = CompiledExample.of("remote-workforce", shared, inventory -> inventory
                .replaceAll(",\\s*azure_group_id: \"a1b2c3d4-0002-[^\"]*\"", ""));
        intended = ConditionalAccessIntent.intended(example.project(), example.artifacts());
    }

    @BeforeEach
    void startStandIn() {
        graph = new GraphStandIn(certificate, TENANT);
        tenant = new GraphTenant(example.project(), example.artifacts(),
                example.project().project().settings().conditionalAccessState().graphName());
    }

    /** A request nothing stubs would mean the stand-in does not play what the source (or MSAL) really calls. */
    @AfterEach
    void stopStandIn() {
        try {
            assertThat(graph.server.findAllUnmatchedRequests()).as("requests the stand-in does not serve").isEmpty();
        } finally {
            graph.close();
        }
    }

    @Test
    void theAppliedModuleReadsAsIntended() {
        assertThat(tenant.groupsByName).as("the fixture names engineers by display name only").containsKey("Engineering");
        graph.issueTokens();
        graph.serve(tenant, 100);

        List<LayerState> live = read();
        LayerDrift drift = compare(live);

        assertInSync(drift);
        assertThat(drift.intended()).isEqualTo(14).isEqualTo(drift.live());
        // rule ids come from the live names alone; they must be those the module records
        Map<String, List<String>> liveRules = live.get(0).objects().stream()
                .collect(Collectors.toMap(StateObject::id, StateObject::ruleIds));
        intended.forEach(o -> assertThat(liveRules.get(o.id())).as(o.id()).isEqualTo(o.ruleIds()));
    }

    @Test
    void portalEditsShowAsDrift() {
        tenant.policy("ztc-remotico-hr-portal-10-require-mfa+device-corporate+risk-low").put("state", "disabled");
        ArrayNode excluded = (ArrayNode) tenant.policy("ztc-remotico-github-enterprise-00-block-unlisted")
                .path("conditions").path("users").path("excludeGroups");
        excluded.removeAll();
        excluded.add("a1b2c3d4-0004-4e5f-8a9b-0c1d2e3f4a5b"); // contractors stay excluded, engineers are gone
        tenant.policies.remove(tenant.policy("ztc-remotico-m365-mail-30-block-risk-mfa+risk-medium"));
        tenant.addPolicy("ztc-remotico-github-enterprise-40-allow-helpdesk", GITHUB_APP);
        tenant.addPolicy("Require MFA for admins (security team)", "All");
        graph.issueTokens();
        graph.serve(tenant, 100);

        LayerDrift drift = compare(read());

        assertThat(drift.items()).extracting(DriftItem::kind, DriftItem::objectId, DriftItem::ruleIds).containsExactly(
                tuple(DriftKind.MISSING, "ca-policy:ztc-remotico-m365-mail-30-block-risk-mfa+risk-medium", List.of("MAIL-1")),
                tuple(DriftKind.UNEXPECTED, "ca-policy:ztc-remotico-github-enterprise-40-allow-helpdesk",
                        List.of("CODE-CONTRACTOR-1", "CODE-READ-1", "CODE-WRITE-1")),
                tuple(DriftKind.CHANGED, "ca-policy:ztc-remotico-hr-portal-10-require-mfa+device-corporate+risk-low", List.of("HR-1")),
                tuple(DriftKind.CHANGED, "ca-policy:ztc-remotico-github-enterprise-00-block-unlisted",
                        List.of("CODE-CONTRACTOR-1", "CODE-READ-1", "CODE-WRITE-1")),
                tuple(DriftKind.UNMANAGED, "ca-policy:Require MFA for admins (security team)", List.of()));
        Map<String, List<FieldChange>> changes = drift.items().stream().filter(i -> i.kind() == DriftKind.CHANGED)
                .collect(Collectors.toMap(DriftItem::key, DriftItem::changes));
        assertThat(changes.get("ztc-remotico-hr-portal-10-require-mfa+device-corporate+risk-low"))
                .containsExactly(new FieldChange("state", "enabledForReportingButNotEnforced", "disabled"));
        assertThat(changes.get("ztc-remotico-github-enterprise-00-block-unlisted"))
                .containsExactly(new FieldChange("exclude_groups", "contractors,engineers", "contractors"));
    }

    @Test
    void everyPageIsRead() {
        graph.issueTokens();
        graph.serve(tenant, 3);

        assertInSync(compare(read()));
        // 13 policies in pages of 3: the first page and four more, each asked for once
        graph.server.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/" + GraphStandIn.POLICIES)).withQueryParam("$skiptoken", absent()));
        for (int page = 1; page <= 4; page++) {
            graph.server.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/" + GraphStandIn.POLICIES))
                    .withQueryParam("$skiptoken", equalTo("page" + page)));
        }
    }

    @Test
    void aThrottledCallIsRetriedAfterTheTimeGraphAsks() {
        graph.issueTokens();
        graph.serve(tenant, 100);
        graph.throttleOnce(GraphStandIn.POLICIES, 1);

        assertInSync(compare(read()));
        graph.server.verify(2, getRequestedFor(urlPathEqualTo("/v1.0/" + GraphStandIn.POLICIES)));
    }

    @Test
    void aRefusedTokenLeavesTheLayerUnknown() {
        graph.refuseTokens();
        graph.serve(tenant, 100);

        List<LayerState> live = read();

        assertThat(live).singleElement().satisfies(state -> {
            assertThat(state.layer()).isEqualTo(EnforcementLayer.WORKFORCE_IDENTITY);
            assertThat(state.unreadable()).hasValueSatisfying(why -> assertThat(why)
                    .isEqualTo("no token for tenant " + TENANT + ": AADSTS7000215: Invalid client secret provided."));
        });
        LayerDrift drift = compare(live);
        assertThat(drift.status()).isEqualTo(LayerDrift.Status.UNKNOWN);
        graph.server.verify(0, getRequestedFor(urlPathEqualTo("/v1.0/" + GraphStandIn.POLICIES)));
    }

    /** A jit rule becomes a sign-in frequency: Graph's session control and the compiler's "sif-" name both read back. */
    @Test
    void aSignInFrequencyReadsAsIntended(@TempDir Path temp) throws Exception {
        CompiledExample jit = CompiledExample.of("remote-workforce", temp, inventory -> inventory,
                matrix -> matrix.replace("when: { mfa: true, risk: medium }", "when: { mfa: true, risk: medium, jit: { max_session: 4h } }"));
        List<StateObject> wanted = ConditionalAccessIntent.intended(jit.project(), jit.artifacts());
        String name = "ztc-remotico-m365-mail-10-require-mfa+sif-240m+risk-medium";
        assertThat(wanted).filteredOn(o -> o.key().equals(name)).singleElement()
                .satisfies(o -> assertThat(o.fields()).containsEntry("sign_in_frequency_hours", "4"));
        graph.issueTokens();
        graph.serve(new GraphTenant(jit.project(), jit.artifacts(), jit.project().project().settings().conditionalAccessState().graphName()), 100);

        List<LayerState> live = new GraphSource(graph.settings(), jit.project(), client()).read();

        assertInSync(new DriftComparison(jit.project(), LocalDate.of(2026, 12, 4)).compare(EnforcementLayer.WORKFORCE_IDENTITY, wanted, live));
        assertThat(live.get(0).objects()).filteredOn(o -> o.key().equals(name)).singleElement()
                .satisfies(o -> assertThat(o.ruleIds()).containsExactly("MAIL-1"));
    }

    @Test
    void aGraphErrorSaysWhatGraphSaid() {
        graph.issueTokens();
        graph.serve(tenant, 100);
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/" + GraphStandIn.POLICIES))
                .atPriority(1).willReturn(aResponse().withStatus(403)
                        .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\","
                                + "\"message\":\"Insufficient privileges to complete the operation.\"}}")));

        assertThat(read()).singleElement().satisfies(state -> assertThat(state.unreadable()).hasValue("GET "
                + graph.graphBase().resolve(GraphStandIn.POLICIES) + " answered 403 (Authorization_RequestDenied: "
                + "Insufficient privileges to complete the operation.)"));
    }

    @Test
    void aNextLinkToAnotherHostIsNotFollowedWithTheToken() {
        graph.issueTokens();
        graph.serve(tenant, 100);
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/" + GraphStandIn.NAMED_LOCATIONS))
                .atPriority(1).willReturn(okJson(
                        "{\"value\":[],\"@odata.nextLink\":\"https://graph.example.net/v1.0/namedLocations?$skiptoken=x\"}")));

        assertThat(read()).singleElement().satisfies(state -> assertThat(state.unreadable())
                .hasValue("refusing to follow @odata.nextLink to another host: https://graph.example.net/v1.0/namedLocations?$skiptoken=x"));
    }

    @Test
    void aGraphThatDoesNotAnswerInTimeLeavesTheLayerUnknown() {
        graph.issueTokens();
        graph.serve(tenant, 100);
        graph.server.stubFor(get(urlPathEqualTo("/v1.0/" + GraphStandIn.POLICIES)).atPriority(1)
                .willReturn(okJson("{\"value\":[]}").withFixedDelay(5_000)));

        List<LayerState> live = new GraphSource(graph.settings(Duration.ofMillis(500)), example.project(), client()).read();

        assertThat(live).singleElement().satisfies(state -> assertThat(state.unreadable())
                .hasValue("GET " + graph.graphBase().resolve(GraphStandIn.POLICIES) + ": request timed out"));
    }

    private static void assertInSync(LayerDrift drift) {
        assertThat(drift.unknownBecause()).isEmpty();
        assertThat(drift.items()).isEmpty();
        assertThat(drift.status()).isEqualTo(LayerDrift.Status.IN_SYNC);
    }

    private List<LayerState> read() {
        return new GraphSource(graph.settings(), example.project(), client()).read();
    }

    /** Trusts the stand-in's certificate and nothing else. */
    private static HttpClient client() {
        return HttpClient.newBuilder().sslContext(certificate.trusting()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    private LayerDrift compare(List<LayerState> live) {
        return new DriftComparison(example.project(), LocalDate.of(2026, 12, 4))
                .compare(EnforcementLayer.WORKFORCE_IDENTITY, intended, live);
    }
}
