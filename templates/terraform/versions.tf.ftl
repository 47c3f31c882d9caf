terraform {
  required_version = "[=terraformVersion]"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "[=providerVersion]"
    }
[#if hasConditionalAccess]
    azuread = {
      source  = "hashicorp/azuread"
      version = "[=azureadVersion]"
    }
[/#if]
  }
}
