package dev.ztc.core;

import dev.ztc.check.ResolvedProject;
import dev.ztc.validate.LayerEvaluator;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.ca.ConditionalAccessEvaluator;
import dev.ztc.validate.iam.IamLayerEvaluator;
import dev.ztc.validate.network.SecurityGroupEvaluator;
import dev.ztc.validate.opa.ApplicationLayerEvaluator;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The evaluators of every layer, in the order of the report's table, over the emitted files. */
final class LayerEvaluators {

    /** One opa eval decides every request; a 10,000-rule organisation's requests take seconds, not minutes. */
    static final Duration OPA_TIMEOUT = Duration.ofMinutes(5);

    private LayerEvaluators() {
    }

    static List<LayerEvaluator> of(ResolvedProject project, Map<String, String> artifacts, ValidateOptions options)
            throws UnreadableArtifactException, IOException {
        List<LayerEvaluator> out = new ArrayList<>();
        out.add(new SecurityGroupEvaluator(project, artifacts));
        out.add(new IamLayerEvaluator(project, artifacts));
        out.add(new ConditionalAccessEvaluator(project, artifacts));
        out.add(application(project, artifacts, options));
        return out;
    }

    /**
     * {@code --opa FILE} must be an executable (a typo there is an error, not a silent change of engine); without
     * it, opa on PATH or in the test-tool directory, else ztc's Java evaluation, which the report then names.
     */
    private static LayerEvaluator application(ResolvedProject project, Map<String, String> artifacts, ValidateOptions options)
            throws UnreadableArtifactException, IOException {
        if (!options.useOpa()) {
            return ApplicationLayerEvaluator.inJava(project, artifacts, "--no-opa");
        }
        if (options.opa().isPresent()) {
            Path opa = options.opa().get();
            if (!Files.isRegularFile(opa) || !Files.isExecutable(opa)) {
                throw new IOException("--opa " + opa + ": no such executable file");
            }
            return ApplicationLayerEvaluator.withOpa(project, artifacts, opa, OPA_TIMEOUT);
        }
        Optional<Path> found = findOpa();
        if (found.isEmpty()) {
            return ApplicationLayerEvaluator.inJava(project, artifacts, "opa not found on PATH or in " + toolDirectory());
        }
        return ApplicationLayerEvaluator.withOpa(project, artifacts, found.get(), OPA_TIMEOUT);
    }

    private static Optional<Path> findOpa() {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        dirs.add(toolDirectory());
        return dirs.stream().map(d -> d.resolve("opa")).filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst();
    }

    /** Where scripts/install-test-tools.sh installs opa ({@code $ZTC_TOOLS/bin}, by default ~/.cache/ztc-tools/bin). */
    private static Path toolDirectory() {
        String tools = System.getenv("ZTC_TOOLS");
        return tools != null ? Path.of(tools, "bin") : Path.of(System.getProperty("user.home"), ".cache", "ztc-tools", "bin");
    }
}
