package dev.ztc.compile;

import dev.ztc.Fixtures;
import dev.ztc.core.Ztc;
import dev.ztc.ir.Ir;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a realizing layer cannot express is recorded, never dropped. */
class GapsTest {

    @Test
    void aServiceGrantedThroughIamIsNotPinnedToItsSegmentAndTheIrSaysSo() throws Exception {
        Ir ir = Compiler.compile(Ztc.loadAndCheck(Fixtures.repo().resolve("examples/healthcare-saas")));

        var serviceRulesOnIam = ir.rules().stream()
                .filter(r -> r.who().startsWith("service:") && r.layers().contains("cloud-identity")).map(Ir.RuleSummary::id).toList();
        assertThat(serviceRulesOnIam).isNotEmpty();
        assertThat(ir.gaps()).filteredOn(g -> g.condition().equals("segment")).extracting(Ir.Gap::ruleId)
                .containsExactlyInAnyOrderElementsOf(serviceRulesOnIam);
    }

    @Test
    void hoursOnAnIamOnlyRuleIsAGapOfTheOnlyLayer() throws Exception {
        Ir ir = Compiler.compile(Ztc.loadAndCheck(Fixtures.repo().resolve("examples/healthcare-saas")));

        assertThat(ir.gaps()).anySatisfy(g -> {
            assertThat(g.ruleId()).isEqualTo("ONCALL-STOLAF");
            assertThat(g.layer()).isEqualTo("cloud-identity");
            assertThat(g.condition()).isEqualTo("hours");
        });
    }
}
