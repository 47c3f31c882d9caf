terraform {
  required_version = "[=terraformVersion]"

  required_providers {
    azuread = {
      source  = "hashicorp/azuread"
      version = "[=providerVersion]"
    }
  }
}
