variable "saml_provider_arn" {
  description = "ARN of the IAM SAML identity provider that people federate through."
  type        = string
}

variable "saml_audience" {
  description = "The SAML:aud the identity provider's assertions carry."
  type        = string
  default     = "https://signin.aws.amazon.com/saml"
}
