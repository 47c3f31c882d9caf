package dev.ztc.drift;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * An example project copied, optionally edited, compiled, and read back as drift reads a compiled output: every
 * text file by its output-relative path (what {@code CompiledOutput.read} gives the drift command).
 */
public record CompiledExample(Path projectDir, Path outputDir, ResolvedProject project, Map<String, String> artifacts) {

    public static CompiledExample of(String example, Path temp, UnaryOperator<String> editInventory) throws Exception {
        return of(example, temp, editInventory, matrix -> matrix);
    }

    public static CompiledExample of(String example, Path temp, UnaryOperator<String> editInventory,
                                     UnaryOperator<String> editMatrix) throws Exception {
        Path project = Fixtures.copy(Fixtures.repo().resolve("examples").resolve(example), temp.resolve("project"));
        Path inventory = project.resolve("inventory.yaml");
        Files.writeString(inventory, editInventory.apply(Files.readString(inventory)));
        Path matrix = project.resolve("matrix.yaml");
        Files.writeString(matrix, editMatrix.apply(Files.readString(matrix)));
        Path out = temp.resolve("out");
        Ztc.compile(new CompileOptions(project, Optional.of(out)));
        return new CompiledExample(project, out, Ztc.loadAndCheck(project), read(out));
    }

    private static Map<String, String> read(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = out.relativize(file).toString().replace('\\', '/');
                if (!name.endsWith(".tar.gz")) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
