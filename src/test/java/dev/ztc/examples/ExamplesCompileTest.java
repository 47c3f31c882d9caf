package dev.ztc.examples;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import dev.ztc.emit.IrJson;
import dev.ztc.ir.Ir;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every project under {@code examples/} compiles through the real CLI, and every one of its rules is
 * realized by at least one layer. {@code -Dztc.examples=DIR} points the test at other projects, such as
 * the output of scripts/gen-synthetic-org.py.
 */
class ExamplesCompileTest {

    private static final Path EXAMPLES = Path.of(System.getProperty("ztc.examples",
            Fixtures.repo().resolve("examples").toString()));

    @TempDir
    Path temp;

    static List<Path> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(EXAMPLES)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("inventory.yaml"))
                    || Files.isRegularFile(dir.resolve("inventory.json")) || Files.isRegularFile(dir.resolve("inventory.hcl")))
                    .sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExampleCompiles() throws IOException {
        List<Path> projects = examples();
        assertThat(projects).as("example projects").hasSizeGreaterThanOrEqualTo(3);
        return projects.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Path out = temp.resolve(dir.getFileName().toString());
            CliRun run = CliRun.of("compile", dir.toString(), "--out", out.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).startsWith("compiled ");
            Ir ir = IrJson.read(Files.readString(out.resolve("ir.json")));
            assertThat(ir.rules()).isNotEmpty().allSatisfy(rule -> assertThat(rule.layers()).as(rule.id()).isNotEmpty());
            assertThat(IrJson.write(ir)).as("ir.json reads back to the same IR").isEqualTo(Files.readString(out.resolve("ir.json")));
        }));
    }
}
