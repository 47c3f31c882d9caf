package dev.ztc.validate.iam;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static dev.ztc.validate.iam.IamDecision.Outcome.ALLOW;
import static dev.ztc.validate.iam.IamDecision.Outcome.EXPLICIT_DENY;
import static dev.ztc.validate.iam.IamDecision.Outcome.IMPLICIT_DENY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** AWS's identity-policy logic: explicit deny, then allow, else implicit deny; action and resource matching. */
class IamEvaluatorTest {

    private static final String BUCKET = "arn:aws:s3:::ledger";

    private static IamPolicyDocument policy(String statements) {
        return IamPolicyDocument.parse(("{'Version':'2012-10-17','Statement':[" + statements + "]}").replace('\'', '"'));
    }

    private static String allow(String sid, String action, String resource) {
        return "{'Sid':'" + sid + "','Effect':'Allow','Action':'" + action + "','Resource':'" + resource + "'}";
    }

    static Stream<Arguments> matching() {
        return Stream.of(
                // statement, action, resource, outcome
                arguments(allow("A", "s3:GetObject", BUCKET + "/*"), "s3:GetObject", BUCKET + "/k", ALLOW),
                arguments(allow("A", "s3:GetObject", BUCKET + "/*"), "S3:GETOBJECT", BUCKET + "/k", ALLOW),
                arguments(allow("A", "S3:Get*", BUCKET + "/*"), "s3:GetObjectTagging", BUCKET + "/k", ALLOW),
                arguments(allow("A", "s3:Get*", BUCKET + "/*"), "s3:PutObject", BUCKET + "/k", IMPLICIT_DENY),
                arguments(allow("A", "s3:?etObject", BUCKET + "/*"), "s3:GetObject", BUCKET + "/k", ALLOW),
                arguments(allow("A", "s?:GetObject", BUCKET + "/*"), "s3:GetObject", BUCKET + "/k", ALLOW),
                arguments(allow("A", "*", "*"), "kms:Decrypt", "arn:aws:kms:eu-central-1:1:key/x", ALLOW),
                arguments(allow("A", "*:Get*", "*"), "kms:GetKeyPolicy", "arn:aws:kms:eu-central-1:1:key/x", ALLOW),
                arguments(allow("A", "s3:GetObject", BUCKET + "/*"), "s3:GetObject", BUCKET, IMPLICIT_DENY),
                arguments(allow("A", "s3:GetObject", BUCKET + "/*"), "s3:GetObject", BUCKET + "/a/b:c", ALLOW),
                arguments(allow("A", "s3:GetObject", BUCKET + "/*"), "s3:GetObject", "arn:aws:s3:::LEDGER/k", IMPLICIT_DENY),
                arguments(allow("A", "s3:GetObject", "arn:aws:s3:::ledge?/k"), "s3:GetObject", BUCKET + "/k", ALLOW),
                arguments(allow("A", "s3:GetObject", "arn:aws:s3:::*/k"), "s3:GetObject", BUCKET + "/x/k", ALLOW),
                arguments(allow("A", "s3:GetObject", BUCKET + "-*"), "s3:GetObject", BUCKET + "/k", IMPLICIT_DENY),
                arguments("{'Sid':'N','Effect':'Allow','NotAction':'iam:*','Resource':'*'}", "s3:GetObject", BUCKET, ALLOW),
                arguments("{'Sid':'N','Effect':'Allow','NotAction':'iam:*','Resource':'*'}", "IAM:CreateUser", "*", IMPLICIT_DENY),
                arguments("{'Sid':'N','Effect':'Allow','Action':'s3:*','NotResource':'" + BUCKET + "/secret/*'}",
                        "s3:GetObject", BUCKET + "/public/k", ALLOW),
                arguments("{'Sid':'N','Effect':'Allow','Action':'s3:*','NotResource':'" + BUCKET + "/secret/*'}",
                        "s3:GetObject", BUCKET + "/secret/k", IMPLICIT_DENY),
                arguments(allow("A", "s3:*", "*") + ",{'Sid':'D','Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}",
                        "s3:DeleteObject", BUCKET + "/k", EXPLICIT_DENY),
                arguments(allow("A", "s3:*", "*") + ",{'Sid':'D','Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}",
                        "s3:GetObject", BUCKET + "/k", ALLOW),
                arguments("{'Sid':'D','Effect':'Deny','NotAction':'s3:Get*','Resource':'*'}," + allow("A", "s3:*", "*"),
                        "s3:PutObject", BUCKET + "/k", EXPLICIT_DENY));
    }

    @ParameterizedTest(name = "{1} on {2} -> {3}")
    @MethodSource("matching")
    void matchesActionsAndResources(String statements, String action, String resource, IamDecision.Outcome outcome) {
        assertThat(IamEvaluator.evaluate(List.of(policy(statements)), IamRequestContext.of(action, resource)).outcome())
                .isEqualTo(outcome);
    }

    @Test
    void anExplicitDenyInAnotherPolicyWinsAndIsNamed() {
        IamDecision d = IamEvaluator.evaluate(List.of(policy(allow("Read", "s3:*", "*")),
                        policy("{'Sid':'NoOffsite','Effect':'Deny','Action':'*','Resource':'*',"
                                + "'Condition':{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}")),
                IamRequestContext.of("s3:GetObject", BUCKET + "/k").with("aws:SourceIp", "198.51.100.9"));
        assertThat(d.outcome()).isEqualTo(EXPLICIT_DENY);
        assertThat(d.denyingSids()).containsExactly("NoOffsite");
    }

    @Test
    void aDenyWhoseConditionFailsDoesNotApply() {
        IamDecision d = IamEvaluator.evaluate(List.of(policy(allow("Read", "s3:*", "*")
                        + ",{'Sid':'NoOffsite','Effect':'Deny','Action':'*','Resource':'*',"
                        + "'Condition':{'NotIpAddress':{'aws:SourceIp':'203.0.113.0/24'}}}")),
                IamRequestContext.of("s3:GetObject", BUCKET + "/k").with("aws:SourceIp", "203.0.113.9"));
        assertThat(d.outcome()).isEqualTo(ALLOW);
        assertThat(d.allowingSids()).containsExactly("Read");
    }

    @Test
    void anImplicitDenyNamesTheUnmetConditionsOfStatementsThatMatched() {
        IamPolicyDocument p = policy("{'Sid':'Pay','Effect':'Allow','Action':'s3:GetObject','Resource':'" + BUCKET + "/*',"
                + "'Condition':{'Bool':{'aws:MultiFactorAuthPresent':'true'},"
                + "'StringEquals':{'aws:PrincipalTag/ztc-device-posture':['managed','corporate']}}},"
                + allow("Other", "kms:Decrypt", "*"));
        IamRequestContext request = IamRequestContext.of("s3:GetObject", BUCKET + "/k")
                .with("aws:PrincipalTag/ztc-device-posture", "byod");
        IamDecision d = IamEvaluator.evaluate(List.of(p), request);
        assertThat(d.outcome()).isEqualTo(IMPLICIT_DENY);
        assertThat(d.unmetConditions()).extracting(u -> u.sid() + " " + u.operator() + " " + u.key()).containsExactly(
                "Pay Bool aws:MultiFactorAuthPresent", "Pay StringEquals aws:PrincipalTag/ztc-device-posture");
        assertThat(d.unmetConditions().get(0).reason()).isEqualTo("key is absent");

        IamDecision ok = IamEvaluator.evaluate(List.of(p), request.with("aws:MultiFactorAuthPresent", "true")
                .with("aws:principaltag/ztc-device-posture", "corporate"));
        assertThat(ok.outcome()).isEqualTo(ALLOW);
        assertThat(ok.allowingSids()).containsExactly("Pay");
    }

    @Test
    void anUnnamedStatementIsNamedByPosition() {
        IamDecision d = IamEvaluator.evaluate(List.of(policy(allow("A", "kms:*", "*")),
                policy("{'Effect':'Allow','Action':'s3:*','Resource':'*'}")), IamRequestContext.of("s3:GetObject", BUCKET));
        assertThat(d.allowingSids()).containsExactly("#1");
    }

    @Test
    void noPoliciesMeansImplicitDeny() {
        assertThat(IamEvaluator.evaluate(List.of(), IamRequestContext.of("s3:GetObject", BUCKET)).outcome())
                .isEqualTo(IMPLICIT_DENY);
    }
}
