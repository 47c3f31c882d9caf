version = 1
rules = [
  {
    id   = "FIN-1"
    who  = "group:finance-analysts"
    can  = "read"
    what = "asset:finance-reports"
    when = { mfa = true, device = "managed", from = ["location:corp-office", "location:branch"] }
  },
  { id = "PAY-1", who = "service:payments-api", can = "connect", what = "asset:payments-db" },
  {
    id   = "FIN-2"
    who  = "group:finance-analysts"
    can  = "GET /api/finance/reports/*"
    what = "asset:finance-api"
    when = { device = "managed", hours = "Mon-Fri 07:00-19:00 Europe/Berlin" }
  },
  { id = "SRE-1", who = "group:sre", can = "admin", what = "asset:payments-db", when = { mfa = false } },
]
