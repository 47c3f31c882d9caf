package dev.ztc.intent;

import dev.ztc.model.MatrixRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.ztc.intent.AcmeProject.rule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How rules combine into one decision: OR across rules, every granting rule named, reasons in order. */
class DecisionTest {

    static Stream<Row> rows() {
        var byGroup = rule("FIN-1", "group:finance-analysts", "read", "finance-reports");
        var byUser = rule("FIN-2", "user:alice", "read", "finance-reports");
        var withMfa = rule("FIN-3", "user:alice", "read", "finance-reports").mfa();
        var fromOffice = rule("FIN-0", "user:alice", "read", "finance-reports").from("corp-office");
        return Stream.of(
                Row.allows("two granting rules: both named, sorted", Ask.user("alice"), "FIN-1,FIN-2", byUser, byGroup),
                Row.allows("a failing rule does not spoil a granting one", Ask.user("alice"), "FIN-1", withMfa, byGroup),
                Row.allows("admin and read rules both grant read", Ask.user("alice"), "FIN-1,FIN-9",
                        byGroup, rule("FIN-9", "user:alice", "admin", "finance-reports")),
                Row.denies("reasons of all candidates, by rule id", Ask.user("alice").from("198.51.100.7"),
                        List.of("FIN-0: source 198.51.100.7 not in location corp-office", "FIN-3: mfa required"),
                        withMfa, fromOffice),
                Row.denies("rules that do not match who are not candidates", Ask.user("bob").mfa(),
                        "no rule grants read on asset:finance-reports to user bob", withMfa, fromOffice),
                Row.denies("an empty matrix denies", Ask.user("alice"),
                        "no rule grants read on asset:finance-reports to user alice"),
                Row.denies("an unknown asset denies", Ask.user("alice").on("ghost"), "asset:ghost is not in the inventory",
                        rule("X-1", "user:alice", "read", "ghost")),
                Row.denies("a rule for another asset is no candidate", Ask.user("alice").wants("connect").on("payments-db"),
                        "no rule grants connect on asset:payments-db to user alice", byGroup));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decides(Row row) {
        row.check();
    }

    @Test
    void reasonsAreRecordsWithRuleConditionAndMessage() {
        var evaluator = AcmeProject.evaluator(rule("FIN-1", "user:alice", "read", "finance-reports").mfa().build());

        Decision decision = evaluator.decide(Ask.user("alice").build());
        Decision none = evaluator.decide(Ask.user("bob").build());

        assertThat(decision.reasons()).containsExactly(new Reason("FIN-1", "mfa", "mfa required"));
        assertThat(none.reasons()).containsExactly(
                new Reason(null, "match", "no rule grants read on asset:finance-reports to user bob"));
        assertThat(none.reasons().get(0).formatted()).isEqualTo(none.reasons().get(0).message());
    }

    @Test
    void decidingTwiceGivesEqualDecisions() {
        List<MatrixRule> rules = List.of(rule("B-1", "user:alice", "read", "finance-reports").mfa().build(),
                rule("A-1", "user:alice", "read", "finance-reports").from("branch").build(),
                rule("C-1", "group:finance-analysts", "read", "finance-reports").device("managed").build());
        var evaluator = new IntentEvaluator(AcmeProject.project(rules));
        var request = Ask.user("alice").from("203.0.113.10").build();

        Decision first = evaluator.decide(request);

        assertThat(evaluator.decide(request)).isEqualTo(first);
        assertThat(first.reasonTexts()).containsExactly("A-1: source 203.0.113.10 not in location branch",
                "B-1: mfa required", "C-1: device 'managed' not satisfied (no device)");
    }

    @Test
    void anAllowWithoutGrantingRulesCannotBeBuilt() {
        assertThatThrownBy(() -> new Decision(true, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Decision(false, List.of("X"), List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
