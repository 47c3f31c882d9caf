package dev.ztc.artifact;

import dev.ztc.Fixtures;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The IAM module of bank-payments read back: roles, their trust policies as Terraform's data source renders them
 * (workload roles trusted by their service, people roles by SAML with the root module's provider and audience),
 * session lengths and attached policies; a reference ztc would not write is a problem, never a guess.
 */
class EmittedRoleTest {

    @TempDir
    Path temp;

    @Test
    void bankPaymentsRolesAndTheirTrust() throws Exception {
        EmittedRole.Module module = EmittedRole.read(compiled());

        assertThat(module.problems()).isEmpty();
        assertThat(module.roles()).extracting(EmittedRole::name)
                .containsExactly("key-custodian", "payment-analyst", "payments-api", "reporting-job");
        EmittedRole api = role(module, "payments-api");
        assertThat(api.trustPolicy()).isEqualTo(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "ZtcWorkloadTrust", "Effect", "Allow", "Action", List.of("sts:AssumeRole"),
                "Principal", Map.of("Service", List.of("ec2.amazonaws.com"))))));
        assertThat(api.policies()).containsExactly("payments-api-1");
        assertThat(api.ruleIds()).containsExactly("PAY-KMS-1", "PAY-KMS-2", "PAY-SECRET-1");
        assertThat(api.maxSessionDuration()).isEmpty();

        EmittedRole custodian = role(module, "key-custodian");
        assertThat(custodian.maxSessionDuration()).contains(3600);
        assertThat(custodian.trustPolicy()).isEqualTo(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of(
                "Sid", "ZtcFederatedSignIn", "Effect", "Allow", "Action", List.of("sts:AssumeRoleWithSAML", "sts:TagSession"),
                "Principal", Map.of("Federated", List.of("arn:aws:iam::111122223333:saml-provider/northbank")),
                "Condition", Map.of("StringEquals", Map.of("SAML:aud", List.of("https://signin.aws.amazon.com/saml")))))));
        assertThat(module.policies()).extracting(EmittedRole.Policy::name, EmittedRole.Policy::file, EmittedRole.Policy::role)
                .contains(org.assertj.core.groups.Tuple.tuple("payments-api-1", "payments-api-1.json", "payments-api"));
    }

    @Test
    void aReferenceZtcWouldNotWriteIsAProblem() throws Exception {
        Map<String, String> artifacts = compiled();
        artifacts.put(EmittedRole.ROOT_VARIABLES, artifacts.get(EmittedRole.ROOT_VARIABLES)
                .replace("default     = \"arn:aws:iam::111122223333:saml-provider/northbank\"", ""));

        EmittedRole.Module module = EmittedRole.read(artifacts);

        assertThat(module.problems()).contains(EmittedRole.MAIN + "#trust of key-custodian: cannot resolve var.saml_provider_arn",
                EmittedRole.MAIN + "#trust of payment-analyst: cannot resolve var.saml_provider_arn");
    }

    private static EmittedRole role(EmittedRole.Module module, String name) {
        return module.roles().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private Map<String, String> compiled() throws Exception {
        Path out = temp.resolve("out");
        Ztc.compile(new CompileOptions(Fixtures.repo().resolve("examples/bank-payments"), Optional.of(out)));
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out.resolve("terraform"))) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
