package dev.ztc.drift.graph;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.Ztc;
import dev.ztc.drift.StateObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** The small decisions behind GraphSource: waits Graph asks for, names, ids, messages and a secret kept out of logs. */
class GraphPiecesTest {

    @Test
    void retryAfterIsHonouredWithinBounds() {
        assertThat(GraphClient.wait(Optional.of("7"), 1)).isEqualTo(Duration.ofSeconds(7));
        assertThat(GraphClient.wait(Optional.of("3600"), 1)).as("capped").isEqualTo(Duration.ofSeconds(60));
        assertThat(GraphClient.wait(Optional.of("Wed, 21 Oct 2015 07:28:00 GMT"), 1)).as("a date gone by").isEqualTo(Duration.ZERO);
        assertThat(GraphClient.wait(Optional.of("Fri, 01 Jan 2100 00:00:00 GMT"), 1)).as("far ahead: capped").isEqualTo(Duration.ofSeconds(60));
        assertThat(GraphClient.wait(Optional.of("soon"), 2)).as("unreadable: backoff").isEqualTo(Duration.ofMillis(1000));
        assertThat(GraphClient.wait(Optional.empty(), 3)).isEqualTo(Duration.ofMillis(2000));
    }

    @Test
    void lookUpFiltersAreQuotedAndEncoded() {
        assertThat(GraphSource.filter("groups", "displayName", "O'Brien & Co"))
                .isEqualTo("groups?$filter=displayName%20eq%20%27O%27%27Brien%20%26%20Co%27&$select=id");
        assertThat(URI.create("https://graph.microsoft.com/v1.0/").resolve(GraphSource.filter("users", "userPrincipalName",
                "lena.moreau_agency.example#EXT#@remotico.onmicrosoft.com")).getRawQuery())
                .isEqualTo("$filter=userPrincipalName%20eq%20%27lena.moreau_agency.example%23EXT%23%40remotico.onmicrosoft.com%27&$select=id");
    }

    @Test
    void policyNamesResolveToTheRulesTheyRealize() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/remote-workforce"));
        ConditionalAccessNames names = new ConditionalAccessNames(project);
        String github = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";

        assertThat(names.policyRuleIds("ztc-remotico-github-enterprise-10-require-mfa+device-corporate+risk-low", List.of(github)))
                .containsExactly("CODE-READ-1", "CODE-WRITE-1");
        assertThat(names.policyRuleIds("ztc-remotico-github-enterprise-00-block-unlisted", List.of(github)))
                .containsExactly("CODE-CONTRACTOR-1", "CODE-READ-1", "CODE-WRITE-1");
        assertThat(names.policyRuleIds("ztc-remotico-00-block-legacy-auth", List.of(github))).as("by its apps")
                .containsExactly("CODE-CONTRACTOR-1", "CODE-READ-1", "CODE-WRITE-1");
        assertThat(names.policyRuleIds("Require MFA for admins", List.of(github))).as("not ztc's").isEmpty();
        assertThat(names.policyRuleIds("ztc-remotico-no-such-app-00-block-unlisted", List.of(github))).isEmpty();
        assertThat(names.locationRuleIds("ztc-remotico-contractor-agency")).containsExactly("CODE-CONTRACTOR-1");
        assertThat(names.managed("ztc-remotico-anything")).isTrue();
        assertThat(names.managed("ztc-othercorp-anything")).as("another organization's").isFalse();
    }

    @Test
    void objectIdsMapToInventoryIdsOrStayVisible() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/remote-workforce"));
        DirectoryIds ids = DirectoryIds.of(project);

        assertThat(ids.group("A1B2C3D4-0001-4E5F-8A9B-0C1D2E3F4A5B")).isEqualTo("employees");
        assertThat(ids.group("99999999-0001-4e5f-8a9b-0c1d2e3f4a5b")).isEqualTo("id:99999999-0001-4e5f-8a9b-0c1d2e3f4a5b");
        assertThat(ids.user("GuestsOrExternalUsers")).isEqualTo("GuestsOrExternalUsers");
        assertThat(ids.location("AllTrusted")).isEqualTo("AllTrusted");
    }

    @Test
    void signInFrequencyInDaysReadsInHours() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/remote-workforce"));
        var json = new ObjectMapper().readTree("{\"displayName\":\"x\",\"state\":\"enabled\",\"conditions\":{},"
                + "\"sessionControls\":{\"signInFrequency\":{\"value\":2,\"type\":\"days\",\"isEnabled\":true}}}");

        StateObject policy = GraphSource.policy(json, DirectoryIds.of(project), new ConditionalAccessNames(project));

        assertThat(policy.fields()).containsEntry("sign_in_frequency_hours", "48").containsEntry("controls", "")
                .containsEntry("include_locations", "");
        assertThat(policy.managed()).isFalse();
    }

    @Test
    void tokenFailuresReadWithoutMsalsWrapping() {
        RuntimeException msal = new RuntimeException(new ExecutionException(new IllegalStateException("x")).toString()
                .replace("java.lang.IllegalStateException: x", "com.microsoft.aad.msal4j.MsalServiceException: AADSTS90002: Tenant not found."));
        assertThat(GraphSource.tokenMessage(msal)).isEqualTo("AADSTS90002: Tenant not found.");
        assertThat(GraphSource.tokenMessage(new RuntimeException("DefaultAzureCredential authentication failed. ---> a\nb")))
                .isEqualTo("DefaultAzureCredential authentication failed. ---> a");
    }

    @Test
    void theClientSecretStaysOutOfLogs() {
        GraphSettings settings = new GraphSettings(URI.create("https://graph.microsoft.com/v1.0"), Optional.empty(), "t",
                Optional.of("app"), Optional.of("s3cr3t-value"), Duration.ofSeconds(5));
        assertThat(settings.toString()).doesNotContain("s3cr3t-value").contains("clientSecret=****");
        assertThat(settings.graphBase()).hasToString("https://graph.microsoft.com/v1.0/");
        assertThat(settings.clientCredentials()).isTrue();
    }
}
