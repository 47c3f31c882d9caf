package dev.ztc.validate.network;

import dev.ztc.artifact.EmittedSecurityGroupRule;
import dev.ztc.model.PortRange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A flow needs every port of the asset's range; rules may split it, and a gap or another protocol closes it. */
class PortCoverageTest {

    private static final PortRange RANGE = new PortRange(8000, 8100, "tcp");

    @Test
    void rulesThatSplitARangeCoverItTogether() {
        assertThat(PortCoverage.covers(List.of(rule("tcp", 8051, 8100), rule("tcp", 8000, 8050)), RANGE)).isTrue();
        assertThat(PortCoverage.covers(List.of(rule("6", 7000, 9000)), RANGE)).as("protocol number 6 is tcp").isTrue();
        assertThat(PortCoverage.covers(List.of(rule("-1", -1, -1)), RANGE)).as("all traffic").isTrue();
    }

    @Test
    void aGapAnotherProtocolOrNoRuleLeavesItClosed() {
        assertThat(PortCoverage.covers(List.of(rule("tcp", 8000, 8049), rule("tcp", 8051, 8100)), RANGE)).isFalse();
        assertThat(PortCoverage.covers(List.of(rule("tcp", 8000, 8099)), RANGE)).isFalse();
        assertThat(PortCoverage.covers(List.of(rule("udp", 8000, 8100)), RANGE)).isFalse();
        assertThat(PortCoverage.covers(List.of(), RANGE)).isFalse();
        assertThat(PortCoverage.touches(rule("tcp", 8100, 8200), RANGE)).isTrue();
        assertThat(PortCoverage.touches(rule("tcp", 8101, 8200), RANGE)).isFalse();
    }

    private static EmittedSecurityGroupRule rule(String protocol, int from, int to) {
        return new EmittedSecurityGroupRule("k", "ingress", "g", "asset:a", "p", "service:s", "", protocol, from, to,
                List.of("R-1"), Optional.empty());
    }
}
