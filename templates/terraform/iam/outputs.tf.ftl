output "role_arns" {
  description = "IAM role ARN per aws_role."
  value       = { for name, role in aws_iam_role.this : name => role.arn }
}

output "instance_profile_names" {
  description = "Instance profile name per role that EC2 workloads assume."
  value       = { for name, profile in aws_iam_instance_profile.this : name => profile.name }
}
