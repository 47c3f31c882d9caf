package dev.ztc.emit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ztc.ExternalTool;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OPA verifies a bundle's .signatures.json only when the bundle's configuration has a signing block and the key,
 * and refuses a signed bundle without them ("verification key not provided"). The module's opa_config therefore
 * carries both once the verification key is given, and neither for an unsigned bundle.
 */
class OpaBundleVerificationConfigTest {

    private static final String PUBLIC_KEY = "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----";

    @TempDir
    Path temp;

    @Test
    void theModuleAndTheRootTakeAVerificationKeyAndTheConfigurationUsesIt() throws Exception {
        CompiledProject project = CompiledProject.of("examples/bank-payments", temp);

        assertThat(project.terraform().get("modules/opa-bundle/variables.tf"))
                .contains("variable \"verification_key\"", "variable \"verification_algorithm\"", "contains([\"RS256\", \"ES256\"]");
        assertThat(project.terraform().get("modules/opa-bundle/outputs.tf"))
                .contains("signing = { keyid = \"default\" }", "key       = var.verification_key",
                        "algorithm = var.verification_algorithm", "if var.verification_key != null");
        assertThat(project.terraform().get("main.tf")).contains("verification_key       = var.opa_bundle_verification_key");
        assertThat(project.terraform().get("variables.tf")).contains("variable \"opa_bundle_verification_key\"");
    }

    /** Terraform itself evaluates the output: with a key, OPA's keys.default and bundles.ztc.signing; without, neither. */
    @Test
    void terraformRendersTheSigningBlockExactlyWhenAKeyIsGiven() throws Exception {
        Optional<ExternalTool> terraform = ExternalTool.find("terraform");
        Assumptions.assumeTrue(terraform.isPresent(), "terraform not on PATH: the evaluation of opa_config is skipped");
        CompiledProject project = CompiledProject.of("examples/bank-payments", temp);
        // the output and its variables alone: no provider to download, so this runs offline
        Path dir = Files.createDirectories(temp.resolve("eval"));
        String outputs = project.terraform().get("modules/opa-bundle/outputs.tf");
        Files.writeString(dir.resolve("outputs.tf"), outputs.substring(outputs.indexOf("output \"opa_config\"")));
        Files.writeString(dir.resolve("variables.tf"), project.terraform().get("modules/opa-bundle/variables.tf"));
        assertThat(terraform.get().run(dir, Optional.empty(), 120, "init", "-input=false", "-no-color").exitCode()).isZero();

        JsonNode signed = config(terraform.get(), dir, "-var", "verification_key=" + PUBLIC_KEY, "-var", "verification_algorithm=ES256");
        assertThat(signed.at("/bundles/ztc/signing/keyid").asText()).isEqualTo("default");
        assertThat(signed.at("/keys/default/algorithm").asText()).isEqualTo("ES256");
        assertThat(signed.at("/keys/default/key").asText()).isEqualTo(PUBLIC_KEY);
        assertThat(signed.at("/bundles/ztc/service").asText()).isEqualTo("ztc_bundles");

        JsonNode unsigned = config(terraform.get(), dir);
        assertThat(unsigned.has("keys")).isFalse();
        assertThat(unsigned.at("/bundles/ztc").has("signing")).isFalse();
        assertThat(unsigned.at("/bundles/ztc/polling").isMissingNode()).isFalse();
    }

    private static JsonNode config(ExternalTool terraform, Path dir, String... vars) throws Exception {
        String[] args = new String[6 + vars.length];
        args[0] = "apply";
        args[1] = "-auto-approve";
        args[2] = "-input=false";
        args[3] = "-no-color";
        args[4] = "-var=bucket=b";
        args[5] = "-var=region=eu-central-1";
        System.arraycopy(vars, 0, args, 6, vars.length);
        ExternalTool.Run apply = terraform.run(dir, Optional.empty(), 120, args);
        assertThat(apply.exitCode()).as(apply.err()).isZero();
        ExternalTool.Run output = terraform.run(dir, Optional.empty(), 60, "output", "-raw", "opa_config");
        assertThat(output.exitCode()).as(output.err()).isZero();
        return new YAMLMapper().readTree(output.out());
    }
}
