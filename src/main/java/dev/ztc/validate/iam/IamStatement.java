package dev.ztc.validate.iam;

import java.util.List;
import java.util.Optional;

/**
 * One statement of an identity policy. {@code notAction}/{@code notResource} say that {@code actions}/
 * {@code resources} came from {@code NotAction}/{@code NotResource}: the statement then applies to
 * everything except them. {@code sid} is empty when the policy gave none.
 */
public record IamStatement(Optional<String> sid, Effect effect, List<String> actions, boolean notAction,
                           List<String> resources, boolean notResource, List<IamCondition> conditions) {

    public enum Effect { ALLOW, DENY }

    public IamStatement {
        actions = List.copyOf(actions);
        resources = List.copyOf(resources);
        conditions = List.copyOf(conditions);
    }

    /** Actions are case-insensitive in IAM, service prefix included ({@code S3:get*} matches {@code s3:GetObject}). */
    public boolean appliesToAction(String action) {
        boolean listed = actions.stream().anyMatch(p -> WildcardPattern.matches(p, action, true));
        return listed != notAction;
    }

    /** ARNs are case-sensitive; {@code *} spans {@code /} and {@code :} inside the resource part. */
    public boolean appliesToResource(String arn) {
        boolean listed = resources.stream().anyMatch(p -> WildcardPattern.matches(p, arn, false));
        return listed != notResource;
    }

    /** How the statement is named in a decision: its Sid, or its position when it has none. */
    String label(int index) {
        return sid.orElse("#" + index);
    }
}
