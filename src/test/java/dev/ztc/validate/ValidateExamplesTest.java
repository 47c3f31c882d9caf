package dev.ztc.validate;

import dev.ztc.ExternalTool;
import dev.ztc.Fixtures;
import dev.ztc.core.ValidateOptions;
import dev.ztc.core.Ztc;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every example validates: each sample and boundary request is decided by every layer that applies, and no
 * layer contradicts the matrix. A tampered artifact is judged as it is on disk; a stale output is recompiled.
 */
class ValidateExamplesTest {

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyExampleValidates() throws IOException {
        return everyExampleValidates(Optional.empty(), false, "ztc's Java evaluation of opa/data.json (--no-opa)");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesWithOpa() throws IOException {
        Path opa = ExternalTool.require("opa").path();
        return everyExampleValidates(Optional.of(opa), true, "opa (" + opa + "), one batched opa eval");
    }

    private Stream<DynamicTest> everyExampleValidates(Optional<Path> opa, boolean useOpa, String engine) throws IOException {
        List<Path> examples;
        try (Stream<Path> dirs = Files.list(Fixtures.repo().resolve("examples"))) {
            examples = dirs.filter(d -> Files.isRegularFile(d.resolve("matrix.yaml"))).sorted().toList();
        }
        assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
        return examples.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            ValidationReport report = Ztc.validate(new ValidateOptions(dir, Optional.of(temp.resolve(dir.getFileName().toString())),
                    Optional.empty(), true, opa, useOpa));
            List<String> failing = report.results().stream().filter(RequestResult::failing)
                    .map(r -> r.request().request().name() + ": " + r.expectation().orElse("") + " "
                            + r.contradictions().stream().map(LayerJudgement::explanation).toList()).toList();
            assertThat(failing).as("failing requests of " + dir).isEmpty();
            assertThat(report.count(ValidationCase.Origin.SAMPLE)).isPositive();
            assertThat(report.count(ValidationCase.Origin.BOUNDARY)).isGreaterThan(report.count(ValidationCase.Origin.SAMPLE));
            assertThat(report.count(Agreement.AGREES)).isPositive();
            // every layer evaluator ran, and each judged at least one request of some example is checked below
            assertThat(report.layers()).containsExactly(EnforcementLayer.NETWORK, EnforcementLayer.CLOUD_IDENTITY,
                    EnforcementLayer.WORKFORCE_IDENTITY, EnforcementLayer.APPLICATION);
            assertThat(report.engines()).containsEntry(EnforcementLayer.APPLICATION, engine);
        }));
    }

    @Test
    void aWidenedIamActionIsAContradictionNamingTheRule() throws Exception {
        Path example = Fixtures.repo().resolve("examples/bank-payments");
        Path out = temp.resolve("out");
        ValidateOptions options = new ValidateOptions(example, Optional.of(out), Optional.empty(), true, Optional.empty(), false);
        assertThat(Ztc.validate(options).failing()).isZero();
        Path policy = out.resolve("terraform/modules/iam/policies/payment-analyst-1.json");
        Files.writeString(policy, Files.readString(policy).replace("\"s3:GetObject\"", "\"s3:*\""));

        ValidationReport report = Ztc.validate(options);
        List<LayerJudgement> contradictions = report.results().stream().flatMap(r -> r.contradictions().stream()).toList();
        assertThat(contradictions).isNotEmpty().allMatch(j -> j.decision().layer() == EnforcementLayer.CLOUD_IDENTITY);
        assertThat(contradictions).anyMatch(j -> j.explanation().contains("allows what the matrix denies")
                && j.explanation().contains("RPT-READ-1") && j.explanation().contains("payment-analyst-1.json#RPTREAD1Read"));
    }

    /** One tampered artifact per layer, as a broken emitter would write it: validate must catch each. */
    @TestFactory
    Stream<DynamicTest> aTamperedArtifactOfEachLayerIsCaught() {
        record Tamper(String example, String file, String from, String to, EnforcementLayer layer) {
        }
        List<Tamper> tampers = List.of(
                new Tamper("remote-workforce", "terraform/modules/conditional-access/main.tf",
                        "controls            = [\"mfa\", \"compliantDevice\"]", "controls            = [\"compliantDevice\"]",
                        EnforcementLayer.WORKFORCE_IDENTITY),
                new Tamper("bank-payments", "terraform/modules/network/main.tf",
                        "cidr_ipv4      = \"192.0.2.0/28\"", "cidr_ipv4      = \"0.0.0.0/0\"", EnforcementLayer.NETWORK),
                new Tamper("bank-payments", "terraform/modules/iam/policies/payment-analyst-1.json",
                        "\"aws:MultiFactorAuthPresent\": \"true\"", "\"aws:MultiFactorAuthPresent\": \"false\"",
                        EnforcementLayer.CLOUD_IDENTITY),
                new Tamper("bank-payments", "opa/data.json", "\"mfa\": true", "\"mfa\": false", EnforcementLayer.APPLICATION));
        return tampers.stream().map(t -> DynamicTest.dynamicTest(t.layer().label() + " " + t.file(), () -> {
            Path out = temp.resolve("tamper-" + t.layer().label());
            ValidateOptions options = new ValidateOptions(Fixtures.repo().resolve("examples").resolve(t.example()), Optional.of(out),
                    Optional.empty(), true, Optional.empty(), false);
            assertThat(Ztc.validate(options).failing()).isZero();
            Path file = out.resolve(t.file());
            String text = Files.readString(file);
            assertThat(text).contains(t.from());
            Files.writeString(file, text.replace(t.from(), t.to()));
            List<LayerJudgement> contradictions = Ztc.validate(options).results().stream()
                    .flatMap(r -> r.contradictions().stream()).toList();
            assertThat(contradictions).as("contradictions after tampering with " + t.file()).isNotEmpty()
                    .allMatch(j -> j.decision().layer() == t.layer());
        }));
    }

    @Test
    void anOutputOlderThanTheInputIsCompiledAgainBeforeItIsJudged() throws Exception {
        Path project = Fixtures.copy(Fixtures.repo().resolve("examples/bank-payments"), temp.resolve("p"));
        Path out = temp.resolve("out");
        ValidateOptions options = new ValidateOptions(project, Optional.of(out), Optional.empty(), true, Optional.empty(), false);
        Ztc.validate(options);
        Path policy = out.resolve("terraform/modules/iam/policies/payment-analyst-1.json");
        Files.writeString(policy, Files.readString(policy).replace("\"s3:GetObject\"", "\"s3:*\""));
        Files.setLastModifiedTime(out.resolve("ir.json"), FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));

        assertThat(Ztc.validate(options).failing()).isZero();
        assertThat(Files.readString(policy)).doesNotContain("s3:*");
    }
}
