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
