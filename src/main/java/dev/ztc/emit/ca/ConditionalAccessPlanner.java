package dev.ztc.emit.ca;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.ErrorCode;
import dev.ztc.diag.InputException;
import dev.ztc.ir.WorkforceIdentityLayer;
import dev.ztc.model.Group;
import dev.ztc.model.Inventory;
import dev.ztc.model.Risk;
import dev.ztc.model.User;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the IR's per-app grants into Conditional Access policies. Conditional Access only adds
 * requirements, so the matrix's default deny becomes, per app: a policy blocking everyone the matrix does
 * not name, one blocking legacy authentication, and per grant a policy requiring its controls plus, where
 * the rule limits them, policies blocking sign-ins from elsewhere or at a higher risk.
 */
public final class ConditionalAccessPlanner {

    /** Legacy protocols cannot do MFA; leaving them open would bypass every grant control. */
    static final List<String> LEGACY_CLIENTS = List.of("exchangeActiveSync", "other");
    static final List<String> ALL_CLIENTS = List.of("all");

    private final ResolvedProject project;
    private final String state;
    private final String prefix;
    private final List<String> breakGlass;

    public ConditionalAccessPlanner(ResolvedProject project) {
        this.project = project;
        this.state = project.project().settings().conditionalAccessState().graphName();
        this.prefix = "ztc-" + project.organization() + "-";
        this.breakGlass = project.project().inventory().azure().map(Inventory.AzureTenant::breakGlass).orElse(List.of());
    }

    public ConditionalAccessPlan plan(WorkforceIdentityLayer layer) throws InputException {
        List<ConditionalAccessPlan.Policy> policies = new ArrayList<>();
        TreeSet<String> groups = new TreeSet<>();
        TreeSet<String> users = new TreeSet<>();
        TreeSet<String> locations = new TreeSet<>();
        List<String> notes = new ArrayList<>();
        for (WorkforceIdentityLayer.App app : layer.apps()) {
            groups.addAll(app.allowedGroups());
            users.addAll(app.allowedUsers());
            policies.add(blockUnlisted(app));
            for (WorkforceIdentityLayer.Grant grant : app.grants()) {
                // a grant without controls is realized by the block policy's exclusion alone; Graph refuses a
                // policy with neither grant nor session controls
                if (grant.mfa() || grant.compliantDevice() || grant.signInFrequencyMinutes() > 0) {
                    policies.add(require(app, grant));
                }
                if (!grant.locations().isEmpty()) {
                    locations.addAll(grant.locations());
                    policies.add(blockOutside(app, grant));
                }
                if (!grant.maxRisk().isEmpty() && Risk.parse(grant.maxRisk()).orElseThrow() != Risk.HIGH) {
                    policies.add(blockRisk(app, grant));
                }
            }
            notes.addAll(Overlaps.of(project, app));
        }
        if (!layer.apps().isEmpty()) {
            // one policy for every app: per app it would spend the tenant's policy quota for nothing
            policies.add(blockLegacy(layer.apps()));
        }
        if (policies.isEmpty() && breakGlass.isEmpty()) {
            return new ConditionalAccessPlan(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        if (!policies.isEmpty() && breakGlass.isEmpty()) {
            notes.add("no break_glass accounts under clouds.azure: a mistaken policy could lock every administrator out");
        }
        int limit = project.project().settings().quotas().conditionalAccessPolicies();
        if (policies.size() > limit) {
            throw InputException.of(project.project().inventory().at(), ErrorCode.QUOTA_EXCEEDED,
                    "the matrix needs " + policies.size() + " Conditional Access policies, more than the quota of " + limit
                            + " (quotas.conditional_access_policies); merge grants with the same controls or split the tenant");
        }
        policies.sort(java.util.Comparator.comparing(ConditionalAccessPlan.Policy::displayName));
        if (policies.stream().map(ConditionalAccessPlan.Policy::key).distinct().count() != policies.size()) {
            throw new IllegalStateException("two Conditional Access policies share a Terraform key: " + policies);
        }
        return new ConditionalAccessPlan(policies, namedLocations(locations), groupRefs(groups), userRefs(users),
                breakGlass, notes);
    }

    private ConditionalAccessPlan.Policy blockUnlisted(WorkforceIdentityLayer.App app) {
        return policy(app, "00-block-unlisted", "blocks everyone the matrix does not grant " + app.assetId(),
                true, List.of(), app.allowedUsers(), List.of(), app.allowedGroups(), ALL_CLIENTS,
                List.of(), List.of(), List.of(), "OR", List.of("block"), 0, allRuleIds(app));
    }

    private ConditionalAccessPlan.Policy blockLegacy(List<WorkforceIdentityLayer.App> apps) {
        String name = prefix + "00-block-legacy-auth";
        TreeSet<String> ruleIds = new TreeSet<>();
        apps.forEach(app -> ruleIds.addAll(allRuleIds(app)));
        return new ConditionalAccessPlan.Policy(key(name), name, state,
                "blocks legacy authentication, which cannot satisfy any grant control, for every app the matrix names",
                apps.stream().map(WorkforceIdentityLayer.App::appId).sorted().distinct().toList(), true, List.of(), List.of(),
                List.of(), List.of(), LEGACY_CLIENTS, List.of(), List.of(), List.of(), "OR", List.of("block"), 0,
                List.copyOf(ruleIds));
    }

    private ConditionalAccessPlan.Policy require(WorkforceIdentityLayer.App app, WorkforceIdentityLayer.Grant grant) {
        List<String> controls = new ArrayList<>();
        if (grant.mfa()) {
            controls.add("mfa");
        }
        if (grant.compliantDevice()) {
            controls.add("compliantDevice");
        }
        int hours = grant.signInFrequencyMinutes() == 0 ? 0 : Math.max(1, grant.signInFrequencyMinutes() / 60);
        String purpose = "requires " + (controls.isEmpty() ? "a fresh sign-in" : String.join(" and ", controls))
                + (hours > 0 ? " with sign-in every " + hours + "h" : "") + " for " + app.assetId();
        return policy(app, "10-require-" + grant.key(), purpose, false, grant.users(), List.of(), grant.groups(), List.of(),
                ALL_CLIENTS, List.of(), List.of(), List.of(), "AND", controls, hours, grant.ruleIds());
    }

    private ConditionalAccessPlan.Policy blockOutside(WorkforceIdentityLayer.App app, WorkforceIdentityLayer.Grant grant) {
        return policy(app, "20-block-outside-" + grant.key(), "blocks sign-ins from outside " + String.join(", ", grant.locations()),
                false, grant.users(), List.of(), grant.groups(), List.of(), ALL_CLIENTS, List.of("All"), grant.locations(),
                List.of(), "OR", List.of("block"), 0, grant.ruleIds());
    }

    private ConditionalAccessPlan.Policy blockRisk(WorkforceIdentityLayer.App app, WorkforceIdentityLayer.Grant grant) {
        Risk max = Risk.parse(grant.maxRisk()).orElseThrow();
        List<String> above = Arrays.stream(Risk.values()).filter(r -> r.compareTo(max) > 0 && r != Risk.NONE)
                .map(Risk::label).toList();
        return policy(app, "30-block-risk-" + grant.key(), "blocks sign-ins riskier than " + max.label(),
                false, grant.users(), List.of(), grant.groups(), List.of(), ALL_CLIENTS, List.of(), List.of(), above, "OR",
                List.of("block"), 0, grant.ruleIds());
    }

    private ConditionalAccessPlan.Policy policy(WorkforceIdentityLayer.App app, String suffix, String purpose,
                                                boolean allUsers, List<String> includeUsers, List<String> excludeUsers,
                                                List<String> includeGroups, List<String> excludeGroups,
                                                List<String> clients, List<String> includeLocations,
                                                List<String> excludeLocations, List<String> risk, String operator,
                                                List<String> controls, int frequency, List<String> ruleIds) {
        String name = prefix + app.assetId() + "-" + suffix;
        return new ConditionalAccessPlan.Policy(key(name), name, state, purpose, List.of(app.appId()), allUsers, includeUsers,
                excludeUsers, includeGroups, excludeGroups, clients, includeLocations, excludeLocations,
                risk, operator, controls, frequency, ruleIds);
    }

    /**
     * A Terraform for_each key from a policy name: letters, digits and '-' stay, every other character becomes
     * '_' and its hex code, so that two names never share a key (a shared key would drop a policy).
     */
    static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(cp -> {
            if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-') {
                out.appendCodePoint(cp);
            } else {
                out.append('_').append(Integer.toHexString(cp)).append('_');
            }
        });
        return out.toString();
    }

    private List<ConditionalAccessPlan.NamedLocation> namedLocations(Set<String> ids) {
        return ids.stream().map(id -> new ConditionalAccessPlan.NamedLocation(id, prefix + id,
                project.locations().get(id).cidrs())).toList();
    }

    private List<ConditionalAccessPlan.GroupRef> groupRefs(Set<String> ids) {
        return ids.stream().map(id -> {
            Group g = project.groups().get(id);
            return new ConditionalAccessPlan.GroupRef(id, g.azureGroup().orElse(null), g.azureGroupId().orElse(null));
        }).toList();
    }

    private List<ConditionalAccessPlan.UserRef> userRefs(Set<String> ids) {
        return ids.stream().map(id -> {
            User u = project.users().get(id);
            return new ConditionalAccessPlan.UserRef(id, u.upn().orElse(null));
        }).toList();
    }

    private static List<String> allRuleIds(WorkforceIdentityLayer.App app) {
        TreeSet<String> ids = new TreeSet<>();
        app.grants().forEach(g -> ids.addAll(g.ruleIds()));
        return List.copyOf(ids);
    }
}
