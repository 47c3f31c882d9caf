package dev.ztc.emit;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.ztc.emit.ca.ConditionalAccessPlan;
import dev.ztc.emit.ca.ConditionalAccessPlanner;
import dev.ztc.core.Ztc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The generated Conditional Access Terraform, read back, says what the plan says. */
class ConditionalAccessModuleTest {

    @TempDir
    Path temp;

    @Test
    @SuppressWarnings("unchecked")
    void everyPlannedPolicyIsInTheModuleWithItsControls() throws Exception {
        CompiledProject project = CompiledProject.of("examples/remote-workforce", temp);
        var resolved = Ztc.loadAndCheck(dev.ztc.Fixtures.repo().resolve("examples/remote-workforce"));
        ConditionalAccessPlan plan = new ConditionalAccessPlanner(resolved).plan(project.ir().workforceIdentity());

        Map<String, Object> main = new HCLParser().parse(project.terraform().get("modules/conditional-access/main.tf"));
        Map<String, Object> policies = (Map<String, Object>) ((Map<String, Object>) main.get("locals")).get("policies");
        assertThat(policies).hasSize(plan.policies().size());
        // the example exercises every kind of policy, so a template that mangled one field would show here
        assertThat(plan.policies()).anySatisfy(p -> assertThat(p.excludeLocations()).isNotEmpty());
        assertThat(plan.policies()).anySatisfy(p -> assertThat(p.signInRiskLevels()).isNotEmpty());
        for (ConditionalAccessPlan.Policy p : plan.policies()) {
            Map<String, Object> tf = (Map<String, Object>) policies.get(p.key());
            assertThat(tf).as(p.key()).isNotNull();
            assertThat(tf.get("display_name")).isEqualTo(p.displayName());
            assertThat(tf.get("applications")).isEqualTo(p.applications());
            assertThat(tf.get("controls")).isEqualTo(p.controls());
            assertThat(tf.get("exclude_groups")).isEqualTo(p.excludeGroups());
            assertThat(tf.get("include_groups")).isEqualTo(p.includeGroups());
            assertThat(tf.get("all_users")).isEqualTo(p.allUsers());
            assertThat(tf.get("include_users")).isEqualTo(p.includeUsers());
            assertThat(tf.get("exclude_users")).isEqualTo(p.excludeUsers());
            assertThat(tf.get("include_locations")).isEqualTo(p.includeLocations());
            assertThat(tf.get("exclude_locations")).isEqualTo(p.excludeLocations());
            assertThat(tf.get("sign_in_risk_levels")).isEqualTo(p.signInRiskLevels());
            assertThat(tf.get("client_app_types")).isEqualTo(p.clientAppTypes());
            assertThat(tf.get("operator")).isEqualTo(p.operator());
            assertThat(((Number) tf.get("sign_in_frequency")).intValue()).isEqualTo(p.signInFrequencyHours());
        }
        Map<String, Object> variables = new HCLParser().parse(project.terraform().get("modules/conditional-access/variables.tf"));
        Map<String, Object> breakGlass = (Map<String, Object>) ((Map<String, Object>) variables.get("variable")).get("break_glass_user_ids");
        assertThat((List<Object>) breakGlass.get("default")).isEqualTo(plan.breakGlass()).hasSize(2);
        assertThat(project.terraform().get("main.tf")).contains("module \"conditional_access\"", "provider \"azuread\"");
        assertThat(project.terraform().get("versions.tf")).contains("hashicorp/azuread");
        assertThat(project.terraform().get("modules/network/versions.tf")).doesNotContain("azuread");
    }

    @Test
    void aProjectWithoutEntraAppsHasNoConditionalAccessModuleAndNoAzureadProvider() throws Exception {
        CompiledProject project = CompiledProject.of("minimal", temp);

        assertThat(project.terraform()).doesNotContainKey("modules/conditional-access/main.tf");
        assertThat(project.terraform().get("main.tf")).doesNotContain("azuread");
        assertThat(project.terraform().get("versions.tf")).doesNotContain("azuread");
    }
}
