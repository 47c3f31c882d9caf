package dev.ztc.intent;

import dev.ztc.model.MatrixRule;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.ztc.intent.AcmeProject.rule;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 50,000-rule matrix decides correctly: the index by asset must neither lose a rule nor let a rule of
 * another asset in. Speed is measured by a benchmark, not asserted here.
 */
class LargeMatrixTest {

    @Test
    void findsTheGrantingRulesAmongFiftyThousand() {
        List<MatrixRule> rules = new ArrayList<>();
        String[] assets = {"finance-reports", "ledger", "payments-db", "finance-api", "crm"};
        for (int i = 0; i < 50_000; i++) {
            String asset = assets[i % assets.length];
            String can = asset.equals("payments-db") ? "connect" : "read";
            rules.add(rule("R-" + i, "user:u" + i, can, asset).build());
        }
        rules.add(rule("ALICE-1", "user:alice", "read", "ledger").build());
        rules.add(rule("ALICE-2", "group:finance-analysts", "admin", "ledger").mfa().build());
        var evaluator = new IntentEvaluator(AcmeProject.project(rules));

        Decision granted = evaluator.decide(Ask.user("alice").mfa().wants("read").on("ledger").build());
        Decision otherAsset = evaluator.decide(Ask.user("alice").mfa().wants("read").on("finance-reports").build());
        Decision withoutMfa = evaluator.decide(Ask.user("alice").wants("write").on("ledger").build());

        assertThat(granted.grantedBy()).containsExactly("ALICE-1", "ALICE-2");
        assertThat(otherAsset.reasonTexts()).containsExactly("no rule grants read on asset:finance-reports to user alice");
        assertThat(withoutMfa.reasonTexts()).containsExactly("ALICE-2: mfa required");
    }
}
