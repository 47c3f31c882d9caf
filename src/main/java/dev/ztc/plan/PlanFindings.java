package dev.ztc.plan;

import dev.ztc.diag.DisplayPaths;
import dev.ztc.diag.SourceLocation;
import dev.ztc.verify.Finding;

import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one plan-check run as the judges add them. A finding points at the matrix rule it involves when
 * there is one (where the intent is written), else at the resource change in the plan file; its artifact is always
 * {@code <plan file>#<address>}, so both the rule and the plan address are named.
 */
final class PlanFindings {

    private final PlanIntent intent;
    private final String planFile;
    private final List<Finding> findings = new ArrayList<>();

    PlanFindings(PlanIntent intent, String planFile) {
        this.intent = intent;
        this.planFile = planFile;
    }

    void add(PlanCheck check, ResourceChange change, List<String> ruleIds, String message) {
        SourceLocation at = ruleIds.isEmpty() ? change.at() : intent.context().locationOf(ruleIds);
        findings.add(check.finding(at, ruleIds, change.address() + ": " + message,
                DisplayPaths.relative(planFile) + "#" + change.address()));
    }

    /** A value the check needs is unknown until apply: reported, never passed. */
    void unknown(ResourceChange change, List<String> ruleIds, String attribute) {
        add(PlanCheck.UNVERIFIABLE, change, ruleIds, attribute + " is known only after apply, so plan-check cannot judge it;"
                + " plan with the value known (e.g. -target the resources it depends on first) and check again");
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
