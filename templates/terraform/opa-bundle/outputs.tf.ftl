output "bundle_etag" {
  description = "Etag S3 reports for the published bundle (the content's MD5 under S3-managed encryption, not under SSE-KMS)."
  value       = aws_s3_object.bundle.etag
}

output "opa_config" {
  description = "OPA configuration (YAML) for the instances behind the PEPs: the bundle service, polling and decision logs; with verification_key, the key and the bundle's signing block, so that OPA refuses a bundle that key did not sign."
  # OPA verifies a bundle's .signatures.json only when the bundle's configuration has a signing block: without
  # one, a signed bundle is activated unverified. The blocks are added by for-expressions, which, unlike a
  # conditional between {} and an object, need no common type.
  value = yamlencode(merge(local.opa_config, local.opa_keys))
}

locals {
  opa_config = {
    services = {
      ztc_bundles = {
        url = "https://${var.bucket}.s3.${var.region}.amazonaws.com"
        credentials = {
          s3_signing = {
            environment_credentials = {}
          }
        }
      }
    }
    bundles = {
      ztc = merge({
        service  = "ztc_bundles"
        resource = var.key
        polling = {
          min_delay_seconds = var.polling_min_seconds
          max_delay_seconds = var.polling_max_seconds
        }
      }, { for k, v in { signing = { keyid = "default" } } : k => v if var.verification_key != null })
    }
    decision_logs = {
      console = true
      reporting = {
        min_delay_seconds = 5
        max_delay_seconds = 10
      }
    }
  }

  opa_keys = { for name, keys in {
    keys = {
      default = {
        key       = var.verification_key
        algorithm = var.verification_algorithm
      }
    }
  } : name => keys if var.verification_key != null }
}
