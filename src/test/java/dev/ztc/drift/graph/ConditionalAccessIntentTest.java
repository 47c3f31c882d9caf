package dev.ztc.drift.graph;

import dev.ztc.artifact.EmittedConditionalAccessPolicy;
import dev.ztc.drift.CompiledExample;
import dev.ztc.drift.StateObject;
import dev.ztc.model.EnforcementLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The intended side, pinned field by field on remote-workforce's compiled module (the sync tests compare it with
 * tenants built from the same module files, so a mapping both sides got wrong would pass there, not here).
 */
class ConditionalAccessIntentTest {

    private static final String BREAK_GLASS = "id:e0e0e0e0-0001-4000-8000-00000000b001,id:e0e0e0e0-0002-4000-8000-00000000b002";

    @TempDir
    Path temp;

    @Test
    void policiesAndLocationsAsGraphWillHoldThem() throws Exception {
        CompiledExample example = CompiledExample.of("remote-workforce", temp, inventory -> inventory);

        Map<String, StateObject> byId = new TreeMap<>();
        ConditionalAccessIntent.intended(example.project(), example.artifacts()).forEach(o -> byId.put(o.id(), o));

        assertThat(byId).hasSize(14);
        StateObject outside = byId.get("ca-policy:ztc-remotico-github-enterprise-20-block-outside-mfa+device-contractor-registered"
                + "+from-contractor-agency+risk-none");
        assertThat(outside.fields()).containsExactly(
                entry("applications", "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a"),
                entry("client_app_types", "all"),
                entry("controls", "block"),
                entry("exclude_groups", ""),
                entry("exclude_locations", "contractor-agency"),
                entry("exclude_users", BREAK_GLASS),
                entry("include_groups", "contractors"),
                entry("include_locations", "All"),
                entry("include_users", ""),
                entry("operator", "OR"),
                entry("sign_in_frequency_hours", "0"),
                entry("sign_in_risk_levels", ""),
                entry("state", "enabledForReportingButNotEnforced"));
        assertThat(outside.ruleIds()).containsExactly("CODE-CONTRACTOR-1");
        assertThat(outside.managed()).isTrue();
        assertThat(outside.layer()).isEqualTo(EnforcementLayer.WORKFORCE_IDENTITY);
        assertThat(byId.get("ca-policy:ztc-remotico-00-block-legacy-auth").fields())
                .containsEntry("include_users", "All").containsEntry("client_app_types", "exchangeActiveSync,other");
        assertThat(byId.get("named-location:ztc-remotico-contractor-agency"))
                .isEqualTo(new StateObject(EnforcementLayer.WORKFORCE_IDENTITY, "named-location", "ztc-remotico-contractor-agency",
                        Map.of("cidrs", "203.0.113.128/26"), true, List.of("CODE-CONTRACTOR-1")));
    }

    @Test
    void aProjectWithoutConditionalAccessIntendsNone() throws Exception {
        CompiledExample example = CompiledExample.of("bank-payments", temp, inventory -> inventory);

        assertThat(ConditionalAccessIntent.intended(example.project(), example.artifacts())).isEmpty();
    }

    @Test
    void aModuleThatCannotBeReadIsAnErrorNotAnEmptyIntent() throws Exception {
        CompiledExample example = CompiledExample.of("remote-workforce", temp, inventory -> inventory);
        Map<String, String> artifacts = new HashMap<>(example.artifacts());
        artifacts.put(EmittedConditionalAccessPolicy.VARIABLES, artifacts.get(EmittedConditionalAccessPolicy.VARIABLES)
                .replace("default     = \"enabledForReportingButNotEnforced\"", ""));

        assertThatThrownBy(() -> ConditionalAccessIntent.intended(example.project(), artifacts))
                .isInstanceOf(IOException.class).hasMessageContaining("variable \"state\" has no default");
    }
}
