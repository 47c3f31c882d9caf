package dev.ztc.emit.ca;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.compile.Compiler;
import dev.ztc.core.Ztc;
import dev.ztc.diag.InputException;
import dev.ztc.ir.Ir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the workforce layer becomes Conditional Access policies, on a small project written for each case. */
class ConditionalAccessPlannerTest {

    private static final String INVENTORY = """
            version: 1
            organization: acme
            clouds:
              azure:
                tenant_id: "00000000-0000-0000-0000-000000000000"
                break_glass: ["BBBBBBBB-0000-0000-0000-000000000001"]
            identities:
              groups:
                - { id: staff, azure_group: "All Staff" }
                - { id: finance, azure_group_id: "aaaaaaaa-0000-0000-0000-000000000002" }
              users:
                - { id: eve, upn: eve@acme.example, groups: [staff, finance] }
            devices:
              - { id: managed, compliant: true }
            networks:
              locations:
                - { id: office, cidrs: [203.0.113.0/24] }
            assets:
              - { id: crm, kind: saas-app, azure_app_id: "11111111-2222-3333-4444-555555555555" }
            """;

    @TempDir
    Path temp;

    private ConditionalAccessPlan plan(String rules, String settings) throws IOException, InputException {
        Files.writeString(temp.resolve("inventory.yaml"), INVENTORY);
        Files.writeString(temp.resolve("matrix.yaml"), "version: 1\nrules:\n" + rules);
        if (!settings.isEmpty()) {
            Files.writeString(temp.resolve("ztc.yaml"), settings);
        }
        ResolvedProject project = Ztc.loadAndCheck(temp);
        Ir ir = Compiler.compile(project);
        return new ConditionalAccessPlanner(project).plan(ir.workforceIdentity());
    }

    private static Map<String, ConditionalAccessPlan.Policy> byName(ConditionalAccessPlan plan) {
        return plan.policies().stream().collect(Collectors.toMap(ConditionalAccessPlan.Policy::displayName, Function.identity()));
    }

    @Test
    void defaultDenyIsABlockForEveryoneTheMatrixDoesNotName() throws Exception {
        var plan = plan("""
                  - { id: CRM-1, who: group:staff, can: read, what: asset:crm, when: { mfa: true } }
                  - { id: CRM-2, who: user:eve, can: write, what: asset:crm, when: { mfa: true } }
                """, "");

        var block = byName(plan).get("ztc-acme-crm-00-block-unlisted");
        assertThat(block.allUsers()).isTrue();
        assertThat(block.excludeGroups()).containsExactly("staff");
        assertThat(block.excludeUsers()).containsExactly("eve");
        assertThat(block.controls()).containsExactly("block");
        assertThat(block.state()).isEqualTo("enabledForReportingButNotEnforced");
        var legacy = byName(plan).get("ztc-acme-00-block-legacy-auth");
        assertThat(legacy.clientAppTypes()).containsExactly("exchangeActiveSync", "other");
        assertThat(legacy.applications()).containsExactly("11111111-2222-3333-4444-555555555555");
        assertThat(plan.breakGlass()).containsExactly("bbbbbbbb-0000-0000-0000-000000000001");
        // both rules have the same controls, so one require policy names both
        var require = byName(plan).get("ztc-acme-crm-10-require-mfa");
        assertThat(require.includeGroups()).containsExactly("staff");
        assertThat(require.includeUsers()).containsExactly("eve");
        assertThat(require.controls()).containsExactly("mfa");
        assertThat(require.operator()).isEqualTo("AND");
        assertThat(require.ruleIds()).containsExactly("CRM-1", "CRM-2");
    }

    @Test
    void conditionsBecomeControlsLocationBlocksRiskBlocksAndSignInFrequency() throws Exception {
        var plan = plan("""
                  - id: CRM-1
                    who: group:finance
                    can: read
                    what: asset:crm
                    when: { mfa: true, device: managed, from: [location:office], risk: low, jit: { max_session: 90m } }
                """, "");

        var policies = byName(plan);
        var require = policies.get("ztc-acme-crm-10-require-mfa+device-managed+from-office+sif-90m+risk-low");
        assertThat(require.controls()).containsExactly("mfa", "compliantDevice");
        assertThat(require.signInFrequencyHours()).as("90m rounds down to the stricter 1h").isEqualTo(1);
        var outside = policies.get("ztc-acme-crm-20-block-outside-mfa+device-managed+from-office+sif-90m+risk-low");
        assertThat(outside.includeLocations()).containsExactly("All");
        assertThat(outside.excludeLocations()).containsExactly("office");
        assertThat(outside.includeGroups()).containsExactly("finance");
        var risk = policies.get("ztc-acme-crm-30-block-risk-mfa+device-managed+from-office+sif-90m+risk-low");
        assertThat(risk.signInRiskLevels()).containsExactly("medium", "high");
        assertThat(plan.locations()).singleElement().satisfies(l -> {
            assertThat(l.displayName()).isEqualTo("ztc-acme-office");
            assertThat(l.cidrs()).containsExactly("203.0.113.0/24");
        });
        assertThat(plan.groups()).singleElement().satisfies(g -> assertThat(g.objectId()).isEqualTo("aaaaaaaa-0000-0000-0000-000000000002"));
    }

    @Test
    void aGrantWithoutControlsNeedsOnlyTheBlockPolicyAndHighRiskNeedsNoBlock() throws Exception {
        var plan = plan("""
                  - { id: CRM-1, who: group:staff, can: read, what: asset:crm, when: { risk: high } }
                """, "");

        assertThat(plan.policies()).extracting(ConditionalAccessPlan.Policy::displayName)
                .containsExactly("ztc-acme-00-block-legacy-auth", "ztc-acme-crm-00-block-unlisted");
    }

    @Test
    void saysWhenOnePersonMustMeetTwoGrants() throws Exception {
        var plan = plan("""
                  - { id: CRM-1, who: group:staff, can: read, what: asset:crm, when: { mfa: true } }
                  - { id: CRM-2, who: group:finance, can: write, what: asset:crm, when: { device: managed } }
                """, "");

        assertThat(plan.notes()).singleElement().asString()
                .contains("user:eve must meet both 'device-managed' (CRM-2) and 'mfa' (CRM-1)");
    }

    @Test
    void whatConditionalAccessOnlyApproximatesIsAGapInTheIr() throws Exception {
        Files.writeString(temp.resolve("inventory.yaml"), INVENTORY.replace("{ id: managed, compliant: true }",
                "{ id: managed, compliant: true, min_os: { macos: \"14.0\" } }"));
        Files.writeString(temp.resolve("matrix.yaml"), "version: 1\nrules:\n"
                + "  - { id: CRM-1, who: group:staff, can: read, what: asset:crm, when: { jit: { max_session: 30m }, device: managed } }\n");
        Ir ir = Compiler.compile(Ztc.loadAndCheck(temp));

        assertThat(ir.gaps()).extracting(g -> g.layer() + "/" + g.condition())
                .containsExactly("workforce-identity/device", "workforce-identity/jit");
    }

    @Test
    void policyKeysNeverCollide() {
        assertThat(ConditionalAccessPlanner.key("ztc-acme-a.b-00")).isNotEqualTo(ConditionalAccessPlanner.key("ztc-acme-a_b-00"));
        assertThat(ConditionalAccessPlanner.key("x+y")).isNotEqualTo(ConditionalAccessPlanner.key("x_y"));
        assertThat(ConditionalAccessPlanner.key("ztc-acme-crm-10-require-mfa+device-managed")).matches("[A-Za-z0-9_-]+");
    }

    @Test
    void stateComesFromTheSettings() throws Exception {
        var plan = plan("""
                  - { id: CRM-1, who: group:staff, can: read, what: asset:crm, when: { mfa: true } }
                """, "version: 1\nconditional_access: { state: enabled }\n");

        assertThat(plan.policies()).allSatisfy(p -> assertThat(p.state()).isEqualTo("enabled"));
    }

    @Test
    void moreThanTheTenantQuotaIsAClearError() {
        assertThatThrownBy(() -> plan("""
                  - { id: CRM-1, who: group:staff, can: read, what: asset:crm, when: { mfa: true, from: [location:office] } }
                """, "version: 1\nquotas: { conditional_access_policies: 3 }\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("needs 4 Conditional Access policies, more than the quota of 3");
    }

    @Test
    void theExampleGetsAPolicyPerAppAndNoNoteAboutBreakGlass() throws Exception {
        ResolvedProject project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/remote-workforce"));
        Ir ir = Compiler.compile(project);
        var plan = new ConditionalAccessPlanner(project).plan(ir.workforceIdentity());

        List<String> blocks = plan.policies().stream().map(ConditionalAccessPlan.Policy::displayName)
                .filter(n -> n.endsWith("-00-block-unlisted")).toList();
        assertThat(blocks).hasSize(ir.workforceIdentity().apps().size());
        assertThat(plan.notes()).noneMatch(n -> n.contains("break_glass"));
        assertThat(plan.policies()).extracting(ConditionalAccessPlan.Policy::displayName).isSorted();
    }
}
