package dev.ztc.verify.checks;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where an external program the ZT4xx checks run is installed: on PATH, else in the directory
 * {@code scripts/install-test-tools.sh} installs into ({@code $ZTC_TOOLS/bin}, or {@code ~/.cache/ztc-tools/bin}),
 * so that a developer who ran the script gets the same checks as CI without editing PATH.
 */
final class InstalledTool {

    private InstalledTool() {
    }

    static Optional<Path> find(String name) {
        List<Path> dirs = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                dirs.add(Path.of(dir));
            }
        }
        String tools = System.getenv("ZTC_TOOLS");
        dirs.add(tools != null ? Path.of(tools, "bin") : Path.of(System.getProperty("user.home"), ".cache", "ztc-tools", "bin"));
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
