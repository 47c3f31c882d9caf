package dev.ztc.emit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ztc.ExternalTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What the output formats make of hostile text, checked by the real parsers that will read it. */
class OutputFormatEscapingTest {

    static final List<String> HOSTILE = List.of(
            "plain",
            "quote \" and backslash \\ and \\\" both",
            "${var.secret} and $${already} and $ alone and ${",
            "%{ if true }x%{ endif } and %% and %{",
            "<<EOF\nresource \"x\" \"y\" {}\nEOF\n",
            "line\r\nbreak\ttab\u0001\u001f\u007f",
            "unicode é ü 漢字 \u2028 \u2029",
            "} ] ) # // /* comment */",
            "<script>&amp;</script>");

    @TempDir
    Path temp;

    @Test
    void hclStringsReadBackUnchangedByTerraform() throws Exception {
        ExternalTool terraform = ExternalTool.require("terraform");
        StringBuilder config = new StringBuilder("locals {\n");
        for (int i = 0; i < HOSTILE.size(); i++) {
            config.append("  v").append(i).append(" = \"").append(HclOutputFormat.escape(HOSTILE.get(i))).append("\"\n");
        }
        config.append("}\n");
        Files.writeString(temp.resolve("main.tf"), config.toString());
        StringBuilder expression = new StringBuilder("base64encode(jsonencode([");
        for (int i = 0; i < HOSTILE.size(); i++) {
            expression.append(i == 0 ? "" : ", ").append("local.v").append(i);
        }
        Path input = Files.writeString(temp.resolve("expression"), expression.append("]))\n").toString());
        ExternalTool.Run run = terraform.run(temp, Optional.of(input), 120, "console");
        assertThat(run.exitCode()).as("terraform console: %s", run.err()).isZero();
        String base64 = run.out().strip().replace("\"", "");
        List<?> values = new ObjectMapper().readValue(Base64.getDecoder().decode(base64), List.class);
        assertThat(values).isEqualTo(HOSTILE);
    }

    @Test
    void hclEscapesEveryInterpolationAndDirectiveStart() {
        assertThat(HclOutputFormat.escape("${x}")).isEqualTo("$${x}");
        assertThat(HclOutputFormat.escape("%{x}")).isEqualTo("%%{x}");
        assertThat(HclOutputFormat.escape("\"\\\n")).isEqualTo("\\\"\\\\\\n");
        assertThat(HclOutputFormat.escape("\u0000")).isEqualTo("\\u0000");
        for (String text : HOSTILE) {
            String escaped = HclOutputFormat.escape(text);
            assertThat(escaped).doesNotContain("\n", "\r").doesNotContainPattern("(?<![$])[$][{]").doesNotContainPattern("(?<![%])[%][{]");
        }
    }

    @Test
    void jsonStringsReadBackUnchanged() throws Exception {
        ObjectMapper json = new ObjectMapper();
        for (String text : HOSTILE) {
            String document = "{\"v\": \"" + JsonOutputFormat.escape(text) + "\"}";
            assertThat(json.readValue(document, Map.class)).containsEntry("v", text);
            assertThat(JsonOutputFormat.escape(text)).doesNotContain("<", ">", "&", "\n");
        }
    }

    @Test
    void markdownValuesStayOneInertRunOfText() {
        for (String text : HOSTILE) {
            String escaped = MarkdownOutputFormat.escape(text);
            assertThat(escaped).doesNotContain("\n", "\r").doesNotContainPattern("(?<!\\\\)[|<>\\[\\]`*_#]");
        }
    }

    @Test
    void templatesEscapeEveryValueByTheirFileKind(@TempDir Path user) throws Exception {
        Files.writeString(user.resolve("value.tf.ftl"), "v = \"[=v]\"\n", StandardCharsets.UTF_8);
        Files.writeString(user.resolve("value.json.ftl"), "{\"v\": \"[=v]\"}\n", StandardCharsets.UTF_8);
        Templates templates = Templates.of(Optional.of(user));
        for (String text : HOSTILE) {
            assertThat(templates.render("value.tf.ftl", Map.of("v", text))).isEqualTo("v = \"" + HclOutputFormat.escape(text) + "\"\n");
            assertThat(new ObjectMapper().readValue(templates.render("value.json.ftl", Map.of("v", text)), Map.class))
                    .containsEntry("v", text);
        }
    }
}
