package dev.ztc.verify.checks;

import dev.ztc.ExternalTool;
import dev.ztc.Fixtures;
import dev.ztc.core.VerifyOptions;
import dev.ztc.core.Ztc;
import dev.ztc.verify.Finding;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyContext;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 5 folds "terraform fmt -check / hclfmt" into findings. Where terraform is missing, ZT401 judges with hclfmt
 * rather than not running at all; scripts/install-test-tools.sh installs hclfmt everywhere, so CI tests this path.
 */
class TerraformFormatHclfmtTest {

    private static final String MAIN = "terraform/modules/network/main.tf";

    private static VerifyContext clean() throws Exception {
        Path project = Fixtures.repo().resolve("src/test/resources/verify/clean");
        return Ztc.verifyContext(new VerifyOptions(project, Optional.empty(), false),
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void withoutTerraformHclfmtJudgesEveryFile() throws Exception {
        ExternalTool hclfmt = ExternalTool.require("hclfmt");
        TerraformFormat check = new TerraformFormat(name -> name.equals("hclfmt") ? Optional.of(hclfmt.path()) : Optional.empty());
        VerifyContext context = clean();

        assertThat(check.run(context)).as("ztc's own output is canonical").isEmpty();

        String misformatted = context.artifacts().get(MAIN).replace("      security_group = ", "      security_group    =    ");
        assertThat(misformatted).isNotEqualTo(context.artifacts().get(MAIN));
        assertThat(check.run(context.withArtifact(MAIN, misformatted))).singleElement().satisfies(f -> {
            assertThat(f.checkId()).isEqualTo("ZT401");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.artifact()).isEqualTo(MAIN);
            assertThat(f.message()).contains("not canonically formatted");
        });

        List<Finding> broken = check.run(context.withArtifact(MAIN, context.artifacts().get(MAIN) + "\nresource \"x\" {\n"));
        assertThat(broken).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains(MAIN, "is not valid HCL");
        });
    }

    @Test
    void withNeitherFormatterTheCheckSaysItDidNotRun() throws Exception {
        List<Finding> findings = new TerraformFormat(name -> Optional.empty()).run(clean());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.INFO);
            assertThat(f.message()).contains("neither terraform nor hclfmt");
        });
    }
}
