# inventory.hcl: the same content as inventory.yaml
version = 1
organization = "acme"
clouds {
  aws { account_id = "111122223333", region = "eu-west-1", vpc_id = "vpc-0abc1234" }
  azure {
    tenant_id = "00000000-0000-0000-0000-000000000000"
  }
}
identities {
  groups = [
    { id = "finance-analysts", azure_group = "Finance Analysts", aws_role = "finance-analyst" },
    { id = "sre", azure_group = "SRE", aws_role = "sre" },
  ]
  services = [{ id = "payments-api", segment = "payments", aws_role = "payments-api" }]
}
devices = [
  {
    id = "managed"
    compliant = true
    encrypted = true
    min_os = { macos = "14.10", windows = "10.0.19045" }
  },
]
networks {
  // where people come from
  locations = [
    { id = "corp-office", cidrs = ["203.0.113.0/24"] },
    { id = "branch", cidrs = ["198.51.100.0/24"] },
  ]
  /* micro-segments inside the VPC */
  segments = [
    { id = "web", cidrs = ["10.0.1.0/24"] },
    { id = "payments", cidrs = ["10.0.2.0/24"] },
    { id = "data", cidrs = ["10.0.3.0/24"] },
  ]
}
assets = [
  { id = "payments-db", kind = "database", segment = "data", ports = ["5432/tcp"], sensitivity = "restricted" },
  { id = "finance-reports", kind = "s3-bucket", arn = "arn:aws:s3:::acme-finance-reports", sensitivity = "confidential" },
  { id = "finance-api", kind = "http-api", segment = "payments", ports = ["443/tcp"], base_path = "/api/finance" },
  { id = "crm", kind = "saas-app", azure_app_id = "11111111-2222-3333-4444-555555555555" },
]
