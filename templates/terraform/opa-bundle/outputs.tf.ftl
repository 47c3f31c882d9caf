output "bundle_etag" {
  description = "Etag S3 reports for the published bundle (the content's MD5 under S3-managed encryption, not under SSE-KMS)."
  value       = aws_s3_object.bundle.etag
}

output "opa_config" {
  description = "OPA configuration (YAML) for the instances behind the PEPs: the bundle service, polling and decision logs."
  value = yamlencode({
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
      ztc = {
        service  = "ztc_bundles"
        resource = var.key
        polling = {
          min_delay_seconds = var.polling_min_seconds
          max_delay_seconds = var.polling_max_seconds
        }
      }
    }
    decision_logs = {
      console = true
      reporting = {
        min_delay_seconds = 5
        max_delay_seconds = 10
      }
    }
  })
}
