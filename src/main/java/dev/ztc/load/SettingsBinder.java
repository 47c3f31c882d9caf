package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.model.Settings;

import java.util.Optional;

/** Binds {@code ztc.yaml}. Quotas may be lowered for head-room but not raised past the clouds' own limits. */
final class SettingsBinder {

    private final Diagnostics diagnostics;

    SettingsBinder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    Optional<Settings> bind(Node root) {
        return MapReader.of(root, diagnostics, "the settings").map(r -> {
            if (r.has("version")) {
                Binding.version(r);
            }
            Settings.Quotas d = Settings.Quotas.DEFAULT;
            Settings.Quotas quotas = r.map("quotas", "quotas").map(q -> {
                var out = new Settings.Quotas(
                        quota(q, "security_group_rules_per_direction", d.securityGroupRulesPerDirection(), 1000),
                        quota(q, "iam_policy_size", d.iamPolicySize(), 6144),
                        quota(q, "iam_policies_per_role", d.iamPoliciesPerRole(), 20),
                        quota(q, "conditional_access_policies", d.conditionalAccessPolicies(), 195));
                q.finish();
                return out;
            }).orElse(d);
            Settings.ConditionalAccessState state = r.map("conditional_access", "conditional_access").map(ca -> {
                Settings.ConditionalAccessState parsed = ca.string("state").map(text -> Settings.ConditionalAccessState.parse(text)
                        .orElseGet(() -> {
                            ca.error("state", ErrorCode.INVALID_VALUE, "conditional_access state must be enabled, disabled or "
                                    + "enabledForReportingButNotEnforced, not '" + Names.printable(text) + "'");
                            return Settings.ConditionalAccessState.REPORT_ONLY;
                        })).orElse(Settings.ConditionalAccessState.REPORT_ONLY);
                ca.finish();
                return parsed;
            }).orElse(Settings.ConditionalAccessState.REPORT_ONLY);
            r.finish();
            return new Settings(quotas, state, r.location());
        });
    }

    private static int quota(MapReader r, String key, int fallback, int ceiling) {
        Optional<Long> value = r.integer(key);
        if (value.isPresent() && (value.get() < 1 || value.get() > ceiling)) {
            r.error(key, ErrorCode.INVALID_VALUE, "quota '" + key + "' must be between 1 and " + ceiling + ", not " + value.get());
            return fallback;
        }
        return value.map(Long::intValue).orElse(fallback);
    }
}
