package dev.ztc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test fixture projects live under src/test/resources/projects; tests work on copies in a temp dir. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path repo() {
        return Path.of(System.getProperty("ztc.repo", ".")).toAbsolutePath().normalize();
    }

    public static Path project(String name) {
        return repo().resolve("src/test/resources/projects").resolve(name);
    }

    /** Copies a directory tree (the fixture or an example) into {@code target}. */
    public static Path copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        }
        return target;
    }
}
