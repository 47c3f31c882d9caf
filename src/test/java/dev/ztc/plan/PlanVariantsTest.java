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
    void aRemovedRequiredRuleIsReported() throws Exception {
        VerifyReport report = PlanFixtures.check("bank-payments", "removed-sg-rule");
        assertThat(PlanFixtures.of(report, "ZT504")).containsExactly(
                "module.network.aws_vpc_security_group_ingress_rule.from_group[\"svc-payments-api->asset-payments-db:5432/tcp\"]"
                        + " | PAY-DB-1 | module.network.aws_vpc_security_group_ingress_rule.from_group[\"svc-payments-api->asset-payments-db:5432/tcp\"]:"
                        + " removes the flow svc-payments-api->asset-payments-db:5432/tcp that PAY-DB-1 grant");
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
