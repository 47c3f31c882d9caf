terraform {
  required_version = "[=terraformVersion]"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "[=providerVersion]"
    }
  }
}
