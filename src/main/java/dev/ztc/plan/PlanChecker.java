package dev.ztc.plan;

import dev.ztc.verify.Finding;

import java.util.List;

/**
 * Stage "plan-check": every resource change of the plan goes, in order, to the judge of its layer (network, IAM,
 * Conditional Access, the OPA bundle object); a change no judge claims is not ztc's and is listed (ZT506).
 * Changes that change nothing (no-op, read) are not judged: the plan does not touch them.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    public static List<Finding> check(TerraformPlan plan, PlanIntent intent) {
        PlanFindings out = new PlanFindings(intent, plan.file());
        NetworkJudge network = new NetworkJudge(intent, plan, out);
        IamJudge iam = new IamJudge(intent, out);
        ConditionalAccessJudge conditionalAccess = new ConditionalAccessJudge(intent, plan, out);
        for (ResourceChange c : plan.changes()) {
            if (c.noChange() || !c.managed()) {
                continue;
            }
            boolean judged = network.judge(c) || iam.judge(c) || conditionalAccess.judge(c) || bundle(c, intent, out)
                    || PlanIntent.owned(c);
            if (!judged) {
                out.add(PlanCheck.NOT_OWNED, c, List.of(), "will be " + String.join(" and ", c.actions())
                        + "d; not a ztc resource, listed and not judged");
            }
        }
        // changes made outside Terraform since the last apply: this plan reverts or keeps them, and its own
        // changes are judged above; a drifted ztc object is worth a look either way
        for (ResourceChange d : plan.drift()) {
            if (PlanIntent.owned(d) && d.managed()) {
                out.add(PlanCheck.NOT_OWNED, d, List.of(), "was changed outside Terraform since the last apply"
                        + " (resource_drift); run ztc drift for the details");
            }
        }
        return out.findings();
    }

    /** The bundle object must publish the compiled bundle: its etag is the tarball's MD5. */
    private static boolean bundle(ResourceChange c, PlanIntent intent, PlanFindings out) {
        if (!c.address().equals(PlanIntent.BUNDLE_OBJECT)) {
            return false;
        }
        if (c.removes()) {
            out.add(PlanCheck.REQUIRED_REMOVED, c, List.of(), "deletes the published OPA bundle; every PEP stops getting policy updates");
            return true;
        }
        if (!c.creates()) {
            return true;
        }
        ResourceChange.Value etag = c.after("etag");
        if (etag instanceof ResourceChange.Unknown) {
            out.unknown(c, List.of(), "etag");
        } else if (c.knownText("content").or(() -> c.knownText("content_base64")).isPresent()) {
            out.add(PlanCheck.UNVERIFIABLE, c, List.of(), "publishes inline content instead of the compiled bundle file");
        } else if (intent.bundleMd5().isPresent() && !c.knownText("etag").equals(intent.bundleMd5())) {
            out.add(PlanCheck.UNVERIFIABLE, c, List.of(), "publishes a bundle whose etag " + c.knownText("etag").orElse("(none)")
                    + " is not the compiled bundle's " + intent.bundleMd5().get() + "; its content cannot be judged from the plan"
                    + " (compile again and re-plan, or sign and publish the bundle ztc compiled)");
        }
        return true;
    }
}
