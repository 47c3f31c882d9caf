package dev.ztc.load;

import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentReaderTest {

    private static Node yaml(String text) throws InputException {
        return DocumentReader.read("f.yaml", text, DocumentReader.Syntax.YAML);
    }

    @Test
    void yamlKeysAndValuesKeepTheirLineAndColumn() throws InputException {
        Node.MapNode root = (Node.MapNode) yaml("version: 1\nassets:\n  - { id: db, ports: [\"5432/tcp\"] }\n");

        Node.Field assets = root.fields().get("assets");
        assertThat(assets.keyLocation()).isEqualTo(new SourceLocation("f.yaml", 2, 1));
        Node.MapNode db = (Node.MapNode) ((Node.ListNode) assets.value()).items().get(0);
        assertThat(db.location()).isEqualTo(new SourceLocation("f.yaml", 3, 5));
        assertThat(db.fields().get("id").value().location()).isEqualTo(new SourceLocation("f.yaml", 3, 11));
        Node.ListNode ports = (Node.ListNode) db.fields().get("ports").value();
        assertThat(ports.items().get(0).location()).isEqualTo(new SourceLocation("f.yaml", 3, 23));
    }

    @Test
    void jsonLocationsToo() throws InputException {
        Node.MapNode root = (Node.MapNode) DocumentReader.read("f.json", "{\n  \"a\": [1,\n   true]\n}", DocumentReader.Syntax.JSON);

        Node.ListNode a = (Node.ListNode) root.fields().get("a").value();
        assertThat(root.fields().get("a").keyLocation()).isEqualTo(new SourceLocation("f.json", 2, 3));
        assertThat(a.items().get(1).location()).isEqualTo(new SourceLocation("f.json", 3, 4));
        assertThat(((Node.ScalarNode) a.items().get(0)).value()).isEqualTo(1L);
    }

    @Test
    void numbersKeepTheTextAsWritten() throws InputException {
        Node.MapNode root = (Node.MapNode) yaml("v: 14.10\n");

        assertThat(((Node.ScalarNode) root.fields().get("v").value()).text()).isEqualTo("14.10");
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondKey() {
        assertThatThrownBy(() -> yaml("a: 1\nb: 2\na: 3\n"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.diagnostics().get(0).location()).isEqualTo(new SourceLocation("f.yaml", 3, 1));
                    assertThat(e.diagnostics().get(0).message()).contains("duplicate key 'a' (first at line 1)");
                });
    }

    @Test
    void aliasesAndSeveralDocumentsAreRefused() {
        assertThatThrownBy(() -> yaml("a: &x 1\nb: *x\n")).hasMessageContaining("aliases");
        assertThatThrownBy(() -> yaml("a: 1\n---\nb: 2\n")).hasMessageContaining("one document");
    }

    @Test
    void syntaxErrorsAreLocatedAndCoded() {
        assertThatThrownBy(() -> yaml("a: [1, 2\nb: 3\n"))
                .isInstanceOfSatisfying(InputException.class, e -> {
                    assertThat(e.diagnostics().get(0).code()).isEqualTo(ErrorCode.SYNTAX);
                    assertThat(e.diagnostics().get(0).location().line()).isGreaterThanOrEqualTo(1);
                });
        assertThatThrownBy(() -> DocumentReader.read("f.json", "{\"a\": }", DocumentReader.Syntax.JSON))
                .isInstanceOfSatisfying(InputException.class, e ->
                        assertThat(e.diagnostics().get(0).location()).isEqualTo(new SourceLocation("f.json", 1, 7)));
        assertThatThrownBy(() -> yaml("")).hasMessageContaining("empty");
    }

    @Test
    void deepNestingIsAnInputErrorNotAStackOverflow() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThatThrownBy(() -> DocumentReader.read("f.json", deep, DocumentReader.Syntax.JSON))
                .isInstanceOf(InputException.class);
        assertThatThrownBy(() -> yaml(deep)).isInstanceOf(InputException.class);
    }
}
