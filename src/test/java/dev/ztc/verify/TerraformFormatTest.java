package dev.ztc.verify;

import dev.ztc.ExternalTool;
import dev.ztc.verify.checks.TerraformFormat;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ZT401 folds terraform fmt -check into findings: none for ztc's own output, one per misformatted file. */
class TerraformFormatTest {

    @Test
    void generatedTerraformIsCanonicalAndAMisformattedFileIsReported() throws Exception {
        ExternalTool.require("terraform");
        VerifyContext context = Verified.context(Verified.fixture("clean"));
        assertThat(new TerraformFormat().run(context)).isEmpty();

        String main = "terraform/modules/network/main.tf";
        String misformatted = context.artifacts().get(main).replace("      security_group = ", "      security_group    =    ");
        List<Finding> findings = new TerraformFormat().run(context.withArtifact(main, misformatted));
        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("ZT401");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.artifact()).isEqualTo(main);
        });
    }
}
