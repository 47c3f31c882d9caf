variable "region" {
  description = "AWS region to deploy into (clouds.aws.region in the inventory)."
  type        = string
[#if hasAws]
  default     = "[=region]"
[/#if]
}

variable "account_id" {
  description = "The only AWS account this configuration may change (clouds.aws.account_id in the inventory)."
  type        = string
[#if hasAws]
  default     = "[=accountId]"
[/#if]
}

variable "vpc_id" {
  description = "VPC that holds the micro-segments (clouds.aws.vpc_id in the inventory)."
  type        = string
[#if hasAws]
  default     = "[=vpcId]"
[/#if]
}

variable "saml_provider_arn" {
  description = "ARN of the IAM SAML identity provider that people federate through; see modules/iam/README.md."
  type        = string
[#if hasAws]
  default     = "[=samlProviderArn]"
[/#if]
}

variable "saml_audience" {
  description = "The SAML:aud the identity provider's assertions carry (the AWS sign-in endpoint)."
  type        = string
  default     = "[=samlAudience]"
}
[#if hasConditionalAccess]

variable "tenant_id" {
  description = "Entra ID tenant the Conditional Access policies belong to (clouds.azure.tenant_id in the inventory)."
  type        = string
[#if tenantId?has_content]
  default     = "[=tenantId]"
[/#if]
}

variable "conditional_access_state" {
  description = "State of every generated Conditional Access policy (ztc.yaml conditional_access.state)."
  type        = string
  default     = null
}
[/#if]
[#if hasOpaBundle]

variable "opa_bundle_bucket" {
  description = "S3 bucket the OPA instances poll for the bundle (see modules/opa-bundle/README.md)."
  type        = string
}

variable "opa_bundle_verification_key" {
  description = "PEM public key of a bundle signed with ztc compile --signing-key; null for an unsigned bundle. Set, OPA verifies the bundle's signature."
  type        = string
  default     = null
}

variable "opa_bundle_verification_algorithm" {
  description = "RS256 (RSA key) or ES256 (P-256 key): the algorithm the bundle was signed with."
  type        = string
  default     = "RS256"
}
[/#if]
