package dev.ztc.validate.ca;

import dev.ztc.Fixtures;
import dev.ztc.check.ResolvedProject;
import dev.ztc.core.Ztc;
import dev.ztc.diag.SourceLocation;
import dev.ztc.model.Action;
import dev.ztc.model.Request;
import dev.ztc.model.Risk;
import dev.ztc.validate.LayerDecision;
import dev.ztc.validate.UnreadableArtifactException;
import dev.ztc.validate.Verdict;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.ztc.artifact.EmittedConditionalAccessPolicy.MAIN;
import static dev.ztc.artifact.EmittedConditionalAccessPolicy.VARIABLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Microsoft's documented evaluation on small hand-written modules, against remote-workforce's inventory
 * (ana.silva is in employees and engineers; github-enterprise is an Entra app): every applicable policy must hold,
 * a block wins, AND needs every control and OR one, exclusions beat inclusions, break-glass is never caught.
 */
class ConditionalAccessSemanticsTest {

    private static final String GITHUB = "7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a";
    private static ResolvedProject project;

    @BeforeAll
    static void load() throws Exception {
        project = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/remote-workforce"));
    }

    private static final SignInRequest ANA = SignInRequest.read("ana.silva", List.of("employees", "engineers"), "github-enterprise");

    @Test
    void aBlockWinsOverAGrantThatIsMet() throws Exception {
        LayerDecision d = decide(Map.of(), ANA, policy("grant", "include_groups", "[\"engineers\"]", "controls", "[\"mfa\"]"),
                policy("block", "all_users", "true", "controls", "[\"block\"]"));
        assertThat(d.verdict()).isEqualTo(Verdict.DENY);
        assertThat(d.reasons()).containsExactly("policy block blocks: not in a granted group");
    }

    @Test
    void andNeedsEveryControlOrNeedsOne() throws Exception {
        SignInRequest uncompliant = ANA.withCompliant(false);
        String[] and = policy("grant", "include_groups", "[\"engineers\"]", "controls", "[\"mfa\", \"compliantDevice\"]");
        String[] or = policy("grant", "include_groups", "[\"engineers\"]", "controls", "[\"mfa\", \"compliantDevice\"]",
                "operator", "\"OR\"", "rules", "\"CODE-READ-1\"");
        assertThat(decide(Map.of(), uncompliant, and).reasons()).containsExactly("policy grant requires compliantDevice: device not compliant");
        LayerDecision d = decide(Map.of(), uncompliant, or);
        assertThat(d.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(d.grantedBy()).containsExactly("CODE-READ-1");
        assertThat(d.artifacts()).containsExactly(MAIN + "#grant");
        assertThat(d.blindTo()).containsExactlyInAnyOrder("action", "hours", "device");
        assertThat(decide(Map.of(), uncompliant.withMfa(false), or).reasons())
                .containsExactly("policy grant requires one of mfa, compliantDevice: no mfa; device not compliant");
    }

    @Test
    void exclusionsBeatInclusions() throws Exception {
        String[] byUser = policy("block", "include_groups", "[\"engineers\"]", "exclude_users", "[\"ana.silva\"]", "controls", "[\"block\"]");
        String[] byGroup = policy("block", "include_users", "[\"ana.silva\"]", "exclude_groups", "[\"engineers\"]", "controls", "[\"block\"]");
        assertThat(decide(Map.of(), ANA, byUser).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(Map.of(), ANA, byGroup).verdict()).isEqualTo(Verdict.ALLOW);
        // groups come from the directory too: tom.vries claims none, the inventory puts him in employees
        String[] employees = policy("block", "include_groups", "[\"employees\"]", "controls", "[\"block\"]");
        assertThat(decide(Map.of(), SignInRequest.read("tom.vries", List.of(), "github-enterprise"), employees).verdict())
                .isEqualTo(Verdict.DENY);
    }

    @Test
    void breakGlassAccountsEscapeEveryPolicy() throws Exception {
        String variables = "variable \"break_glass_user_ids\" {\n  type    = list(string)\n  default = [\"bg-1\"]\n}\n";
        String[] block = policy("block", "all_users", "true", "controls", "[\"block\"]");
        LayerDecision glass = decide(Map.of(VARIABLES, variables), SignInRequest.read("bg-1", List.of(), "github-enterprise"), block);
        assertThat(glass.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(glass.grantedBy()).as("nothing granted it: the validator flags it").isEmpty();
        assertThat(decide(Map.of(VARIABLES, variables), ANA, block).verdict()).isEqualTo(Verdict.DENY);
    }

    @Test
    void conditionsNarrowWhereAPolicyApplies() throws Exception {
        String[] legacy = policy("legacy", "all_users", "true", "client_app_types", "[\"exchangeActiveSync\", \"other\"]",
                "controls", "[\"block\"]");
        assertThat(decide(Map.of(), ANA, legacy).verdict()).as("a browser sign-in is not legacy").isEqualTo(Verdict.ALLOW);
        String[] outside = policy("outside", "include_groups", "[\"engineers\"]", "include_locations", "[\"All\"]",
                "exclude_locations", "[\"agency\"]", "controls", "[\"block\"]");
        assertThat(decide(Map.of(), ANA.from(Optional.of("203.0.113.140")), outside).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(Map.of(), ANA.from(Optional.of("192.0.2.1")), outside).reasons())
                .containsExactly("policy outside blocks: sign-in from 192.0.2.1 is outside agency");
        assertThat(decide(Map.of(), ANA, outside).verdict()).as("no address is outside too").isEqualTo(Verdict.DENY);
        String[] onlyExcludes = policy("only-excludes", "include_groups", "[\"engineers\"]", "exclude_locations", "[\"agency\"]",
                "controls", "[\"block\"]");
        assertThat(decide(Map.of(), ANA.from(Optional.of("203.0.113.140")), onlyExcludes).verdict())
                .as("the module drops a locations condition without inclusions").isEqualTo(Verdict.DENY);
        String[] risky = policy("risky", "include_groups", "[\"engineers\"]", "sign_in_risk_levels", "[\"medium\", \"high\"]",
                "controls", "[\"block\"]");
        assertThat(decide(Map.of(), ANA.withRisk(Optional.of(Risk.LOW)), risky).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(Map.of(), ANA.withRisk(Optional.of(Risk.MEDIUM)), risky).reasons())
                .containsExactly("policy risky blocks: sign-in risk medium");
        LayerDecision unstated = decide(Map.of(), ANA.withRisk(Optional.empty()), risky);
        assertThat(unstated.verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(unstated.blindTo()).contains("risk");
        String[] disabled = policy("off", "state", "\"disabled\"", "all_users", "true", "controls", "[\"block\"]");
        assertThat(decide(Map.of(), ANA, disabled).verdict()).isEqualTo(Verdict.ALLOW);
    }

    @Test
    void anOldSessionMustSignInAgain() throws Exception {
        String[] frequency = policy("fresh", "include_groups", "[\"engineers\"]", "controls", "[\"mfa\"]", "sign_in_frequency", "2");
        assertThat(decide(Map.of(), ANA.withSessionAge(Optional.of(Duration.ofHours(2))), frequency).verdict()).isEqualTo(Verdict.ALLOW);
        assertThat(decide(Map.of(), ANA.withSessionAge(Optional.of(Duration.ofHours(3))), frequency).reasons())
                .containsExactly("policy fresh requires a sign-in every 2h: the session is 180 min old, re-authenticate");
        assertThat(decide(Map.of(), ANA.withSessionAge(Optional.empty()), frequency).reasons())
                .containsExactly("policy fresh requires a sign-in every 2h: session age unknown");
    }

    @Test
    void onlyPeopleSigningInToAppsAreJudged() throws Exception {
        ConditionalAccessEvaluator evaluator = evaluator(Map.of(), policy("block", "all_users", "true", "controls", "[\"block\"]"));
        Request service = new Request("service", new Request.Caller(Optional.empty(), List.of(), Optional.of("build-runner"),
                false, Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty(),
                new Action.OfLevel(Action.Level.READ), "github-enterprise", Optional.empty(), Optional.empty(), SourceLocation.of("test"));
        Request anonymous = new Request("anonymous", new Request.Caller(Optional.empty(), List.of(), Optional.empty(),
                false, Optional.empty(), Optional.empty()), Optional.empty(), Optional.empty(),
                new Action.OfLevel(Action.Level.READ), "github-enterprise", Optional.empty(), Optional.empty(), SourceLocation.of("test"));
        Request host = SignInRequest.of("ana.silva", List.of("engineers"), new Action.OfLevel(Action.Level.CONNECT), "build-host").request();
        assertThat(evaluator.decide(List.of(service, anonymous, host, ANA.request()))).extracting(LayerDecision::verdict)
                .containsExactly(Verdict.NOT_APPLICABLE, Verdict.NOT_APPLICABLE, Verdict.NOT_APPLICABLE, Verdict.DENY);
        LayerDecision unguarded = evaluator(Map.of()).decide(List.of(ANA.request())).get(0);
        assertThat(unguarded.verdict()).as("no policy guards the app").isEqualTo(Verdict.ALLOW);
        assertThat(unguarded.grantedBy()).isEmpty();
    }

    @Test
    void whatZtcDoesNotWriteIsUnreadable() throws Exception {
        assertThatThrownBy(() -> new ConditionalAccessEvaluator(project, Map.of()))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("missing");
        assertThatThrownBy(() -> new ConditionalAccessEvaluator(project, Map.of(MAIN, "locals {")))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("no locals.policies map");
        assertThatThrownBy(() -> new ConditionalAccessEvaluator(project, Map.of(MAIN, "locals { policies = = }")))
                .isInstanceOf(UnreadableArtifactException.class);
        assertThatThrownBy(() -> evaluator(Map.of(), policy("p", "operator", "\"XOR\"")))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("neither AND nor OR");
        assertThatThrownBy(() -> evaluator(Map.of(), policy("p", "include_locations", "[\"All\"]", "exclude_locations", "[\"moon\"]")))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("'moon'");
        assertThatThrownBy(() -> evaluator(Map.of(), policy("p", "controls", "\"mfa\"")))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("controls is not a list");
        assertThatThrownBy(() -> evaluator(Map.of(), policy("p", "sign_in_frequency", "1.5")))
                .isInstanceOf(UnreadableArtifactException.class).hasMessageContaining("whole number");
        ResolvedProject withoutApps = Ztc.loadAndCheck(Fixtures.repo().resolve("examples/bank-payments"));
        assertThat(new ConditionalAccessEvaluator(withoutApps, Map.of()).decide(List.of())).isEmpty();
    }

    private static LayerDecision decide(Map<String, String> extra, SignInRequest request, String[]... policies) throws Exception {
        return evaluator(extra, policies).decide(List.of(request.request())).get(0);
    }

    private static ConditionalAccessEvaluator evaluator(Map<String, String> extra, String[]... policies) throws Exception {
        Map<String, String> artifacts = new LinkedHashMap<>(extra);
        artifacts.put(MAIN, module(policies));
        return new ConditionalAccessEvaluator(project, artifacts);
    }

    /** A module as the template lays it out, with one named location {@code agency} (203.0.113.128/26). */
    private static String module(String[]... policies) {
        StringBuilder out = new StringBuilder("locals {\n  policies = {\n");
        for (String[] p : policies) {
            out.append("    \"").append(p[0]).append("\" = {\n");
            for (int i = 1; i < p.length; i += 2) {
                out.append("      ").append(p[i]).append(" = ").append(p[i + 1]).append('\n');
            }
            out.append("    }\n");
        }
        return out.append("  }\n}\n\nresource \"azuread_named_location\" \"this\" {\n  for_each = {\n")
                .append("    \"agency\" = {\n      display_name = \"agency\"\n      cidrs        = [\"203.0.113.128/26\"]\n    }\n  }\n}\n\n")
                .append("resource \"azuread_conditional_access_policy\" \"this\" {\n  for_each = local.policies\n}\n").toString();
    }

    /** A policy on github-enterprise for nobody that asks nothing, with {@code overrides} (field, HCL value, ...). */
    private static String[] policy(String key, String... overrides) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("display_name", "\"" + key + "\"");
        fields.put("state", "var.state");
        fields.put("applications", "[\"" + GITHUB + "\"]");
        fields.put("all_users", "false");
        for (String list : List.of("include_users", "exclude_users", "include_groups", "exclude_groups",
                "include_locations", "exclude_locations", "sign_in_risk_levels", "controls")) {
            fields.put(list, "[]");
        }
        fields.put("client_app_types", "[\"all\"]");
        fields.put("operator", "\"AND\"");
        fields.put("sign_in_frequency", "0");
        fields.put("rules", "\"T-1\"");
        for (int i = 0; i < overrides.length; i += 2) {
            fields.put(overrides[i], overrides[i + 1]);
        }
        String[] out = new String[1 + 2 * fields.size()];
        out[0] = key;
        int i = 1;
        for (Map.Entry<String, String> f : fields.entrySet()) {
            out[i++] = f.getKey();
            out[i++] = f.getValue();
        }
        return out;
    }
}
