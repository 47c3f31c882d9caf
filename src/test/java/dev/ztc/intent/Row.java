package dev.ztc.intent;

import dev.ztc.model.Request;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One named row of a decision table: rules, a request, and the exact decision expected — the granting
 * rule ids of an allow, or every reason of a deny in order.
 */
record Row(String name, List<AcmeProject.RuleSpec> rules, Request request, boolean allowed, List<String> expected) {

    static Row allows(String name, Ask ask, String grantedBy, AcmeProject.RuleSpec... rules) {
        return new Row(name, List.of(rules), ask.build(), true, List.of(grantedBy.split(",")));
    }

    static Row denies(String name, Ask ask, List<String> reasons, AcmeProject.RuleSpec... rules) {
        return new Row(name, List.of(rules), ask.build(), false, reasons);
    }

    static Row denies(String name, Ask ask, String reason, AcmeProject.RuleSpec... rules) {
        return denies(name, ask, List.of(reason), rules);
    }

    void check() {
        var evaluator = new IntentEvaluator(AcmeProject.project(Arrays.stream(rules.toArray(AcmeProject.RuleSpec[]::new))
                .map(AcmeProject.RuleSpec::build).toList()));
        Decision decision = evaluator.decide(request);
        if (allowed) {
            assertThat(decision.allowed()).as("allowed; reasons %s", decision.reasonTexts()).isTrue();
            assertThat(decision.grantedBy()).containsExactlyElementsOf(expected);
            assertThat(decision.reasons()).isEmpty();
        } else {
            assertThat(decision.allowed()).as("denied; granted by %s", decision.grantedBy()).isFalse();
            assertThat(decision.grantedBy()).isEmpty();
            assertThat(decision.reasonTexts()).containsExactlyElementsOf(expected);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
