variable "state" {
  description = "State of every generated policy: enabled, disabled or enabledForReportingButNotEnforced (report-only)."
  type        = string
  default     = "[=state]"
  nullable    = false

  validation {
    condition     = contains(["enabled", "disabled", "enabledForReportingButNotEnforced"], var.state)
    error_message = "The state must be enabled, disabled or enabledForReportingButNotEnforced."
  }
}

variable "break_glass_user_ids" {
  description = "Object ids of the emergency-access accounts every policy excludes (clouds.azure.break_glass)."
  type        = list(string)
  default     = [[#list breakGlass as id]"[=id]"[#sep], [/#sep][/#list]]
}
