package dev.ztc.diag;

import java.nio.file.Path;

/** File names as reports print them: relative to where ztc was started when possible, with forward slashes. */
public final class DisplayPaths {

    private DisplayPaths() {
    }

    public static String relative(String file) {
        Path path = Path.of(file);
        if (path.isAbsolute()) {
            Path cwd = Path.of("").toAbsolutePath();
            if (path.startsWith(cwd)) {
                path = cwd.relativize(path);
            }
        }
        return path.normalize().toString().replace('\\', '/');
    }
}
