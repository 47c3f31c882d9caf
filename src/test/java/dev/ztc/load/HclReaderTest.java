package dev.ztc.load;

import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class HclReaderTest {

    @Test
    void attributesBlocksAndObjectsKeepTheirPlaces() throws InputException {
        String text = """
                version = 1
                organization = "acme"
                clouds {
                  aws { account_id = "111122223333", region = "eu-west-1" }
                }
                assets = [
                  { id = "db", ports = ["5432/tcp"] },
                ]
                """;

        Node.MapNode root = (Node.MapNode) HclReader.read("i.hcl", text);

        assertThat(root.fields().get("version").keyLocation()).isEqualTo(at(1, 1));
        assertThat(root.fields().get("version").value()).isEqualTo(new Node.ScalarNode(at(1, 11), 1L, "1"));
        assertThat(root.fields().get("organization").value()).isEqualTo(new Node.ScalarNode(at(2, 16), "acme", "acme"));
        Node.MapNode clouds = (Node.MapNode) root.fields().get("clouds").value();
        assertThat(clouds.location()).isEqualTo(at(3, 8));
        Node.Field aws = clouds.fields().get("aws");
        assertThat(aws.keyLocation()).isEqualTo(at(4, 3));
        Node.MapNode awsBody = (Node.MapNode) aws.value();
        assertThat(awsBody.fields().get("region").keyLocation()).isEqualTo(at(4, 38));
        assertThat(awsBody.fields().get("region").value().location()).isEqualTo(at(4, 47));
        Node.ListNode assets = (Node.ListNode) root.fields().get("assets").value();
        assertThat(assets.location()).isEqualTo(at(6, 10));
        Node.MapNode asset = (Node.MapNode) assets.items().get(0);
        assertThat(asset.location()).isEqualTo(at(7, 3));
        Node.ListNode ports = (Node.ListNode) asset.fields().get("ports").value();
        assertThat(ports.items()).containsExactly(new Node.ScalarNode(at(7, 25), "5432/tcp", "5432/tcp"));
    }

    @Test
    void scalarsKeepTheirTypeAndRawText() throws InputException {
        String text = "a = 14.10\nb = -3\nc = 007\nd = true\ne = null\nf = \"q\\\"\\n\\t\\\\\"  # comment\n"
                + "// line comment\n/* block\n comment */ g = 99999999999999999999\n";

        Node.MapNode root = (Node.MapNode) HclReader.read("i.hcl", text);

        assertThat(value(root, "a")).isEqualTo(new Node.ScalarNode(at(1, 5), 14.1, "14.10"));
        assertThat(value(root, "a").text()).isEqualTo("14.10");
        assertThat(value(root, "b").value()).isEqualTo(-3L);
        assertThat(value(root, "c")).isEqualTo(new Node.ScalarNode(at(3, 5), 7L, "007"));
        assertThat(value(root, "d").value()).isEqualTo(Boolean.TRUE);
        assertThat(value(root, "e").value()).isNull();
        assertThat(value(root, "f").value()).isEqualTo("q\"\n\t\\");
        assertThat(value(root, "g")).isEqualTo(new Node.ScalarNode(at(9, 17), 1e20, "99999999999999999999"));
    }

    @Test
    void repeatedBlocksBecomeAListAtTheFirstName() throws InputException {
        Node.MapNode root = (Node.MapNode) HclReader.read("i.hcl", "rule {\n id = \"A\"\n}\nrule {\n id = \"B\"\n}\n");

        Node.ListNode rules = (Node.ListNode) root.fields().get("rule").value();
        assertThat(rules.location()).isEqualTo(at(1, 1));
        assertThat(rules.items()).extracting(Node::location).containsExactly(at(1, 6), at(4, 6));
    }

    @Test
    void byteOrderMarkAndCrLfDoNotShiftPlaces() throws InputException {
        Node.MapNode root = (Node.MapNode) HclReader.read("i.hcl", "\uFEFFa = 1\r\nb = \"x\"\r\n");

        assertThat(value(root, "a").location()).isEqualTo(at(1, 5));
        assertThat(value(root, "b").location()).isEqualTo(at(2, 5));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            interpolation              | 'a = 1\\nb = "x${var.y}"'              | 2 | 7  | template
            directive                  | 'b = "%{ if true }x%{ endif }"'         | 1 | 6  | template
            escaped interpolation      | 'b = "$${x}"'                           | 1 | 7  | template
            reference                  | 'b = var.x'                             | 1 | 5  | literals only
            function call              | 'b = file("/etc/passwd")'               | 1 | 5  | literals only
            arithmetic                 | 'b = 1 + 2'                             | 1 | 7  | no expressions
            comparison                 | 'r = 1 == '                             | 1 | 7  | no expressions
            heredoc                    | 'b = <<EOF\\nx\\nEOF'                   | 1 | 5  | heredoc
            labelled block             | 'asset "db" {\\n kind = "x"\\n}'        | 1 | 7  | asset = [{ id = "db"
            duplicate attribute        | 'a = 1\\nb = 2\\na = 3'                 | 3 | 1  | duplicate key 'a' (first at line 1)
            block after attribute      | 'a = 1\\na {\\n}'                       | 2 | 1  | duplicate key 'a'
            duplicate object key       | 'o = { k = 1, k = 2 }'                  | 1 | 14 | duplicate key 'k'
            unclosed string            | 'a = "abc\\nb = 1'                      | 1 | 5  | not closed
            unclosed block             | 'a {\\n b = 1\\n'                       | 3 | 1  | end of the file
            unclosed list              | 'a = [1, 2'                             | 1 | 10 | end of the file
            unclosed comment           | 'a = 1 /* x'                            | 1 | 7  | comment is not closed
            two attributes on one line | 'a = 1 b = 2'                           | 1 | 7  | a line break
            unicode escape             | 'a = "\\u00e9"'                         | 1 | 6  | escapes are not supported
            exponent                   | 'a = 1e3'                               | 1 | 5  | exponent
            hexadecimal                | 'a = 0x10'                              | 1 | 6  | malformed number
            non-ASCII name             | 'a = 1\nbé = 2'                        | 2 | 2  | unexpected 'é'
            empty file                 | '# only a comment'                      | 1 | 1  | empty
            """)
    void refusesWhatIsNotALiteralWithALocatedSyntaxError(String name, String text, int line, int column, String message) {
        String source = text.replace("\\n", "\n");

        InputException e = catchThrowableOfType(InputException.class, () -> HclReader.read("i.hcl", source));

        assertThat(e).as(name).isNotNull();
        assertThat(e.diagnostics()).hasSize(1);
        Diagnostic d = e.diagnostics().get(0);
        assertThat(d.code()).isEqualTo(ErrorCode.SYNTAX);
        assertThat(d.location()).as(d.toString()).isEqualTo(at(line, column));
        assertThat(d.message()).contains(message);
    }

    @Test
    void deepNestingIsRefusedBeforeItExhaustsTheStack() {
        String text = "a = " + "[".repeat(10_000) + "]".repeat(10_000);

        InputException e = catchThrowableOfType(InputException.class, () -> HclReader.read("i.hcl", text));

        assertThat(e.diagnostics().get(0).message()).contains("nested more than");
        assertThat(e.diagnostics().get(0).location().line()).isEqualTo(1);
    }

    @Test
    void agreesWithHcl4jOnEveryFixtureValue() throws InputException {
        // the reader's own cross-check would throw if the two parsers disagreed
        String text = "m = { \"Finance Analysts\" = \"x\", y: [1.5, -2, true, null, {}] }\nb {\n}\n";

        Node.MapNode root = (Node.MapNode) HclReader.read("i.hcl", text);

        assertThat(((Node.MapNode) root.fields().get("m").value()).fields()).containsOnlyKeys("Finance Analysts", "y");
    }

    private static Node.ScalarNode value(Node.MapNode map, String key) {
        return (Node.ScalarNode) map.fields().get(key).value();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("i.hcl", line, column);
    }
}
