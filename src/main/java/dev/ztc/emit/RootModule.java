package dev.ztc.emit;

import dev.ztc.check.ResolvedProject;
import dev.ztc.ir.Ir;
import dev.ztc.model.Inventory;

import java.util.Optional;

/**
 * The template model of the root module: the provider, pinned, with ztc's default tags and the account
 * guard, and the inputs the modules need, defaulted from the inventory's {@code clouds.aws}.
 */
final class RootModule {

    /** AWS's documented provider version line the generated resources are written for. */
    static final String PROVIDER_VERSION = "~> 5.0";
    /** The first Terraform release with every language feature the modules use. */
    static final String TERRAFORM_VERSION = ">= 1.5.0";
    static final String SAML_AUDIENCE = "https://signin.aws.amazon.com/saml";

    /**
     * {@code hasAws} false: the inventory names no AWS account, so region, account and VPC are required
     * inputs without defaults.
     */
    public record Model(String organization, boolean hasAws, String region, String accountId, String vpcId,
                 String samlProviderArn, String samlAudience, String providerVersion, String terraformVersion,
                 boolean hasConditionalAccess, String tenantId, String azureadVersion, boolean hasOpaBundle) {

        /** The same model for a module that uses the AWS provider only. */
        Model awsOnly() {
            return new Model(organization, hasAws, region, accountId, vpcId, samlProviderArn, samlAudience, providerVersion,
                    terraformVersion, false, tenantId, azureadVersion, hasOpaBundle);
        }
    }

    private RootModule() {
    }

    static Model of(Ir ir, ResolvedProject project, boolean hasConditionalAccess, boolean hasOpaBundle) {
        Optional<Inventory.AwsAccount> aws = project.project().inventory().aws();
        String account = aws.map(Inventory.AwsAccount::accountId).orElse("");
        return new Model(ir.organization(), aws.isPresent(),
                aws.map(Inventory.AwsAccount::region).orElse(""), account,
                aws.map(Inventory.AwsAccount::vpcId).orElse(""),
                // a convention, documented in the IAM README: the IdP's SAML provider is named after the organization
                "arn:aws:iam::" + account + ":saml-provider/" + ir.organization(),
                SAML_AUDIENCE, PROVIDER_VERSION, TERRAFORM_VERSION, hasConditionalAccess,
                project.project().inventory().azure().map(Inventory.AzureTenant::tenantId).orElse(""),
                ConditionalAccessModule.PROVIDER_VERSION, hasOpaBundle);
    }
}
