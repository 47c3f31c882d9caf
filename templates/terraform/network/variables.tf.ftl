variable "vpc_id" {
  description = "VPC that holds the micro-segments."
  type        = string
}
