package dev.ztc.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ztc.core.PlanCheckOptions;
import dev.ztc.core.Ztc;
import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in frequency and an enforced state, which no example compiles into Conditional Access: a copy of
 * remote-workforce whose mail rule gets {@code jit: {max_session: 4h}} and whose policies are compiled
 * {@code enabled}. Its first-apply plan (written by {@link PlanWriter}) passes; each variant edits one value of it.
 */
class PlanSessionControlsTest {

    private static final String MAIL_PREFIX = "module.conditional_access.azuread_conditional_access_policy.this"
            + "[\"ztc-remotico-m365-mail-10-require-";

    @TempDir
    Path temp;
    private Path project;
    private JsonNode compliant;
    /** The address of the mail app's require policy, the one that carries the session control. */
    private String mail;

    @BeforeEach
    void derivedProject() throws Exception {
        project = temp.resolve("remote-workforce-jit");
        Files.createDirectories(project);
        try (Stream<Path> files = Files.list(PlanFixtures.example("remote-workforce"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, project.resolve(f.getFileName().toString()));
            }
        }
        Path matrix = project.resolve("matrix.yaml");
        String before = Files.readString(matrix);
        String after = before.replace("when: { mfa: true, risk: medium }", "when: { mfa: true, risk: medium, jit: { max_session: 4h } }");
        assertThat(after).isNotEqualTo(before);
        Files.writeString(matrix, after);
        Files.writeString(project.resolve("ztc.yaml"), Files.readString(project.resolve("ztc.yaml"))
                + "conditional_access:\n  state: enabled\n");
        String plan = PlanWriter.firstApply(Ztc.planIntent(project, Optional.empty(), PlanFixtures.CLOCK));
        compliant = PlanWriter.JSON.readTree(plan);
        for (JsonNode c : compliant.path("resource_changes")) {
            if (c.path("address").asText().startsWith(MAIL_PREFIX)) {
                assertThat(mail).as("one require policy for mail").isNull();
                mail = c.path("address").asText();
            }
        }
        assertThat(mail).isNotNull();
    }

    private VerifyReport check(Consumer<ObjectNode> edit) throws Exception {
        JsonNode plan = compliant.deepCopy();
        for (JsonNode c : plan.path("resource_changes")) {
            if (c.path("address").asText().equals(mail)) {
                edit.accept((ObjectNode) c.path("change").path("after"));
            }
        }
        Path file = temp.resolve("plan.json");
        Files.writeString(file, PlanWriter.JSON.writeValueAsString(plan));
        return Ztc.planCheck(new PlanCheckOptions(project, file, Optional.empty()), PlanFixtures.CLOCK);
    }

    private static String weakened(VerifyReport report) {
        assertThat(report.failing(Severity.ERROR)).as("%s", report.findings()).isEqualTo(1);
        return PlanFixtures.of(report, "ZT503").get(0);
    }

    @Test
    void theCompliantPlanCarriesTheSessionControlAndPasses() throws Exception {
        JsonNode policy = StreamSupport.stream(compliant.path("resource_changes").spliterator(), false)
                .filter(c -> c.path("address").asText().equals(mail)).findFirst().orElseThrow().path("change").path("after");
        assertThat(policy.at("/session_controls/0/sign_in_frequency").asInt()).isEqualTo(4);
        assertThat(policy.path("state").asText()).isEqualTo("enabled");
        assertThat(check(after -> { }).findings()).isEmpty();
    }

    @Test
    void aLongerSignInFrequencyIsAWeakening() throws Exception {
        assertThat(weakened(check(after -> ((ObjectNode) after.at("/session_controls/0")).put("sign_in_frequency", 12))))
                .startsWith(mail + " | MAIL-1 | ")
                .endsWith("lets a session last 12h where the compiled policy asks for sign-in every 4h");
        // one day is 24 hours, not one
        assertThat(weakened(check(after -> ((ObjectNode) after.at("/session_controls/0")).put("sign_in_frequency", 1)
                .put("sign_in_frequency_period", "days")))).endsWith("lets a session last 24h where the compiled policy asks for sign-in every 4h");
        assertThat(weakened(check(after -> after.remove("session_controls"))))
                .endsWith("sets no sign-in frequency where the compiled policy asks for sign-in every 4h");
    }

    @Test
    void aShorterSignInFrequencyIsStricterAndPasses() throws Exception {
        assertThat(check(after -> ((ObjectNode) after.at("/session_controls/0")).put("sign_in_frequency", 1)).findings()).isEmpty();
    }

    @Test
    void reportOnlyIsAWeakeningWhenTheCompiledStateIsEnabled() throws Exception {
        assertThat(weakened(check(after -> after.put("state", "enabledForReportingButNotEnforced"))))
                .startsWith(mail + " | MAIL-1 | ")
                .endsWith("stops enforcing it (state enabledForReportingButNotEnforced; the compiled state is enabled)");
    }
}
