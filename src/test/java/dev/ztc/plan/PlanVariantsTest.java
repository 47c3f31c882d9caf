package dev.ztc.plan;

import dev.ztc.verify.Severity;
import dev.ztc.verify.VerifyReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Hand-edited plans of the examples: each violation is caught by its check, at its address, with its matrix rule. */
class PlanVariantsTest {

    @Test
    void aHandAddedWorldOpenRuleIsAFlowNoRuleGrants() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "world-open-rule");
        assertThat(PlanFixtures.of(report, "ZT501")).singleElement().asString()
                .startsWith("module.network.aws_vpc_security_group_ingress_rule.from_cidr[\"0.0.0.0/0->asset-payments-db:5432/tcp\"] |  | ")
                .contains("the whole Internet 0.0.0.0/0", "5432-5432/tcp");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(1);
    }

    @Test
    void anEgressRuleIsDescribedByWhereTrafficGoes() throws Exception {
        // the workload's egress to the database, turned into egress to anywhere on any port
        VerifyReport report = PlanFixtures.check("bank-payments", "egress-to-world");
        String address = "module.network.aws_vpc_security_group_egress_rule.to_group[\"svc-payments-api->asset-payments-db:5432/tcp\"]";
        assertThat(PlanFixtures.of(report, "ZT501")).containsExactly(
                address + " | PAY-DB-1 | " + address + ": opens 0-65535/tcp to the whole Internet 0.0.0.0/0 where PAY-DB-1"
                        + " grants only 5432-5432/tcp to group asset-payments-db",
                address + " | PAY-DB-1 | " + address + ": referenced_security_group_id is null, not a ztc group where the matrix"
                        + " needs group asset-payments-db");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(2);
    }

    @Test
    void aWidenedIamActionNamesTheStatementAndItsRule() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "widened-iam-action");
        assertThat(PlanFixtures.of(report, "ZT502")).singleElement().asString()
                .startsWith("module.iam.aws_iam_policy.this[\"payments-api-1\"] | PAY-SECRET-1 | ")
                .contains("statement PAYSECRET1Read allows actions s3:*");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(1);
        // the finding points at the matrix rule, where the intent is written
        assertThat(report.findings().get(0).finding().location().file()).endsWith("matrix.yaml");
    }

    @Test
    void aWidenedRoleTrustNamesThePrincipalsBeyondTheGrantedOnes() throws Exception {
        // any AWS principal on a workload role, an extra service on another, another account on a people role
        VerifyReport report = PlanFixtures.check("bank-payments", "widened-role-trust");
        assertThat(PlanFixtures.of(report, "ZT502")).containsExactly(
                "module.iam.aws_iam_role.this[\"payments-api\"] | PAY-KMS-1,PAY-KMS-2,PAY-SECRET-1 | module.iam.aws_iam_role.this[\"payments-api\"]:"
                        + " trust lets AWS principals * assume payments-api, which is trusted only by ec2.amazonaws.com",
                "module.iam.aws_iam_role.this[\"reporting-job\"] | RPT-WRITE-1 | module.iam.aws_iam_role.this[\"reporting-job\"]:"
                        + " trust lets Service principals lambda.amazonaws.com assume reporting-job, which is trusted only by ec2.amazonaws.com",
                "module.iam.aws_iam_role.this[\"payment-analyst\"] | RPT-LIST-1,RPT-READ-1 | module.iam.aws_iam_role.this[\"payment-analyst\"]:"
                        + " trust lets AWS principals arn:aws:iam::444455556666:root assume payment-analyst, which is trusted only by SAML federation");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(3);
    }

    @Test
    void aDeletedPolicyAttachmentIsTheRemovalOfItsGrants() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "deleted-policy-attachment");
        assertThat(PlanFixtures.of(report, "ZT504")).singleElement().asString()
                .startsWith("module.iam.aws_iam_role_policy_attachment.this[\"payments-api-1\"] | ")
                .contains("PAY-SECRET-1")
                .endsWith(": detaches the policy payments-api-1 from its role");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(1);
    }

    @Test
    void aRemovedRequiredRuleIsReported() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "removed-sg-rule");
        assertThat(PlanFixtures.of(report, "ZT504")).containsExactly(
                "module.network.aws_vpc_security_group_ingress_rule.from_group[\"svc-payments-api->asset-payments-db:5432/tcp\"]"
                        + " | PAY-DB-1 | module.network.aws_vpc_security_group_ingress_rule.from_group[\"svc-payments-api->asset-payments-db:5432/tcp\"]:"
                        + " removes the flow svc-payments-api->asset-payments-db:5432/tcp that PAY-DB-1 grants");
    }

    @Test
    void anUnknownCidrIsUnverifiableNotPassed() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "unknown-cidr");
        assertThat(PlanFixtures.of(report, "ZT505")).singleElement().asString()
                .startsWith("module.network.aws_vpc_security_group_ingress_rule.from_cidr[\"192.0.2.0/28->asset-payments-host:22/tcp\"] | SRE-HOST-1 | ")
                .contains("cidr_ipv4 is known only after apply");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(1);
    }

    @Test
    void aChangeToAResourceZtcDoesNotOwnIsListedNotJudged() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "non-ztc-change");
        assertThat(PlanFixtures.of(report, "ZT506")).singleElement().asString().startsWith("aws_s3_bucket.logs |  | ")
                .contains("will be created; not a ztc resource");
        assertThat(report.failing(Severity.WARNING)).isZero();
    }

    @Test
    void aReplacedRuleIsJudgedAsItsNewSelfNotAsARemoval() throws Exception {
        assertThat(PlanFixtures.check("bank-payments", "replace-rule").findings()).isEmpty();
    }

    @Test
    void aDeletedBlockPolicyIsTheRemovalOfARequiredControl() throws Exception {
        VerifyReport report = PlanFixtures.check("remote-workforce", "deleted-block-policy");
        assertThat(PlanFixtures.of(report, "ZT504")).singleElement().asString()
                .startsWith("module.conditional_access.azuread_conditional_access_policy.this[\"ztc-remotico-github-enterprise-00-block-unlisted\"]"
                        + " | CODE-CONTRACTOR-1,CODE-READ-1,CODE-WRITE-1 | ")
                .contains("deletes the Conditional Access policy", "(block)");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(1);
    }

    private static final String CA = "module.conditional_access.azuread_conditional_access_policy.this";

    /** The single ZT503 finding of a remote-workforce variant, the only error of the plan. */
    private static String weakened(String variant) throws Exception {
        VerifyReport report = PlanFixtures.check("remote-workforce", variant);
        assertThat(report.failing(Severity.ERROR)).as("errors of %s: %s", variant, report.findings()).isEqualTo(1);
        assertThat(PlanFixtures.of(report, "ZT503")).hasSize(1);
        return PlanFixtures.of(report, "ZT503").get(0);
    }

    @Test
    void anExclusionAddedOnCreateIsCaughtAgainstTheIntendedPolicy() throws Exception {
        // a create has no "before": the contractors' group and a stranger are exemptions the compiled policy lacks
        assertThat(weakened("ca-exclusion-on-create"))
                .startsWith(CA + "[\"ztc-remotico-github-enterprise-10-require-mfa_2b_device-corporate_2b_risk-low\"]"
                        + " | CODE-READ-1,CODE-WRITE-1 | ")
                .contains("newly exempts users id:5a5a5a5a-0bad-4bad-8bad-000000000001", "newly exempts groups contractors")
                .doesNotContain("e0e0e0e0");
    }

    @Test
    void aDroppedMfaControlIsAWeakening() throws Exception {
        assertThat(weakened("ca-dropped-mfa"))
                .startsWith(CA + "[\"ztc-remotico-hr-portal-10-require-mfa_2b_device-corporate_2b_risk-low\"] | HR-1 | ")
                .endsWith("drops controls mfa");
    }

    @Test
    void loosenedRiskLevelsAreAWeakening() throws Exception {
        assertThat(weakened("ca-risk-loosened"))
                .startsWith(CA + "[\"ztc-remotico-hr-portal-30-block-risk-mfa_2b_device-corporate_2b_risk-low\"] | HR-1 | ")
                .endsWith("no longer applies at sign-in risk medium (the compiled policy covers medium, high)");
    }

    @Test
    void aWidenedLocationExclusionIsAWeakening() throws Exception {
        // the agency's location is created by the same plan, so its id is unknown: counted, not named, and expected
        assertThat(weakened("ca-location-widened"))
                .startsWith(CA + "[\"ztc-remotico-github-enterprise-20-block-outside-mfa_2b_device-contractor-registered"
                        + "_2b_from-contractor-agency_2b_risk-none\"] | CODE-CONTRACTOR-1 | ")
                .contains("newly exempts locations AllTrusted", "exempts 2 locations where the compiled policy exempts 1");
    }

    @Test
    void anUpdateNamesKnownLocationIdsThroughTheNamedLocations() throws Exception {
        // the agency's location exists (its id is in prior_state), so it is named and intended; the other id is not
        assertThat(weakened("ca-location-update"))
                .startsWith(CA + "[\"ztc-remotico-github-enterprise-20-block-outside-mfa_2b_device-contractor-registered"
                        + "_2b_from-contractor-agency_2b_risk-none\"] | CODE-CONTRACTOR-1 | ")
                .endsWith("newly exempts locations id:0d0d0d0d-1111-4222-8333-444455556666;"
                        + " exempts 2 locations where the compiled policy exempts 1")
                .doesNotContain("6f5e4d3c");
    }

    @Test
    void aGroupIdUnknownUntilApplyIsUnverifiableNotADrop() throws Exception {
        // the module looks groups up while planning; an unknown id cannot be judged, and is not claimed to be a drop
        VerifyReport report = PlanFixtures.check("remote-workforce", "ca-unknown-group");
        assertThat(PlanFixtures.of(report, "ZT505")).singleElement().asString()
                .startsWith(CA + "[\"ztc-remotico-hr-portal-10-require-mfa_2b_device-corporate_2b_risk-low\"] | HR-1 | ")
                .contains("conditions[0].users[0].included_groups is known only after apply");
        assertThat(report.failing(Severity.ERROR)).isEqualTo(1);
    }

    @Test
    void aStateWeakenedByAnUpdateIsCaught() throws Exception {
        assertThat(weakened("ca-state-weakened"))
                .startsWith(CA + "[\"ztc-remotico-00-block-legacy-auth\"] | ")
                .endsWith("stops enforcing it (state disabled; the compiled state is enabledForReportingButNotEnforced)");
    }

    @Test
    void iamGlobsCoverOnlyWhatTheyStandFor() {
        assertThat(IamGlob.covers("s3:Get*", "s3:GetObject", true)).isTrue();
        assertThat(IamGlob.covers("s3:Get*", "s3:*", true)).isFalse();
        assertThat(IamGlob.covers("s3:*", "s3:Get*", true)).isTrue();
        assertThat(IamGlob.covers("s3:GetObject", "s3:GetObjec?", true)).isFalse();
        assertThat(IamGlob.covers("arn:aws:s3:::b/*", "arn:aws:s3:::B/x", false)).isFalse();
    }
}
