output "security_group_ids" {
  description = "Security group id per micro-segment key (asset-*, svc-*, seg-*): attach them to the workloads."
  value       = module.network.security_group_ids
}

output "role_arns" {
  description = "IAM role ARN per aws_role of the inventory."
  value       = module.iam.role_arns
}

output "instance_profile_names" {
  description = "Instance profile per role that EC2 workloads assume."
  value       = module.iam.instance_profile_names
}
[#if hasOpaBundle]

output "opa_config" {
  description = "OPA configuration (YAML) for the instances behind the PEPs."
  value       = module.opa_bundle.opa_config
}
[/#if]
