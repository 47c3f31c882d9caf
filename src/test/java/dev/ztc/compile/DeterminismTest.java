package dev.ztc.compile;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Same input, same bytes: across runs, time zones and locales, for every example and fixture. */
class DeterminismTest {

    @TempDir
    Path temp;

    static List<Path> projects() throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(Fixtures.project("minimal"));
        Path examples = Fixtures.repo().resolve("examples");
        if (Files.isDirectory(examples)) {
            try (Stream<Path> dirs = Files.list(examples)) {
                dirs.filter(d -> Files.exists(d.resolve("inventory.yaml"))).sorted().forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void sameBytesAcrossRunsTimeZonesAndLocales() throws IOException {
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            for (Path project : projects()) {
                Path a = compile(project, "a", "UTC", Locale.ROOT);
                Path b = compile(project, "b", "Pacific/Kiritimati", Locale.forLanguageTag("tr-TR"));
                Path c = compile(project, "c", "America/St_Johns", Locale.forLanguageTag("ar-EG"));
                assertThat(tree(b)).as(project.toString()).isEqualTo(tree(a));
                assertThat(tree(c)).as(project.toString()).isEqualTo(tree(a));
            }
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    private Path compile(Path project, String name, String zone, Locale locale) {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        Locale.setDefault(locale);
        Path out = temp.resolve(project.getFileName() + "-" + name);
        CliRun run = CliRun.of("compile", project.toString(), "--out", out.toString(), "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return out;
    }

    /** Relative path → content, for every file of an output tree. */
    static List<String> tree(Path root) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                // bytes, not UTF-8 text: the tree holds binary files too (opa/bundle.tar.gz)
                out.add(root.relativize(p) + "\n" + new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1));
            }
        }
        Collections.sort(out);
        return out;
    }
}
