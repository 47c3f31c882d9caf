package dev.ztc.core;

import dev.ztc.diag.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The output directory as the commands after compile read it: compiled first when it is missing or older than
 * the input (DESIGN.md, "Command line"), then read back whole, so that what is judged is what is on disk, hand
 * edits included.
 */
final class CompiledOutput {

    private CompiledOutput() {
    }

    /** Compiles when {@code ir.json} is missing or older than any input file of the project; true when it did. */
    static boolean ensure(CompileOptions options) throws InputException, IOException {
        Path ir = options.outputDir().resolve("ir.json");
        if (Files.isRegularFile(ir) && !newerInput(options.projectDir(), Files.getLastModifiedTime(ir))) {
            return false;
        }
        Ztc.compile(options);
        return true;
    }

    private static boolean newerInput(Path projectDir, FileTime built) throws IOException {
        try (Stream<Path> files = Files.list(projectDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(file).compareTo(built) > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Every text file under the output directory, by its path relative to it (forward slashes); archives left out,
     * and so is {@code .terraform/}: {@code terraform init} in the output puts provider binaries there (not UTF-8,
     * and not ztc's), and the modules Terraform applies are ztc's own files beside it.
     */
    static Map<String, String> read(Path out) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
                String name = out.relativize(file).toString().replace('\\', '/');
                if (!name.endsWith(".tar.gz") && !name.startsWith("reports/") && !("/" + name).contains("/.terraform/")) {
                    files.put(name, Files.readString(file, StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }
}
