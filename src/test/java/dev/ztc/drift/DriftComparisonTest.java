package dev.ztc.drift;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.Ztc;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The comparison on hand-made objects; severities and suppressions from a copy of bank-payments. */
class DriftComparisonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final EnforcementLayer NET = EnforcementLayer.NETWORK;

    @TempDir
    static Path temp;
    static DriftComparison comparison;

    @BeforeAll
    static void project() throws Exception {
        Path project = Fixtures.copy(Fixtures.repo().resolve("examples/bank-payments"), temp.resolve("p"));
        Files.writeString(project.resolve("ztc.yaml"), """
                  - check: ZT603
                    rule: RPT-READ-1
                    reason: the reports bucket policy is being migrated by hand this week
                  - check: ZT601
                    rule: PAY-DB-1
                    reason: expired acceptance
                    expires: 2026-12-01
                """, StandardOpenOption.APPEND);
        ResolvedProject resolved = Ztc.loadAndCheck(project);
        comparison = new DriftComparison(resolved, TODAY);
    }

    private static StateObject rule(String key, String description, boolean managed, String... ruleIds) {
        return new StateObject(NET, "security-group-rule", key, Map.of("description", description), managed, List.of(ruleIds));
    }

    @Test
    void identicalSidesAreInSync() {
        List<StateObject> both = List.of(rule("a|ingress|10.0.1.0/24|tcp|443-443", "WEB-PAY-1", true, "WEB-PAY-1"));
        LayerDrift drift = comparison.compare(NET, both, List.of(LayerState.read(NET, "aws", both)));
        assertThat(drift.status()).isEqualTo(LayerDrift.Status.IN_SYNC);
        assertThat(drift.items()).isEmpty();
        assertThat(drift.intended()).isEqualTo(1);
        assertThat(drift.live()).isEqualTo(1);
    }

    @Test
    void missingUnexpectedChangedAndUnmanagedAreEachReported() {
        List<StateObject> intended = List.of(
                rule("db|ingress|sg:payments|tcp|5432-5432", "PAY-DB-1", true, "PAY-DB-1"),
                rule("web|ingress|10.0.1.0/24|tcp|443-443", "WEB-PAY-1", true, "WEB-PAY-1"));
        List<StateObject> live = List.of(
                rule("web|ingress|10.0.1.0/24|tcp|443-443", "WEB-PAY-1 edited", true, "WEB-PAY-1"),
                rule("db|ingress|0.0.0.0/0|tcp|5432-5432", "added in the console", true),
                rule("legacy|ingress|10.9.0.0/16|tcp|22-22", "someone else's", false));
        LayerDrift drift = comparison.compare(NET, intended, List.of(LayerState.read(NET, "aws", live)));

        assertThat(drift.status()).isEqualTo(LayerDrift.Status.DRIFTED);
        assertThat(drift.items()).extracting(DriftItem::kind, DriftItem::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(DriftKind.MISSING, "db|ingress|sg:payments|tcp|5432-5432"),
                org.assertj.core.groups.Tuple.tuple(DriftKind.UNEXPECTED, "db|ingress|0.0.0.0/0|tcp|5432-5432"),
                org.assertj.core.groups.Tuple.tuple(DriftKind.CHANGED, "web|ingress|10.0.1.0/24|tcp|443-443"),
                org.assertj.core.groups.Tuple.tuple(DriftKind.UNMANAGED, "legacy|ingress|10.9.0.0/16|tcp|22-22"));
        DriftItem changed = drift.items().get(2);
        assertThat(changed.changes()).containsExactly(new FieldChange("description", "WEB-PAY-1", "WEB-PAY-1 edited"));
        // payments-db is restricted; an unexpected object without provenance is HIGH; unmanaged is only listed
        assertThat(drift.items()).extracting(DriftItem::severity)
                .containsExactly(DriftSeverity.CRITICAL, DriftSeverity.HIGH, DriftSeverity.CRITICAL, DriftSeverity.LOW);
        assertThat(drift.items().get(3).counts()).isFalse();
        // the expired suppression of ZT601 (missing) on PAY-DB-1 no longer accepts it
        assertThat(drift.items().get(0).suppressedBy()).isEmpty();
    }

    @Test
    void aSuppressionAcceptsItsKindOnItsRuleOnly() {
        StateObject policy = new StateObject(EnforcementLayer.CLOUD_IDENTITY, "iam-policy", "reports-read",
                Map.of("document", "{\"a\":1}"), true, List.of("RPT-READ-1"));
        StateObject edited = new StateObject(EnforcementLayer.CLOUD_IDENTITY, "iam-policy", "reports-read",
                Map.of("document", "{\"a\":2}"), true, List.of("RPT-READ-1"));
        LayerDrift changed = comparison.compare(EnforcementLayer.CLOUD_IDENTITY, List.of(policy),
                List.of(LayerState.read(EnforcementLayer.CLOUD_IDENTITY, "aws", List.of(edited))));
        assertThat(changed.items()).singleElement().satisfies(i -> {
            assertThat(i.suppressedBy()).isPresent();
            assertThat(i.counts()).isFalse();
        });
        assertThat(changed.status()).isEqualTo(LayerDrift.Status.IN_SYNC);

        LayerDrift missing = comparison.compare(EnforcementLayer.CLOUD_IDENTITY, List.of(policy),
                List.of(LayerState.read(EnforcementLayer.CLOUD_IDENTITY, "aws", List.of())));
        assertThat(missing.items()).singleElement().satisfies(i -> assertThat(i.suppressedBy()).isEmpty());
        assertThat(missing.status()).isEqualTo(LayerDrift.Status.DRIFTED);
    }

    @Test
    void eachSourceIsHeldToTheWholeIntentSoOneCannotHideAnothersLoss() {
        StateObject wanted = rule("db|ingress|sg:payments|tcp|5432-5432", "PAY-DB-1", true, "PAY-DB-1");
        LayerDrift drift = comparison.compare(NET, List.of(wanted), List.of(
                LayerState.read(NET, "terraform-state", List.of(wanted)), LayerState.read(NET, "aws", List.of())));
        assertThat(drift.items()).singleElement().satisfies(i -> {
            assertThat(i.kind()).isEqualTo(DriftKind.MISSING);
            assertThat(i.key()).isEqualTo(wanted.key());
        });
        assertThat(drift.live()).isEqualTo(1);

        // the same difference seen by two sources is one item
        StateObject edited = rule(wanted.key(), "edited", true, "PAY-DB-1");
        LayerDrift both = comparison.compare(NET, List.of(wanted), List.of(
                LayerState.read(NET, "terraform-state", List.of(edited)), LayerState.read(NET, "aws", List.of(edited))));
        assertThat(both.items()).singleElement().satisfies(i -> assertThat(i.kind()).isEqualTo(DriftKind.CHANGED));
    }

    @Test
    void anUnreadableSourceMakesTheLayerUnknownNeverInSync() {
        List<StateObject> intended = List.of(rule("a|ingress|10.0.1.0/24|tcp|443-443", "WEB-PAY-1", true, "WEB-PAY-1"));
        LayerDrift drift = comparison.compare(NET, intended, List.of(
                LayerState.read(NET, "tfstate", intended), LayerState.unreadable(NET, "aws", "connection refused")));
        assertThat(drift.status()).isEqualTo(LayerDrift.Status.UNKNOWN);
        assertThat(drift.unknownBecause()).contains("aws: connection refused");
        assertThat(drift.items()).isEmpty();
        assertThat(comparison.compare(NET, intended, List.of()).status()).isEqualTo(LayerDrift.Status.UNKNOWN);

        DriftReport report = new DriftReport("p", "r", java.time.Instant.EPOCH, List.of(drift));
        assertThat(report.exitCode()).isEqualTo(2);
    }
}
