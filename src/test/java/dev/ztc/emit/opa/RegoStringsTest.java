package dev.ztc.emit.opa;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RegoStringsTest {

    static final List<String> HOSTILE = List.of("plain", "quote \" inside", "back\\slash", "\"]}", "\"} test_x if { true }",
            "new\nline", "cr\rlf\r\n", "tab\t", "nul\0byte", "bell\u0007", "del\u007f", "line\u2028sep\u2029",
            "emoji \uD83D\uDE00", "\\u0022 escaped quote", "# comment", "`raw`", "${x}", "");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void quotedStringsAreJsonLiteralsThatReadBackAsTheOriginal() throws Exception {
        for (String s : HOSTILE) {
            String quoted = RegoStrings.quote(s);
            assertThat(JSON.readValue(quoted, String.class)).as(quoted).isEqualTo(s);
            // one line, and no unescaped quote before the closing one
            assertThat(quoted).doesNotContain("\n", "\r", "\u2028");
            assertThat(quoted.substring(1, quoted.length() - 1).replace("\\\\", "").replace("\\\"", "")).doesNotContain("\"");
        }
    }

    @Test
    void loneSurrogatesBecomeTheReplacementCharacter() throws Exception {
        assertThat(JSON.readValue(RegoStrings.quote("a\uD800b"), String.class)).isEqualTo("a\uFFFDb");
    }

    @Test
    void identifiersKeepOnlyLowerCaseLettersDigitsAndUnderscores() {
        for (String s : HOSTILE) {
            assertThat(RegoStrings.identifier("test_001_", s)).matches("test_001_[a-z0-9_]*").hasSizeLessThanOrEqualTo(80);
        }
        assertThat(RegoStrings.identifier("test_001_", "Analyst reads -- reports!")).isEqualTo("test_001_analyst_reads_reports");
    }
}
