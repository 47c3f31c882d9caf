package dev.ztc.drift.report;

import dev.ztc.diag.SourceLocation;
import dev.ztc.drift.DriftItem;
import dev.ztc.drift.DriftKind;
import dev.ztc.drift.DriftReport;
import dev.ztc.drift.DriftSeverity;
import dev.ztc.drift.FieldChange;
import dev.ztc.drift.LayerDrift;
import dev.ztc.model.EnforcementLayer;
import dev.ztc.model.Suppression;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Hand-built reports for the format tests: every kind, a suppressed item, an unknown layer, a layer not checked,
 * and hostile strings from "live" data (markup, table pipes, template and HCL interpolation, control characters).
 */
final class SampleReports {

    static final Instant READ_AT = Instant.parse("2026-12-04T06:30:00Z");
    static final String SCRIPT = "<script>alert(1)</script>";
    static final String HOSTILE_KEY = "web|ingress|" + SCRIPT + "|tcp|${var.x}|[=evil]";
    static final String HOSTILE_LIVE = "added by hand | ${jndi:ldap://x} <img src=x onerror=alert(2)> **bold** \u001b[31mred";

    private SampleReports() {
    }

    /** Network drifted (all four kinds, one suppressed), application in sync, workforce identity unknown. */
    static DriftReport mixed() {
        EnforcementLayer net = EnforcementLayer.NETWORK;
        Suppression accepted = new Suppression("ZT603", "WEB-PAY-1", "migrating the <b>web</b> tier | ticket OPS-42",
                Optional.of(LocalDate.of(2027, 1, 31)), new SourceLocation("ztc.yaml", 3, 5));
        List<DriftItem> items = List.of(
                new DriftItem(net, DriftKind.MISSING, "security-group-rule", "db|ingress|sg:payments|tcp|5432-5432",
                        List.of("PAY-DB-1"), DriftSeverity.CRITICAL, List.of(), Optional.empty()),
                new DriftItem(net, DriftKind.UNEXPECTED, "security-group-rule", HOSTILE_KEY, List.of(),
                        DriftSeverity.HIGH, List.of(), Optional.empty()),
                new DriftItem(net, DriftKind.CHANGED, "security-group-rule", "web|ingress|10.0.1.0/24|tcp|443-443",
                        List.of("WEB-PAY-1"), DriftSeverity.MEDIUM,
                        List.of(new FieldChange("description", "WEB-PAY-1", HOSTILE_LIVE)), Optional.of(accepted)),
                new DriftItem(net, DriftKind.CHANGED, "security-group", "northbank-asset-payments-db", List.of("PAY-DB-1"),
                        DriftSeverity.CRITICAL, List.of(new FieldChange("description", "ztc: payments-db", ""),
                        new FieldChange("vpc", "vpc-0abc1234", "vpc-0def5678")), Optional.empty()),
                new DriftItem(net, DriftKind.UNMANAGED, "security-group", "legacy-bastion", List.of(), DriftSeverity.LOW,
                        List.of(), Optional.empty()));
        LayerDrift network = new LayerDrift(net, List.of("aws http://127.0.0.1:5000"), 12, 13, items, Optional.empty());
        LayerDrift workforce = new LayerDrift(EnforcementLayer.WORKFORCE_IDENTITY, List.of("graph https://graph.example"), 4, 0,
                List.of(), Optional.of("graph https://graph.example: GET /identity/conditionalAccess/policies answered 403 <forbidden>"));
        LayerDrift application = new LayerDrift(EnforcementLayer.APPLICATION, List.of("opa http://127.0.0.1:8181/"), 5, 5,
                List.of(), Optional.empty());
        return new DriftReport("northbank", "rev-" + SCRIPT, READ_AT, List.of(network, workforce, application));
    }

    /** Only the application layer, in sync. */
    static DriftReport clean() {
        return new DriftReport("northbank", "abc123", READ_AT, List.of(new LayerDrift(EnforcementLayer.APPLICATION,
                List.of("opa http://127.0.0.1:8181/"), 5, 5, List.of(), Optional.empty())));
    }

    static Set<String> dataRules() {
        return Set.of("PAY-DB-1");
    }

    /** The mixed report after a few earlier runs, one of them unknown. */
    static ReportInput withHistory() {
        String history = """
                {"readAt":"2026-12-01T06:30:00Z","revision":"r1","exitCode":0,"layers":{"network":{"status":"in-sync","missing":0,"unexpected":0,"changed":0,"unmanaged":1,"counting":0}}}
                {"readAt":"2026-12-02T06:30:00Z","revision":"r1","exitCode":1,"layers":{"network":{"status":"drifted","missing":1,"unexpected":1,"changed":0,"unmanaged":1,"counting":2}}}
                {"readAt":"2026-12-03T06:30:00Z","revision":"r2","exitCode":2,"layers":{"network":{"status":"unknown","missing":0,"unexpected":0,"changed":0,"unmanaged":0,"counting":0}}}
                """;
        DriftHistory.Loaded loaded = DriftHistory.parse(history);
        return new ReportInput(mixed(), loaded.entries(), loaded.skippedLines(), dataRules());
    }

    /** A realistic run for the README's screenshot: no hostile strings, a week of history. */
    static ReportInput showcase() {
        EnforcementLayer net = EnforcementLayer.NETWORK;
        EnforcementLayer iam = EnforcementLayer.CLOUD_IDENTITY;
        Suppression migration = new Suppression("ZT603", "WEB-PAY-1", "description rewritten by the SG migration, OPS-412",
                Optional.of(LocalDate.of(2027, 1, 31)), new SourceLocation("ztc.yaml", 12, 5));
        LayerDrift network = new LayerDrift(net, List.of("aws https://ec2.eu-central-1.amazonaws.com"), 14, 15, List.of(
                new DriftItem(net, DriftKind.MISSING, "security-group-rule", "northbank-asset-payments-db|ingress|sg:northbank-svc-payments-api|tcp|5432-5432",
                        List.of("PAY-DB-1"), DriftSeverity.CRITICAL, List.of(), Optional.empty()),
                new DriftItem(net, DriftKind.UNEXPECTED, "security-group-rule", "northbank-asset-payments-db|ingress|0.0.0.0/0|tcp|22-22",
                        List.of(), DriftSeverity.HIGH, List.of(), Optional.empty()),
                new DriftItem(net, DriftKind.CHANGED, "security-group-rule", "northbank-asset-finance-api|ingress|sg:northbank-segment-web|tcp|443-443",
                        List.of("WEB-PAY-1"), DriftSeverity.MEDIUM,
                        List.of(new FieldChange("description", "ztc WEB-PAY-1", "web to finance api (migrated)")), Optional.of(migration)),
                new DriftItem(net, DriftKind.UNMANAGED, "security-group", "legacy-bastion", List.of(), DriftSeverity.LOW,
                        List.of(), Optional.empty())), Optional.empty());
        LayerDrift identity = new LayerDrift(iam, List.of("aws https://iam.amazonaws.com"), 9, 9, List.of(
                new DriftItem(iam, DriftKind.CHANGED, "iam-policy", "northbank-payment-analyst-1", List.of("RPT-READ-1"),
                        DriftSeverity.HIGH, List.of(new FieldChange("document",
                        "{\"Statement\":[{\"Action\":[\"s3:GetObject\"],\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":[\"true\"]}}}]}",
                        "{\"Statement\":[{\"Action\":[\"s3:GetObject\"]}]}")), Optional.empty())), Optional.empty());
        LayerDrift workforce = new LayerDrift(EnforcementLayer.WORKFORCE_IDENTITY, List.of("graph https://graph.microsoft.com/v1.0/"), 6, 0,
                List.of(), Optional.of("graph https://graph.microsoft.com/v1.0/: GET identity/conditionalAccess/policies answered 403"));
        LayerDrift application = new LayerDrift(EnforcementLayer.APPLICATION, List.of("opa http://opa.internal:8181/"), 16, 16,
                List.of(), Optional.empty());
        DriftReport report = new DriftReport("northbank", "3f9c2a71d04be6e8", READ_AT, List.of(network, identity, workforce, application));
        StringBuilder history = new StringBuilder();
        long[] counting = {0, 0, 1, 1, 0, 2, 3};
        for (int day = 0; day < counting.length; day++) {
            history.append("{\"readAt\":\"").append(READ_AT.minusSeconds(86_400L * (counting.length - day)))
                    .append("\",\"revision\":\"3f9c2a71d04be6e8\",\"exitCode\":").append(counting[day] > 0 ? 1 : 0)
                    .append(",\"layers\":{\"network\":{\"status\":\"").append(counting[day] > 0 ? "drifted" : "in-sync")
                    .append("\",\"counting\":").append(counting[day]).append("}}}\n");
        }
        DriftHistory.Loaded loaded = DriftHistory.parse(history.toString());
        return new ReportInput(report, loaded.entries(), loaded.skippedLines(), Set.of("PAY-DB-1", "RPT-READ-1"));
    }
}
