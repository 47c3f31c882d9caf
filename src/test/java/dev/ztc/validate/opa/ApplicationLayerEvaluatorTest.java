package dev.ztc.validate.opa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.ExternalTool;
import dev.ztc.Fixtures;
import dev.ztc.core.ValidateOptions;
import dev.ztc.core.Ztc;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.validate.LayerJudgement;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ValidationReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application layer through validate, by each engine: a data.json an emitter bug or a hand edit widened is a
 * contradiction of the application layer; a bundle opa cannot evaluate, or an opa that does not answer, is an
 * error and never an allow; a data.json of other types than ztc writes is refused by both engines.
 */
class ApplicationLayerEvaluatorTest {

    private static final Path BANK = Fixtures.repo().resolve("examples/bank-payments");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private record Engine(String name, Optional<Path> opa, boolean useOpa) {
    }

    private static List<Engine> engines() {
        return List.of(new Engine("java", Optional.empty(), false),
                new Engine("opa", Optional.of(ExternalTool.require("opa").path()), true));
    }

    @TestFactory
    Stream<DynamicTest> aTamperedDataJsonIsCaughtByEachEngine() {
        Map<String, UnaryOperator<String>> tampers = Map.of(
                "a removed mfa condition", text -> text.replace("\"mfa\": true", "\"mfa\": false"),
                "every device condition dropped", ApplicationLayerEvaluatorTest::dropDevicePostures,
                // DELETE too: every route lists it, and the first of every asset is indexed under it
                "a widened method", text -> text.replace("\"routes_by_method\": {", "\"routes_by_method\": {\n \"DELETE\": [0],")
                        .replace("\"methods\": [", "\"methods\": [\n \"DELETE\","));
        List<DynamicTest> tests = new ArrayList<>();
        for (Engine engine : engines()) {
            tampers.forEach((name, tamper) -> tests.add(DynamicTest.dynamicTest(engine.name() + ": " + name, () -> {
                Path out = temp.resolve(engine.name() + "-" + name.replace(' ', '-'));
                ValidateOptions options = options(out, engine);
                assertThat(Ztc.validate(options).failing()).isZero();
                Path data = out.resolve("opa/data.json");
                String before = Files.readString(data);
                Files.writeString(data, tamper.apply(before));
                assertThat(Files.readString(data)).isNotEqualTo(before);

                ValidationReport report = Ztc.validate(options);
                List<LayerJudgement> contradictions = report.results().stream().flatMap(r -> r.contradictions().stream()).toList();
                assertThat(contradictions).isNotEmpty().allMatch(j -> j.decision().layer() == EnforcementLayer.APPLICATION);
                assertThat(contradictions).anyMatch(j -> j.explanation().contains("allows what the matrix denies")
                        && j.explanation().contains("opa/data.json#ztc.assets."));
            })));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> aDataJsonOfOtherTypesIsRefusedByEachEngine() {
        return engines().stream().map(engine -> DynamicTest.dynamicTest(engine.name(), () -> {
            Path out = temp.resolve("types-" + engine.name());
            ValidateOptions options = options(out, engine);
            Ztc.validate(options);
            Path data = out.resolve("opa/data.json");
            // the policy would read the string as true; a lenient reader as false
            Files.writeString(data, Files.readString(data).replace("\"mfa\": false", "\"mfa\": \"false\""));
            assertThatThrownBy(() -> Ztc.validate(options)).isInstanceOf(UnreadableArtifactException.class)
                    .hasMessageContaining("opa/data.json").hasMessageContaining("mfa is not a boolean");
        }));
    }

    @Test
    void aPolicyOpaCannotCompileIsAnErrorNotAnAllow() throws Exception {
        Engine opa = engines().get(1);
        Path out = temp.resolve("broken");
        ValidateOptions options = options(out, opa);
        Ztc.validate(options);
        Files.writeString(out.resolve("opa/policy.rego"), "\nallow if {", java.nio.file.StandardOpenOption.APPEND);
        assertThatThrownBy(() -> Ztc.validate(options)).isInstanceOf(UnreadableArtifactException.class)
                .hasMessageContaining("opa eval exited").hasMessageContaining("policy.rego");
    }

    @Test
    void aProgramThatIsNotOpaIsAnErrorNotAnAllow() throws Exception {
        Path fake = temp.resolve("opa");
        // an executable that exits 0 and prints nothing: the answer is missing, which must not read as decisions
        Files.writeString(fake, "#!/bin/sh\nexit 0\n");
        assertThat(fake.toFile().setExecutable(true)).isTrue();
        ValidateOptions options = new ValidateOptions(BANK, Optional.of(temp.resolve("out")), Optional.empty(), true,
                Optional.of(fake), true);
        assertThatThrownBy(() -> Ztc.validate(options)).isInstanceOf(UnreadableArtifactException.class)
                .hasMessageContaining("opa eval printed no JSON");
    }

    @Test
    void anOpaThatDoesNotAnswerInTimeIsAnError() throws Exception {
        Path opa = ExternalTool.require("opa").path();
        CompiledExample example = CompiledExample.compile(BANK, temp);
        // no process starts, loads a bundle and answers within a millisecond
        ApplicationLayerEvaluator evaluator = ApplicationLayerEvaluator.withOpa(example.project(), example.artifacts(), opa,
                Duration.ofMillis(1));
        assertThatThrownBy(() -> evaluator.decide(example.requests())).isInstanceOf(UnreadableArtifactException.class)
                .hasMessageContaining("did not answer within");
    }

    @Test
    void aMissingOpaBinaryIsAUsageError() {
        ValidateOptions options = new ValidateOptions(BANK, Optional.of(temp.resolve("out")), Optional.empty(), true,
                Optional.of(temp.resolve("no-such-opa")), true);
        assertThatThrownBy(() -> Ztc.validate(options)).isInstanceOf(IOException.class)
                .hasMessageContaining("--opa").hasMessageContaining("no such executable file");
    }

    private static ValidateOptions options(Path out, Engine engine) {
        return new ValidateOptions(BANK, Optional.of(out), Optional.empty(), true, engine.opa(), engine.useOpa());
    }

    /** Every route's device_postures emptied, as a broken emitter that forgot the device condition would write them. */
    private static String dropDevicePostures(String text) {
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(text);
            for (Iterator<Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it = root.path("ztc").path("assets").fields(); it.hasNext(); ) {
                it.next().getValue().path("routes").forEach(r -> ((ObjectNode) r).putArray("device_postures"));
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
