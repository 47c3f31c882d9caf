package dev.ztc.maven;

import dev.ztc.Fixtures;
import dev.ztc.drift.OpaServer;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ztc:drift} as Maven calls it (fields set as the POM would): skip first; a parameter ztc cannot use is a
 * MojoExecutionException naming it; against a real opa serving the compiled bundle the goal passes, against a
 * port where nothing listens it fails the build (MojoFailureException) after writing its reports.
 */
class DriftMojoTest {

    @TempDir
    Path temp;

    private DriftMojo drift(Path project) {
        DriftMojo mojo = new DriftMojo();
        mojo.projectDirectory = project.toFile();
        mojo.outputDirectory = temp.resolve("out").toFile();
        mojo.timeout = "PT5S";
        mojo.formats = List.of("html", "json");
        mojo.reportDirectory = temp.resolve("reports").toFile();
        mojo.sources = List.of("opa");
        mojo.clock = Clock.fixed(Instant.parse("2026-12-04T06:30:00Z"), ZoneOffset.UTC);
        return mojo;
    }

    private Path example() {
        return Fixtures.repo().resolve("examples/maven-project/src/main/ztc");
    }

    @Test
    void skipIsCheckedFirst() throws Exception {
        DriftMojo mojo = drift(temp.resolve("no-such-project"));
        mojo.formats = List.of("pdf");
        mojo.skip = true;
        mojo.execute();
        assertThat(temp.resolve("reports")).doesNotExist();
    }

    @Test
    void brokenConfigurationNamesThePomParameter() {
        DriftMojo formats = drift(example());
        formats.formats = List.of("pdf");
        assertThatThrownBy(formats::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<formats>")
                .hasMessageContaining("ztc.drift.formats");
        DriftMojo sources = drift(example());
        sources.sources = List.of("gcp");
        assertThatThrownBy(sources::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<sources>");
        DriftMojo noUrl = drift(example());
        assertThatThrownBy(noUrl::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<opaUrl> is required");
        DriftMojo badUrl = drift(example());
        badUrl.opaUrl = "ftp://example";
        assertThatThrownBy(badUrl::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<opaUrl> must be");
        DriftMojo timeout = drift(example());
        timeout.timeout = "30 seconds";
        assertThatThrownBy(timeout::execute).isInstanceOf(MojoExecutionException.class).hasMessageContaining("<timeout>");
        assertThat(temp.resolve("reports")).doesNotExist();
    }

    @Test
    void inSyncPassesAndAnUnreadableSourceFailsTheBuild() throws Exception {
        configuredCompile().execute();
        try (OpaServer opa = OpaServer.start(temp.resolve("out/opa"), temp.resolve("opa.log"))) {
            DriftMojo mojo = drift(example());
            mojo.opaUrl = opa.base().toString();
            mojo.execute();
        }
        assertThat(Files.readString(temp.resolve("reports/drift-report.json"))).contains("\"exitCode\" : 0");

        DriftMojo closed = drift(example());
        closed.opaUrl = OpaServer.closedPort().toString();
        assertThatThrownBy(closed::execute).isInstanceOf(MojoFailureException.class).hasMessageContaining("could not be read");
        assertThat(Files.readString(temp.resolve("reports/drift-report.html"))).contains("class=\"banner unknown\"");
        assertThat(Files.readAllLines(temp.resolve("reports/drift-history.jsonl"))).hasSize(2);
    }

    private CompileMojo configuredCompile() {
        CompileMojo compile = new CompileMojo();
        compile.projectDirectory = example().toFile();
        compile.outputDirectory = temp.resolve("out").toFile();
        return compile;
    }
}
