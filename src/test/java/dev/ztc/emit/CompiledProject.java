package dev.ztc.emit;

import dev.ztc.Fixtures;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.ir.Ir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** A fixture project compiled through the core entry point, with its output files in memory and on disk. */
record CompiledProject(Ir ir, Path out, Map<String, String> terraform) {

    /** A fixture under src/test/resources/projects, or with the prefix {@code examples/} one of the examples. */
    static CompiledProject of(String fixture, Path temp) throws Exception {
        Path dir = fixture.startsWith("examples/") ? Fixtures.repo().resolve(fixture) : Fixtures.project(fixture);
        return ofDir(dir, temp.resolve(fixture.replace('/', '-') + "-out"));
    }

    static CompiledProject ofDir(Path projectDir, Path out) throws Exception {
        Ztc.CompileResult result = Ztc.compile(new CompileOptions(projectDir, Optional.of(out)));
        Map<String, String> terraform = new TreeMap<>();
        result.output().files().forEach((path, bytes) -> {
            if (path.startsWith(TerraformEmitter.DIR + "/")) {
                terraform.put(path.substring(TerraformEmitter.DIR.length() + 1), new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return new CompiledProject(result.ir(), out, terraform);
    }

    Path terraformDir() {
        return out.resolve(TerraformEmitter.DIR);
    }
}
