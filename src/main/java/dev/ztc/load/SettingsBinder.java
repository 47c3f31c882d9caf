package dev.ztc.load;

import dev.ztc.diag.Diagnostics;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Settings;
import dev.ztc.model.Suppression;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Binds {@code ztc.yaml}. Quotas may be lowered for head-room but not raised past the clouds' own limits. */
final class SettingsBinder {

    private static final Pattern CHECK_ID = Pattern.compile("ZT[0-9]{3}");

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
            List<Suppression> suppressions = r.each("suppressions", "suppression", this::suppression);
            r.finish();
            return new Settings(quotas, state, suppressions, r.location());
        });
    }

    /** A suppression names a check and a rule and says why; without a reason it is refused, not ignored. */
    private Optional<Suppression> suppression(MapReader r) {
        Optional<String> check = Binding.matching(r, "check", CHECK_ID, "a verify check id like ZT201");
        Optional<String> rule = r.requiredString("rule");
        Optional<String> reason = r.requiredString("reason");
        Optional<LocalDate> expires = Binding.parse(r, "expires", ErrorCode.INVALID_VALUE, text -> {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'expires' must be a date like 2027-06-30, not '" + Names.printable(text) + "'");
            }
        });
        if (!r.has("check")) {
            r.error("check", ErrorCode.MISSING_FIELD, "suppression is missing required 'check'");
        }
        SourceLocation at = r.location();
        r.finish();
        if (check.isEmpty() || rule.isEmpty() || reason.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Suppression(check.get(), rule.get(), reason.get(), expires, at));
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
