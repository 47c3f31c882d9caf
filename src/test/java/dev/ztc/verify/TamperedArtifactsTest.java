package dev.ztc.verify;

import dev.ztc.emit.ca.ConditionalAccessPlan;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The soundness and completeness checks catch an emitter bug: each test changes one generated artifact the way
 * a broken template or planner would, and verify names the responsible rule.
 */
class TamperedArtifactsTest {

    static final String POLICY = "terraform/modules/iam/policies/analyst-1.json";
    static final String NETWORK = "terraform/modules/network/main.tf";
    final Path clean = Verified.fixture("clean");
    final Path ca = Verified.fixture("ca");

    @Test
    void aSecurityGroupRuleWiderThanTheAssetsPortsIsZT101() throws Exception {
        VerifyContext context = Verified.context(clean);
        String wider = context.artifacts().get(NETWORK).replace("from_port      = 5432", "from_port      = 1");
        VerifyReport report = Verified.run(context.withArtifact(NETWORK, wider), clean);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT101"));
        assertThat(Verified.unsuppressed(report)).allSatisfy(f -> {
            assertThat(f.ruleIds()).containsExactly("API-DB");
            assertThat(f.message()).contains("outside the ports [5432/tcp]");
        });
    }

    @Test
    void anIamActionBeyondTheLevelIsZT102() throws Exception {
        VerifyContext context = Verified.context(clean);
        String more = context.artifacts().get(POLICY).replace("\"s3:GetObject\",", "\"s3:GetObject\", \"s3:PutObject\",");
        VerifyReport report = Verified.run(context.withArtifact(POLICY, more), clean);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT102"));
        assertThat(Verified.unsuppressed(report).get(0).message()).contains("s3:PutObject on arn:aws:s3:::fx-reports/*");
    }

    @Test
    void aDroppedMfaConditionIsZT102() throws Exception {
        VerifyContext context = Verified.context(clean);
        String lax = context.artifacts().get(POLICY).replace("\"aws:MultiFactorAuthPresent\": \"true\"", "\"aws:MultiFactorAuthPresent\": \"false\"");
        assertThat(lax).isNotEqualTo(context.artifacts().get(POLICY));
        VerifyReport report = Verified.run(context.withArtifact(POLICY, lax), clean);
        assertThat(Verified.unsuppressedIds(report)).contains("ZT102");
        assertThat(Verified.unsuppressed(report).get(0).message()).contains("lacks the MFA condition");
    }

    @Test
    void aWildcardActionIsZT202AndBeyondTheRule() throws Exception {
        VerifyContext context = Verified.context(clean);
        String wild = context.artifacts().get(POLICY).replace("\"s3:GetObject\"", "\"s3:*\"");
        VerifyReport report = Verified.run(context.withArtifact(POLICY, wild), clean);
        // a wildcard is also more than the catalog grants: soundness reports it too
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT102", "ZT202"));
        assertThat(Verified.unsuppressed(report)).allSatisfy(f -> assertThat(f.ruleIds()).containsExactly("AN-READ"));
    }

    @Test
    void aMissingPolicyFileIsZT104() throws Exception {
        VerifyContext context = Verified.context(clean);
        VerifyReport report = Verified.run(context.withoutArtifact(POLICY), clean);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT104"));
        assertThat(Verified.unsuppressed(report).get(0).ruleIds()).containsExactly("AN-READ");
    }

    @Test
    void aConditionalAccessPolicyWithoutMfaIsZT103() throws Exception {
        VerifyContext context = Verified.context(ca);
        List<ConditionalAccessPlan.Policy> weaker = context.plan().policies().stream().map(p -> p.controls().contains("mfa")
                ? new ConditionalAccessPlan.Policy(p.key(), p.displayName(), p.state(), p.purpose(), p.applications(), p.allUsers(),
                p.includeUsers(), p.excludeUsers(), p.includeGroups(), p.excludeGroups(), p.clientAppTypes(), p.includeLocations(),
                p.excludeLocations(), p.signInRiskLevels(), p.operator(), List.of(), p.signInFrequencyHours(), p.ruleIds())
                : p).toList();
        VerifyReport report = Verified.run(context.withPlan(plan(context.plan(), weaker)), ca);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT103"));
        assertThat(Verified.unsuppressed(report).get(0).message()).contains("requires MFA of group:analysts");
    }

    @Test
    void aMissingLegacyAuthenticationBlockIsZT208() throws Exception {
        VerifyContext context = Verified.context(ca);
        List<ConditionalAccessPlan.Policy> open = context.plan().policies().stream()
                .filter(p -> !p.clientAppTypes().contains("exchangeActiveSync")).toList();
        VerifyReport report = Verified.run(context.withPlan(plan(context.plan(), open)), ca);
        assertThat(Verified.unsuppressedIds(report)).isEqualTo(Set.of("ZT208"));
    }

    private static ConditionalAccessPlan plan(ConditionalAccessPlan plan, List<ConditionalAccessPlan.Policy> policies) {
        return new ConditionalAccessPlan(policies, plan.locations(), plan.groups(), plan.users(), plan.breakGlass(), plan.notes());
    }
}
