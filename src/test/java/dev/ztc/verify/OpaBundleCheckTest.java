package dev.ztc.verify;

import dev.ztc.ExternalTool;
import dev.ztc.Fixtures;
import dev.ztc.verify.checks.OpaBundleCheck;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ZT402 folds opa check --strict into findings: none for ztc's own bundle, one per error OPA reports. */
class OpaBundleCheckTest {

    static final String POLICY = "opa/policy.rego";

    @Test
    void theGeneratedBundleIsStrictlyValidAndASyntaxErrorIsReported() throws Exception {
        ExternalTool.require("opa");
        VerifyContext context = Verified.context(Fixtures.repo().resolve("examples/bank-payments"));
        assertThat(new OpaBundleCheck().run(context)).isEmpty();

        String broken = context.artifacts().get(POLICY) + "\nbroken_rule if {\n\tx :=\n}\n";
        List<Finding> findings = new OpaBundleCheck().run(context.withArtifact(POLICY, broken));
        assertThat(findings).isNotEmpty().allSatisfy(f -> {
            assertThat(f.checkId()).isEqualTo("ZT402");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.artifact()).startsWith(POLICY + ":");
            assertThat(f.message()).contains("rego_parse_error");
        });
    }

    @Test
    void anUnusedVariableFailsOnlyUnderStrict() throws Exception {
        ExternalTool.require("opa");
        VerifyContext context = Verified.context(Fixtures.repo().resolve("examples/bank-payments"));
        String lax = context.artifacts().get(POLICY) + "\nunused_var if {\n\tx := 1\n\ttrue\n}\n";
        assertThat(new OpaBundleCheck().run(context.withArtifact(POLICY, lax))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("rego_compile_error", "x"));
    }
}
