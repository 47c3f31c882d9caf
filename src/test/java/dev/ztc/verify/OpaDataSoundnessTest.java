package dev.ztc.verify;

import dev.ztc.artifact.EmittedBundleData;
import dev.ztc.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ZT106 catches an OPA data.json broader than the matrix: each test changes the in-memory data.json the way a
 * broken emitter or a hand edit would, and verify names the responsible rule. bank-payments has an HTTP asset
 * with a level rule (OPS-READ-1: mfa, device, risk) and raw HTTP rules for a service.
 */
class OpaDataSoundnessTest {

    static final String DATA = EmittedBundleData.DATA;
    final Path bank = Fixtures.repo().resolve("examples/bank-payments");

    @ParameterizedTest
    @ValueSource(strings = {"bank-payments", "healthcare-saas", "remote-workforce"})
    void theExamplesDataTracesToTheirMatrix(String example) throws Exception {
        Path project = Fixtures.repo().resolve("examples").resolve(example);
        VerifyContext context = Verified.context(project);
        assertThat(context.artifacts()).containsKey(DATA).doesNotContainKey("opa/bundle.tar.gz");
        assertThat(Verified.run(context, project).findings()).noneMatch(f -> f.finding().checkId().equals("ZT106"));
    }

    @Test
    void aWidenedMethodIsZT106() throws Exception {
        VerifyContext context = Verified.context(bank);
        String data = context.artifacts().get(DATA);
        // the service's raw "POST .../payments" route also indexed, and listed, under DELETE
        String wider = data.replace("\"POST\"\n", "\"DELETE\",\n \"POST\"\n")
                .replace("\"routes_by_method\": {", "\"routes_by_method\": {\n \"DELETE\": [1],");
        assertThat(wider).isNotEqualTo(data);
        VerifyReport report = Verified.run(context.withArtifact(DATA, wider), bank);
        assertThat(Verified.unsuppressedIds(report)).contains("ZT106");
        assertThat(zt106(report)).anySatisfy(f -> {
            assertThat(f.message()).contains("allows methods [DELETE]");
            assertThat(f.ruleIds()).containsExactly("WEB-PAY-1");
            assertThat(f.artifact()).startsWith(DATA + "#ztc.assets.payments-http.routes[");
            assertThat(f.location().file()).endsWith("matrix.yaml");
        });
    }

    @Test
    void aDroppedMfaIsZT106() throws Exception {
        VerifyContext context = Verified.context(bank);
        String data = context.artifacts().get(DATA);
        String lax = data.replace("\"mfa\": true", "\"mfa\": false");
        assertThat(lax).isNotEqualTo(data);
        VerifyReport report = Verified.run(context.withArtifact(DATA, lax), bank);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT106"));
        assertThat(zt106(report)).anySatisfy(f -> {
            assertThat(f.ruleIds()).containsExactly("OPS-READ-1");
            assertThat(f.message()).contains("is laxer than rule OPS-READ-1: MFA not required");
        });
    }

    @Test
    void anUnknownRuleIdIsZT106() throws Exception {
        VerifyContext context = Verified.context(bank);
        String data = context.artifacts().get(DATA);
        String unknown = data.replace("\"OPS-READ-1\"", "\"OPS-READ-1\", \"NOBODY-1\"");
        assertThat(unknown).isNotEqualTo(data);
        VerifyReport report = Verified.run(context.withArtifact(DATA, unknown), bank);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT106"));
        assertThat(zt106(report)).singleElement().satisfies(f -> {
            assertThat(f.ruleIds()).contains("NOBODY-1");
            assertThat(f.message()).contains("names rule NOBODY-1, which the matrix does not define");
        });
    }

    @Test
    void aForeignGroupInTheUsersTableIsZT106() throws Exception {
        VerifyContext context = Verified.context(bank);
        String data = context.artifacts().get(DATA);
        String foreign = data.replace("\"users\": {", "\"users\": {\n \"mallory\": [\"payments-ops\"],");
        assertThat(foreign).isNotEqualTo(data);
        VerifyReport report = Verified.run(context.withArtifact(DATA, foreign), bank);
        assertThat(zt106(report)).singleElement().satisfies(f -> assertThat(f.message()).contains("users.mallory"));
    }

    @Test
    void aMissingDataJsonIsZT104ForEveryRouteRule() throws Exception {
        VerifyContext context = Verified.context(bank);
        VerifyReport report = Verified.run(context.withoutArtifact(DATA), bank);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT104"));
        assertThat(Verified.unsuppressed(report)).anySatisfy(f -> {
            assertThat(f.ruleIds()).containsExactly("OPS-READ-1");
            assertThat(f.artifact()).isEqualTo(DATA);
        });
    }

    private static java.util.List<Finding> zt106(VerifyReport report) {
        return Verified.unsuppressed(report).stream().filter(f -> f.checkId().equals("ZT106")).toList();
    }
}
