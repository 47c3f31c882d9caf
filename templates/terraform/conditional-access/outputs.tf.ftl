output "policy_ids" {
  description = "Conditional Access policy id per generated policy key."
  value       = { for key, policy in azuread_conditional_access_policy.this : key => policy.id }
}

output "named_location_ids" {
  description = "Named location id per matrix location."
  value       = local.location_ids
}
