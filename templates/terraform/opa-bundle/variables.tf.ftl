variable "bucket" {
  description = "S3 bucket the OPA instances read their bundle from."
  type        = string
}

variable "key" {
  description = "Object key of the bundle in the bucket."
  type        = string
  default     = "[=defaultKey]"
}

variable "kms_key_arn" {
  description = "KMS key to encrypt the bundle with; null for S3-managed encryption."
  type        = string
  default     = null
}

variable "region" {
  description = "Region of the bucket, for the OPA service URL."
  type        = string
}

variable "polling_min_seconds" {
  description = "Shortest interval between two bundle downloads of an OPA instance."
  type        = number
  default     = [=pollingMin?c]
}

variable "polling_max_seconds" {
  description = "Longest interval between two bundle downloads of an OPA instance."
  type        = number
  default     = [=pollingMax?c]
}

variable "verification_key" {
  description = "PEM public key of the key that signed the bundle (ztc compile --signing-key); null for an unsigned bundle. Set, the OPA configuration makes OPA refuse any bundle this key did not sign."
  type        = string
  default     = null
}

variable "verification_algorithm" {
  description = "Signature algorithm of the bundle: RS256 for an RSA key, ES256 for a P-256 key."
  type        = string
  default     = "RS256"

  validation {
    condition     = contains(["RS256", "ES256"], var.verification_algorithm)
    error_message = "verification_algorithm must be RS256 or ES256."
  }
}
