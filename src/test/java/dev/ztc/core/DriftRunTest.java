package dev.ztc.core;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.drift.DriftComparison;
import dev.ztc.drift.DriftSource;
import dev.ztc.drift.LayerDrift;
import dev.ztc.drift.LayerState;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift fails closed: a source that throws, or that leaves out a layer it was asked about
 * makes that layer unreadable, and a layer without its compiled artifacts is never an
 * empty, "in sync" layer. The sources here are hand-written {@link DriftSource}s: what is under test is how core
 * treats whatever a source returns.
 */
class DriftRunTest {

    private static DriftSource source(String name, java.util.function.Supplier<List<LayerState>> read) {
        return new DriftSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<LayerState> read() {
                return read.get();
            }
        };
    }

    @Test
    void aSourceThatThrowsOrLeavesOutALayerIsUnreadableThere() {
        DriftSource throwing = source("aws test", () -> {
            throw new IllegalStateException("credentials expired");
        });
        assertThat(DriftRun.read(new DriftSources.Planned(DriftSourceKind.AWS, throwing)))
                .hasSize(2).allSatisfy(s -> assertThat(s.unreadable().orElseThrow()).contains("credentials expired"));

        DriftSource halfway = source("aws test", () -> List.of(LayerState.read(EnforcementLayer.NETWORK, "aws test", List.of())));
        List<LayerState> states = DriftRun.read(new DriftSources.Planned(DriftSourceKind.AWS, halfway));
        assertThat(states).hasSize(2);
        assertThat(states.get(0).unreadable()).isEmpty();
        assertThat(states.get(1).layer()).isEqualTo(EnforcementLayer.CLOUD_IDENTITY);
        assertThat(states.get(1).unreadable()).hasValue("the source returned nothing for this layer");
    }

    @Test
    void aLayerWithoutItsCompiledArtifactsIsNeverInSync() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));
        DriftComparison comparison = new DriftComparison(project, LocalDate.of(2026, 12, 4));
        StateObject group = new StateObject(EnforcementLayer.NETWORK, "security-group", "northbank-asset-payments-db",
                Map.of("description", "x"), true, List.of());
        // without the compiled network module there is nothing to compare a live group with: never in sync
        LayerDrift network = DriftRun.compare(comparison, EnforcementLayer.NETWORK, project, Map.of(),
                List.of(LayerState.read(EnforcementLayer.NETWORK, "tfstate test", List.of(group))));
        assertThat(network.status()).isNotEqualTo(LayerDrift.Status.IN_SYNC);

        // the application layer's intent needs the compiled manifest: without it the intent is empty, and a live
        // bundle then reads as unexpected, not as in sync
        LayerDrift application = DriftRun.compare(comparison, EnforcementLayer.APPLICATION, project, Map.of(),
                List.of(LayerState.read(EnforcementLayer.APPLICATION, "opa test", List.of(new StateObject(EnforcementLayer.APPLICATION,
                        "opa-bundle", "ztc", Map.of("revision", "r"), true, List.of())))));
        assertThat(application.status()).isEqualTo(LayerDrift.Status.DRIFTED);
    }
}
