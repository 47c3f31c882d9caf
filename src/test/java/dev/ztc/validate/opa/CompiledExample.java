package dev.ztc.validate.opa;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.CompileOptions;
import dev.ztc.core.Ztc;
import dev.ztc.emit.IrJson;
import dev.ztc.model.Request;
import dev.ztc.validate.ValidationCase;
import dev.ztc.validate.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** An example compiled into a temporary directory and read back as validate reads it, with its samples and boundary requests. */
record CompiledExample(String name, ResolvedProject project, Map<String, String> artifacts, List<Request> requests) {

    static List<Path> examples() throws IOException {
        try (Stream<Path> dirs = Files.list(Fixtures.repo().resolve("examples"))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("matrix.yaml"))).sorted().toList();
        }
    }

    static CompiledExample compile(Path example, Path temp) throws Exception {
        Path out = temp.resolve("out-" + example.getFileName());
        Ztc.compile(new CompileOptions(example, Optional.of(out)));
        Map<String, String> artifacts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".tar.gz")).toList()) {
                artifacts.put(out.relativize(file).toString().replace('\\', '/'), Files.readString(file));
            }
        }
        ResolvedProject project = Ztc.loadAndCheck(example);
        List<Request> requests = new Validator(project, IrJson.read(artifacts.get("ir.json"))).cases(true).stream()
                .map(ValidationCase::request).toList();
        return new CompiledExample(example.getFileName().toString(), project, artifacts, requests);
    }

    CompiledExample with(String file, String from, String to) {
        Map<String, String> copy = new TreeMap<>(artifacts);
        String text = copy.get(file);
        if (text == null || !text.contains(from)) {
            throw new IllegalArgumentException(file + " does not contain " + from);
        }
        copy.put(file, text.replace(from, to));
        return new CompiledExample(name, project, copy, requests);
    }
}
