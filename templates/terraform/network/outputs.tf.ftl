output "security_group_ids" {
  description = "Security group id per micro-segment key (asset-*, svc-*, seg-*)."
  value       = { for key, group in aws_security_group.this : key => group.id }
}
