package dev.ztc.emit;

import dev.ztc.Fixtures;
import dev.ztc.cli.CliRun;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --templates DIR: user templates first, then the built-ins; never outside the directory, never unescaped. */
class TemplatesTest {

    @TempDir
    Path temp;

    @Test
    void aUserTemplateReplacesTheBuiltInOfTheSameName() throws Exception {
        Path user = Files.createDirectories(temp.resolve("templates/terraform/network"));
        Files.writeString(user.resolve("README.md.ftl"), "# Our own network README for [=organization]\n");
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("compile", Fixtures.project("minimal").toString(), "--out", out.toString(),
                "--templates", temp.resolve("templates").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Terraform files");
        assertThat(Files.readString(out.resolve("terraform/modules/network/README.md"))).isEqualTo("# Our own network README for acme\n");
        // the others still come from the built-ins
        assertThat(Files.readString(out.resolve("terraform/modules/iam/README.md"))).startsWith("# Module iam");
    }

    @Test
    void aBrokenUserTemplateIsALocatedInputErrorAndNothingIsWritten() throws Exception {
        Path user = Files.createDirectories(temp.resolve("templates/terraform/root"));
        Files.writeString(user.resolve("main.tf.ftl"), "ok\n[#list nothing as x]\n");
        Path out = temp.resolve("out");
        CliRun run = CliRun.of("compile", Fixtures.project("minimal").toString(), "--out", out.toString(),
                "--templates", temp.resolve("templates").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("main.tf.ftl:", ErrorCode.TEMPLATE.id());
        assertThat(out).doesNotExist();
    }

    @Test
    void aTemplatesPathThatIsNoDirectoryIsAnInputError() {
        CliRun run = CliRun.of("compile", Fixtures.project("minimal").toString(), "--out", temp.resolve("out").toString(),
                "--templates", temp.resolve("missing").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--templates", "is not a directory");
    }

    @Test
    void namesWithDotDotAreRefused() throws Exception {
        Templates templates = Templates.of(Optional.of(temp));
        assertThatThrownBy(() -> templates.render("../secret.tf.ftl", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> templates.render("a/../../secret.tf.ftl", Map.of())).isInstanceOf(IllegalArgumentException.class);
        // nor can a user template include its way out of the directory
        Files.writeString(temp.resolve("escape.tf.ftl"), "[#include \"../../../../etc/passwd\"]\n");
        assertThatThrownBy(() -> templates.render("escape.tf.ftl", Map.of())).isInstanceOf(InputException.class);
    }

    @Test
    void aTemplateWithoutAnEscapingFormatIsRefused() throws Exception {
        Files.writeString(temp.resolve("raw.txt.ftl"), "[=v]\n");
        Templates templates = Templates.of(Optional.of(temp));
        assertThatThrownBy(() -> templates.render("raw.txt.ftl", Map.of("v", "${x}")))
                .isInstanceOf(InputException.class).hasMessageContaining("no escaping output format");
    }
}
