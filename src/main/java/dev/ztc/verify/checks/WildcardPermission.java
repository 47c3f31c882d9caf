package dev.ztc.verify.checks;

import dev.ztc.artifact.EmittedPolicy;
import dev.ztc.verify.Finding;
import dev.ztc.model.Pillar;
import dev.ztc.verify.Severity;
import dev.ztc.verify.Tenet;
import dev.ztc.verify.VerifyContext;

import java.util.ArrayList;
import java.util.List;

/**
 * ZT202: a wildcard in an emitted IAM statement: an action with {@code *} ({@code s3:*}, {@code s3:Get*}), a
 * resource {@code *}, or an ARN whose service, region or account is a wildcard. Object paths below an exact ARN
 * ({@code arn:aws:s3:::bucket/*}) are how the catalog names a bucket's objects and are not reported.
 */
public final class WildcardPermission extends DeclaredCheck {

    public WildcardPermission() {
        super("ZT202", Severity.ERROR, Tenet.PER_SESSION, Pillar.IDENTITY,
                "an IAM statement grants wildcard actions or resources");
    }

    @Override
    public List<Finding> run(VerifyContext context) {
        List<Finding> out = new ArrayList<>();
        for (EmittedPolicy st : context.policies()) {
            List<String> wild = new ArrayList<>();
            st.actions().stream().filter(a -> a.contains("*") || a.contains("?")).forEach(a -> wild.add("action " + a));
            st.resources().stream().filter(WildcardPermission::wildResource).forEach(r -> wild.add("resource " + r));
            if (!wild.isEmpty()) {
                out.add(finding(context.locationOf(st.ruleIds()), st.ruleIds(), "statement " + st.sid() + " of role '"
                        + st.role() + "' grants " + String.join(", ", wild), st.artifact()));
            }
        }
        return out;
    }

    static boolean wildResource(String resource) {
        if (resource.equals("*")) {
            return true;
        }
        String[] parts = resource.split(":", 6);
        if (parts.length < 6) {
            return resource.contains("*");
        }
        for (int i = 0; i < 5; i++) {
            if (parts[i].contains("*") || parts[i].contains("?")) {
                return true;
            }
        }
        // the resource id itself: a wildcard before any '/' means "every bucket/key/table", not paths below one
        String id = parts[5];
        int slash = id.indexOf('/');
        String head = slash < 0 ? id : id.substring(0, slash);
        return head.contains("*") || head.contains("?") || id.startsWith("key/*") || id.startsWith("table/*")
                || id.startsWith("secret:*");
    }
}
