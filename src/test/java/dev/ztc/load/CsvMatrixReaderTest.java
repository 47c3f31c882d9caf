package dev.ztc.load;

import dev.ztc.diag.Diagnostic;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.diag.SourceLocation;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CsvMatrixReaderTest {

    private static final String HEADER = "id,who,can,what,mfa,device,from,hours\n";

    @Test
    void rowBecomesRuleWithEveryCellAtItsColumn() throws InputException {
        Node.MapNode rule = firstRule(HEADER + "FIN-1,group:fin,read,asset:reports,yes,managed,location:a; location:b,\n");

        assertThat(scalar(rule, "id")).isEqualTo(new Node.ScalarNode(at(2, 1), "FIN-1", "FIN-1"));
        assertThat(scalar(rule, "who").location()).isEqualTo(at(2, 7));
        assertThat(scalar(rule, "can").location()).isEqualTo(at(2, 17));
        assertThat(scalar(rule, "what").location()).isEqualTo(at(2, 22));
        Node.MapNode when = (Node.MapNode) rule.fields().get("when").value();
        assertThat(when.fields()).containsOnlyKeys("mfa", "device", "from");
        assertThat(scalar(when, "mfa").value()).isEqualTo(Boolean.TRUE);
        assertThat(scalar(when, "mfa").location()).isEqualTo(at(2, 36));
        assertThat(scalar(when, "device").location()).isEqualTo(at(2, 40));
        Node.ListNode from = (Node.ListNode) when.fields().get("from").value();
        assertThat(from.location()).isEqualTo(at(2, 48));
        assertThat(from.items()).containsExactly(
                new Node.ScalarNode(at(2, 48), "location:a", "location:a"),
                new Node.ScalarNode(at(2, 60), "location:b", "location:b"));
    }

    @Test
    void emptyConditionCellsLeaveNoWhen() throws InputException {
        Node.MapNode rule = firstRule(HEADER + "PAY-1,service:api,connect,asset:db,,,,\n");

        assertThat(rule.fields()).containsOnlyKeys("id", "who", "can", "what");
    }

    @Test
    void mfaThatIsNoFlagStaysTextSoTheBinderReportsItsType() throws InputException {
        Node.MapNode rule = firstRule(HEADER + "R,group:g,read,asset:a,maybe,,,\n");

        Node.ScalarNode mfa = scalar((Node.MapNode) rule.fields().get("when").value(), "mfa");
        assertThat(mfa.value()).isEqualTo("maybe");
        assertThat(mfa.location()).isEqualTo(at(2, 24));
    }

    @Test
    void columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws InputException {
        Node.MapNode rule = firstRule("what,can,who,id\nasset:a,read,group:g,R-1\n");

        assertThat(scalar(rule, "id").location()).isEqualTo(at(2, 22));
        assertThat(rule.fields()).containsOnlyKeys("what", "can", "who", "id");
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndLaterCellsKeepTheirPlace() throws InputException {
        String text = "\uFEFFid,who,can,what,hours\r\n\r\n"
                + "\"R,1\",\"group:\"\"g\"\"\",\"GET\r\n/x\",asset:a,\"Mon-Fri 07:00-19:00 UTC\"\r\n";

        Node.MapNode rule = firstRule(text);

        assertThat(scalar(rule, "id")).isEqualTo(new Node.ScalarNode(at(3, 1), "R,1", "R,1"));
        assertThat(scalar(rule, "who").value()).isEqualTo("group:\"g\"");
        assertThat(scalar(rule, "can").value()).isEqualTo("GET\n/x");
        assertThat(scalar(rule, "what").location()).isEqualTo(at(4, 5));
        assertThat(scalar((Node.MapNode) rule.fields().get("when").value(), "hours").location()).isEqualTo(at(4, 13));
    }

    @Test
    void fromItemsInsideAQuotedMultiLineCellPointAtTheirOwnPlace() throws InputException {
        Node.MapNode rule = firstRule("id,who,can,what,from\nR,group:g,read,asset:a,\"location:a\nlocation:b\"\n");

        Node.ListNode from = (Node.ListNode) ((Node.MapNode) rule.fields().get("when").value()).fields().get("from").value();
        assertThat(from.items()).extracting(Node::location).containsExactly(at(2, 25), at(3, 1));
    }

    @Test
    void headerProblemsPointAtTheirCell() {
        InputException e = catchThrowableOfType(InputException.class,
                () -> CsvMatrixReader.read("m.csv", "id,who,cna,what,who,colour\n"));

        assertThat(e.diagnostics()).extracting(Diagnostic::location, Diagnostic::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(at(1, 1), ErrorCode.MISSING_FIELD),
                org.assertj.core.groups.Tuple.tuple(at(1, 8), ErrorCode.UNKNOWN_KEY),
                org.assertj.core.groups.Tuple.tuple(at(1, 17), ErrorCode.UNKNOWN_KEY),
                org.assertj.core.groups.Tuple.tuple(at(1, 21), ErrorCode.UNKNOWN_KEY));
        assertThat(e.diagnostics().get(0).message()).contains("'can'");
        assertThat(e.diagnostics().get(1).message()).contains("did you mean 'can'");
        assertThat(e.diagnostics().get(2).message()).contains("twice");
    }

    @Test
    void everyRowWithTheWrongNumberOfCellsIsReported() {
        String text = "id,who,can,what\nA,group:g,read\nB,group:g,read,asset:a\nC,group:g,read,asset:a,extra\n";

        InputException e = catchThrowableOfType(InputException.class, () -> CsvMatrixReader.read("m.csv", text));

        assertThat(e.diagnostics()).extracting(Diagnostic::location).containsExactly(at(2, 15), at(4, 24));
        assertThat(e.diagnostics()).allMatch(d -> d.code() == ErrorCode.SYNTAX);
    }

    @Test
    void brokenQuotingIsLocated() {
        InputException unclosed = catchThrowableOfType(InputException.class,
                () -> CsvMatrixReader.read("m.csv", "id,who,can,what\nA,\"group:g,read,asset:a\n"));
        InputException stray = catchThrowableOfType(InputException.class,
                () -> CsvMatrixReader.read("m.csv", "id,who,can,what\nA,\"g\"x,read,asset:a\nB,gr\"p,read,asset:a\n"));

        assertThat(unclosed.diagnostics()).extracting(Diagnostic::location).contains(at(2, 3));
        assertThat(stray.diagnostics()).extracting(Diagnostic::location).containsExactly(at(2, 6), at(3, 5));
    }

    @Test
    void emptyFileIsASyntaxError() {
        assertThatThrownBy(() -> CsvMatrixReader.read("m.csv", "\n \r\n"))
                .isInstanceOfSatisfying(InputException.class,
                        e -> assertThat(e.diagnostics().get(0).code()).isEqualTo(ErrorCode.SYNTAX));
    }

    @Test
    void headerOnlyGivesNoRules() throws InputException {
        Node.MapNode root = (Node.MapNode) CsvMatrixReader.read("m.csv", HEADER);

        assertThat(((Node.ListNode) root.fields().get("rules").value()).items()).isEmpty();
    }

    private static Node.MapNode firstRule(String text) throws InputException {
        Node.MapNode root = (Node.MapNode) CsvMatrixReader.read("m.csv", text);
        assertThat(root.fields()).containsOnlyKeys("rules");
        List<Node> rules = ((Node.ListNode) root.fields().get("rules").value()).items();
        assertThat(rules).hasSize(1);
        return (Node.MapNode) rules.get(0);
    }

    private static Node.ScalarNode scalar(Node.MapNode map, String key) {
        return (Node.ScalarNode) map.fields().get(key).value();
    }

    private static SourceLocation at(int line, int column) {
        return new SourceLocation("m.csv", line, column);
    }
}
