package dev.ztc.emit;

import dev.ztc.check.ResolvedProject;
import dev.ztc.diag.InputException;
import dev.ztc.emit.ca.ConditionalAccessPlan;
import dev.ztc.emit.ca.ConditionalAccessPlanner;
import dev.ztc.ir.Ir;
import dev.ztc.model.EnforcementLayer;

import java.util.List;

/** The template model of {@code modules/conditional-access}, from the {@link ConditionalAccessPlanner}'s plan. */
final class ConditionalAccessModule {

    /** The hashicorp/azuread provider line whose conditional access schema the template is written for. */
    static final String PROVIDER_VERSION = "~> 3.0";

    public record Model(String organization, String state, int quota, List<PolicyRow> policies,
                        List<ConditionalAccessPlan.NamedLocation> locations, List<ConditionalAccessPlan.GroupRef> groupsByName,
                        List<ConditionalAccessPlan.GroupRef> groupsById, List<ConditionalAccessPlan.UserRef> users,
                        List<String> breakGlass, List<ModuleGap> gaps, List<String> notes, String terraformVersion,
                        String providerVersion) {
    }

    /** A plan policy with its rule ids joined for a comment and a README cell. */
    public record PolicyRow(String key, String displayName, String purpose, List<String> applications, boolean allUsers,
                            List<String> includeUsers, List<String> excludeUsers, List<String> includeGroups,
                            List<String> excludeGroups, List<String> clientAppTypes, List<String> includeLocations,
                            List<String> excludeLocations, List<String> signInRiskLevels, String operator,
                            List<String> controls, int signInFrequencyHours, String rules) {
        static PolicyRow of(ConditionalAccessPlan.Policy p) {
            return new PolicyRow(p.key(), p.displayName(), p.purpose(), p.applications(), p.allUsers(), p.includeUsers(),
                    p.excludeUsers(), p.includeGroups(), p.excludeGroups(), p.clientAppTypes(), p.includeLocations(),
                    p.excludeLocations(), p.signInRiskLevels(), p.operator(), p.controls(), p.signInFrequencyHours(),
                    String.join(", ", p.ruleIds()));
        }
    }

    private ConditionalAccessModule() {
    }

    static Model of(Ir ir, ResolvedProject project) throws InputException {
        ConditionalAccessPlan plan = new ConditionalAccessPlanner(project).plan(ir.workforceIdentity());
        List<ModuleGap> gaps = ModuleGap.of(ir, EnforcementLayer.WORKFORCE_IDENTITY);
        return new Model(ir.organization(), project.project().settings().conditionalAccessState().graphName(),
                project.project().settings().quotas().conditionalAccessPolicies(),
                plan.policies().stream().map(PolicyRow::of).toList(), plan.locations(),
                plan.groups().stream().filter(g -> g.objectId() == null).toList(),
                plan.groups().stream().filter(g -> g.objectId() != null).toList(),
                plan.users(), plan.breakGlass(), gaps, plan.notes(), RootModule.TERRAFORM_VERSION, PROVIDER_VERSION);
    }
}
