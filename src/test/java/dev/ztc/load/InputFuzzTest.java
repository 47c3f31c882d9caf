package dev.ztc.load;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.InputException;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feeds arbitrary text to each reader and the binders behind it. Whatever the input, the only way out is a located
 * {@link InputException}: any other exception, or a diagnostic without a line and column, fails the test.
 * In a normal test run Jazzer replays the seeds under {@code InputFuzzTestInputs/<method>/}; with
 * {@code JAZZER_FUZZ=1} it fuzzes.
 */
class InputFuzzTest {

    @FuzzTest
    void yaml(byte[] input) {
        readAndBind("inventory.yaml", input);
    }

    @FuzzTest
    void json(byte[] input) {
        readAndBind("inventory.json", input);
    }

    @FuzzTest
    void hcl(byte[] input) {
        readAndBind("inventory.hcl", input);
    }

    @FuzzTest
    void csv(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Node root = ProjectLoader.parse("matrix.csv", text);
            Diagnostics diagnostics = new Diagnostics();
            new MatrixBinder(diagnostics).bind(root, false);
            assertLocated(diagnostics);
        } catch (InputException e) {
            assertLocated(e);
        }
    }

    /** The same text bound as every document kind, since any of them may hold it. */
    private static void readAndBind(String file, byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        try {
            Node root = ProjectLoader.parse(file, text);
            Diagnostics diagnostics = new Diagnostics();
            new InventoryBinder(diagnostics).bind(root);
            new MatrixBinder(diagnostics).bind(root, true);
            new RequestsBinder(diagnostics).bind(root);
            new SettingsBinder(diagnostics).bind(root);
            new CatalogBinder(diagnostics).bind(root);
            assertLocated(diagnostics);
            assertThat(ProjectLoader.parse(file, text)).as("parsing is deterministic").isEqualTo(root);
        } catch (InputException e) {
            assertLocated(e);
        }
    }

    private static void assertLocated(Diagnostics diagnostics) {
        diagnostics.sorted().forEach(InputFuzzTest::assertLocated);
    }

    private static void assertLocated(InputException e) {
        assertThat(e.diagnostics()).isNotEmpty();
        e.diagnostics().forEach(InputFuzzTest::assertLocated);
    }

    private static void assertLocated(Diagnostic d) {
        assertThat(d.location().line()).as("line of %s", d).isGreaterThanOrEqualTo(1);
        assertThat(d.location().column()).as("column of %s", d).isGreaterThanOrEqualTo(1);
        assertThat(d.message()).as("message of %s", d).isNotBlank();
    }
}
