package dev.ztc.verify.checks;

import java.util.Set;

/**
 * Curated IAM actions in the risk categories that cloudsplaining and parliament report. Short on purpose: each
 * entry is an action that, granted without further thought, hands over more than the resource it names.
 */
final class RiskyActions {

    /** Actions that let a principal give itself, or a resource it controls, more permissions. */
    static final Set<String> PRIVILEGE_ESCALATION = Set.of(
            "iam:AddUserToGroup", "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy",
            "iam:CreateAccessKey", "iam:CreateLoginProfile", "iam:CreatePolicyVersion", "iam:PassRole",
            "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:SetDefaultPolicyVersion",
            "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile", "sts:AssumeRole", "lambda:CreateFunction",
            "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration", "glue:UpdateDevEndpoint",
            "cloudformation:CreateStack", "cloudformation:UpdateStack", "ec2:RunInstances", "datapipeline:CreatePipeline",
            "ssm:SendCommand", "ssm:StartSession");

    /** Actions that copy data out of the resource. */
    static final Set<String> DATA_EXFILTRATION = Set.of(
            "s3:GetObject", "s3:GetObjectVersion", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
            "dynamodb:GetItem", "rds:CopyDBSnapshot", "rds:CreateDBSnapshot", "ssm:GetParameter", "ssm:GetParameters",
            "ssm:GetParametersByPath", "kms:Decrypt");

    /** Actions that return secrets or credentials usable elsewhere. */
    static final Set<String> CREDENTIALS_EXPOSURE = Set.of(
            "secretsmanager:GetSecretValue", "iam:CreateAccessKey", "iam:UpdateAccessKey",
            "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential", "sts:GetFederationToken",
            "sts:GetSessionToken", "ecr:GetAuthorizationToken", "redshift:GetClusterCredentials",
            "lightsail:GetInstanceAccessDetails", "ssm:GetParameter", "ssm:GetParameters");

    private RiskyActions() {
    }

    /** "data exfiltration", "credentials exposure", both joined, or empty. */
    static String sensitiveCategory(String action) {
        boolean exfiltration = DATA_EXFILTRATION.contains(action);
        boolean credentials = CREDENTIALS_EXPOSURE.contains(action);
        return exfiltration && credentials ? "data exfiltration, credentials exposure"
                : exfiltration ? "data exfiltration" : credentials ? "credentials exposure" : "";
    }
}
