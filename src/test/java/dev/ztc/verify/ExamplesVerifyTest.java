package dev.ztc.verify;

import dev.ztc.Fixtures;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples verify without an unsuppressed error (their suppressions say why), and a risky variant of each
 * fails with findings that name the responsible rule.
 */
class ExamplesVerifyTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"bank-payments", "healthcare-saas", "remote-workforce"})
    void theExamplesHaveNoUnsuppressedError(String example) throws Exception {
        VerifyReport report = Verified.report(Fixtures.repo().resolve("examples").resolve(example));
        assertThat(report.failing(Severity.ERROR)).as(report.findings().toString()).isZero();
        // every suppression in use carries its reason into the report
        report.findings().stream().filter(ReportedFinding::suppressed)
                .forEach(f -> assertThat(f.suppression().orElseThrow().reason()).isNotBlank());
    }

    @Test
    void bankPaymentsWithAWorldOpenAdminPortFails() throws Exception {
        Path project = copy("bank-payments");
        edit(project.resolve("inventory.yaml"), "    - { id: sre-vpn,          cidrs: [192.0.2.0/28] }",
                "    - { id: sre-vpn,          cidrs: [192.0.2.0/28] }\n    - { id: anywhere, cidrs: [0.0.0.0/0] }");
        edit(project.resolve("matrix.yaml"), "from: [location:sre-vpn]", "from: [location:anywhere]");
        VerifyReport report = Verified.report(project);
        assertThat(report.failing(Severity.ERROR)).isPositive();
        assertThat(Verified.unsuppressed(report)).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("ZT201");
            assertThat(f.ruleIds()).containsExactly("SRE-HOST-1");
            assertThat(f.message()).contains("0.0.0.0/0", "22-22/tcp");
        });
    }

    @Test
    void healthcareWithoutMfaOnRestrictedRecordsFails() throws Exception {
        Path project = copy("healthcare-saas");
        edit(project.resolve("matrix.yaml"),
                "    when: { mfa: true, device: clinical-workstation, from: [location:stolaf-clinic] }\n\n  - id: STOLAF-CLIN-NOTES",
                "    when: { device: clinical-workstation, from: [location:stolaf-clinic] }\n\n  - id: STOLAF-CLIN-NOTES");
        VerifyReport report = Verified.report(project);
        assertThat(report.failing(Severity.ERROR)).isPositive();
        assertThat(Verified.unsuppressed(report)).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("ZT205");
            assertThat(f.ruleIds()).containsExactly("STOLAF-CLIN-READ");
            assertThat(f.location().file()).endsWith("matrix.yaml");
        });
    }

    @Test
    void remoteWorkforceWithAWildcardPolicyFails() throws Exception {
        Path project = Fixtures.repo().resolve("examples/remote-workforce");
        VerifyContext context = Verified.context(project);
        String policy = "terraform/modules/iam/policies/engineer-1.json";
        String wild = context.artifacts().get(policy).replace("\"s3:GetObject\"", "\"s3:*\"");
        assertThat(wild).isNotEqualTo(context.artifacts().get(policy));
        VerifyReport report = Verified.run(context.withArtifact(policy, wild), project);
        assertThat(report.failing(Severity.ERROR)).isPositive();
        assertThat(Verified.unsuppressed(report)).anySatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("ZT202");
            assertThat(f.ruleIds()).containsExactly("ARTIFACTS-1");
            assertThat(f.artifact()).startsWith(policy + "#");
        });
    }

    private Path copy(String example) throws Exception {
        return Fixtures.copy(Fixtures.repo().resolve("examples").resolve(example), temp.resolve(example));
    }

    private static void edit(Path file, String from, String to) throws Exception {
        String text = Files.readString(file);
        assertThat(text).as(file + " contains the text to replace").contains(from);
        Files.writeString(file, text.replace(from, to));
    }
}
