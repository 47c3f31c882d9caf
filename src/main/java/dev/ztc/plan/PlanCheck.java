package dev.ztc.plan;

import dev.ztc.diag.SourceLocation;
import dev.ztc.verify.CheckDeclaration;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;

import java.util.Comparator;
import java.util.List;

/**
 * The checks plan-check reports (ZT5xx), each with a docs page under {@code docs/checks/}. An unknown value counts
 * as an error: a gate that passed what it cannot see would pass a world-open rule computed at apply time.
 */
public enum PlanCheck implements CheckDeclaration {
    FLOW_NOT_GRANTED("ZT501", Severity.ERROR, Tenet.SECURE_COMMUNICATION, Pillar.NETWORKS,
            "the plan opens a network flow that the matrix does not grant"),
    IAM_NOT_GRANTED("ZT502", Severity.ERROR, Tenet.DYNAMIC_POLICY, Pillar.IDENTITY,
            "the plan grants IAM permissions, role trust or policy attachments beyond the matrix"),
    CONDITIONAL_ACCESS_WEAKENED("ZT503", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.IDENTITY,
            "the plan weakens a Conditional Access policy or named location, or adds one ztc did not compile"),
    REQUIRED_REMOVED("ZT504", Severity.ERROR, Tenet.STRICT_ENFORCEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
            "the plan removes or narrows a rule, statement, policy or bundle the matrix requires"),
    UNVERIFIABLE("ZT505", Severity.ERROR, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
            "a planned value ztc must judge is unknown until apply or cannot be read"),
    NOT_OWNED("ZT506", Severity.INFO, Tenet.CONTINUOUS_IMPROVEMENT, Pillar.APPLICATIONS_AND_WORKLOADS,
            "a planned change to a resource ztc does not own, listed and not judged");

    private final String id;
    private final Severity severity;
    private final Tenet tenet;
    private final Pillar pillar;
    private final String summary;

    PlanCheck(String id, Severity severity, Tenet tenet, Pillar pillar, String summary) {
        this.id = id;
        this.severity = severity;
        this.tenet = tenet;
        this.pillar = pillar;
        this.summary = summary;
    }

    /** Every plan check, in id order. */
    /** "PAY-DB-1 grants", "PAY-DB-1, PAY-DB-2 grant": the rules of a finding's message as the subject of a verb. */
    static String rulesThatGrant(List<String> ruleIds) {
        return String.join(", ", ruleIds) + (ruleIds.size() == 1 ? " grants" : " grant");
    }

    public static List<CheckDeclaration> all() {
        return List.<CheckDeclaration>of(values()).stream().sorted(Comparator.comparing(CheckDeclaration::id)).toList();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Severity severity() {
        return severity;
    }

    @Override
    public String summary() {
        return summary;
    }

    @Override
    public Tenet tenet() {
        return tenet;
    }

    @Override
    public Pillar pillar() {
        return pillar;
    }

    Finding finding(SourceLocation at, List<String> ruleIds, String message, String artifact) {
        return new Finding(id, severity, at, ruleIds, message, artifact);
    }
}
