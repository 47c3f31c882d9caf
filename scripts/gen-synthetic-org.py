#!/usr/bin/env python3
"""Writes a deterministic synthetic organisation (inventory.yaml, matrix.yaml, ztc.yaml) for benchmarks.

    scripts/gen-synthetic-org.py --assets 500 --rules 5000 --out /tmp/org [--seed 1]

The output is valid ztc input: every id is referenced only after it is defined, every asset has the
fields its kind requires (see src/main/resources/ztc/catalog.yaml), every rule uses a level or raw
action its asset's kind offers, and no two rules grant the same (who, can, what). The same arguments
give byte-identical files. Python 3.11 standard library only; YAML is written by hand with every
string quoted, so that no value can be read as a number, a boolean or a null.
"""

import argparse
import json
import os
import random
import sys

ACCOUNT = "111122223333"
REGION = "eu-west-1"

# Levels per kind, as the built-in catalog defines them, and a raw action inside one of them.
LEVELS = {
    "database": ["connect", "admin"],
    "host": ["connect", "admin"],
    "http-api": ["read", "list", "write", "delete", "invoke", "admin"],
    "s3-bucket": ["read", "list", "write", "delete", "admin"],
    "dynamodb-table": ["read", "list", "write", "delete", "admin"],
    "kms-key": ["read", "write", "admin"],
    "secret": ["read", "list", "write", "delete", "admin"],
    "saas-app": ["read", "write", "admin", "invoke"],
}
RAW_IAM = {
    "s3-bucket": ["s3:GetObject", "s3:PutObject", "s3:ListBucket"],
    "dynamodb-table": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
    "kms-key": ["kms:Decrypt", "kms:GenerateDataKey"],
    "secret": ["secretsmanager:GetSecretValue"],
}
# Mix of kinds in a typical estate: weights out of 100.
KIND_WEIGHTS = [("database", 12), ("host", 14), ("http-api", 20), ("s3-bucket", 16),
                ("dynamodb-table", 10), ("kms-key", 6), ("secret", 10), ("saas-app", 12)]
NETWORK_KINDS = {"database", "host", "http-api"}
# An Entra tenant holds at most 195 Conditional Access policies, and ztc spends one or more per app:
# real organisations put a few dozen apps behind Conditional Access, not one in eight assets.
MAX_SAAS_APPS = 24
PORTS = {"database": ["5432/tcp", "3306/tcp", "6379/tcp"], "host": ["22/tcp"], "http-api": ["443/tcp", "8443/tcp"]}
SENSITIVITY = ["public", "internal", "internal", "confidential", "restricted"]
ZONES = ["Europe/Berlin", "America/New_York", "Asia/Tokyo", "UTC"]
HOURS = ["Mon-Fri 07:00-19:00", "Mon-Fri 08:00-18:00", "Mon-Sat 06:00-22:00"]


def q(text):
    """A YAML double-quoted scalar; JSON's string escapes are a subset of YAML's."""
    return json.dumps(text, ensure_ascii=True)


def flow(fields):
    """One YAML flow mapping; values are pre-rendered YAML."""
    return "{ " + ", ".join(f"{k}: {v}" for k, v in fields) + " }"


def guid(rng):
    h = f"{rng.getrandbits(128):032x}"
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:]}"


class Org:
    def __init__(self, assets, rules, seed):
        self.rng = random.Random(seed)
        self.n_assets = assets
        self.n_rules = rules
        self.segments = [f"seg-{i:04d}" for i in range(max(4, assets // 5))]
        self.groups = [f"team-{i:04d}" for i in range(max(4, assets // 10))]
        self.users = [f"user-{i:05d}" for i in range(max(4, assets // 10))]
        self.services = [f"svc-{i:04d}" for i in range(max(4, assets // 5))]
        self.locations = [f"site-{i:03d}" for i in range(max(2, assets // 100))]
        self.devices = ["managed", "privileged", "contractor"]
        kinds = [k for k, w in KIND_WEIGHTS for _ in range(w)]
        chosen = [self.rng.choice(kinds) for _ in range(assets)]
        apps = [i for i, kind in enumerate(chosen) if kind == "saas-app"]
        for i in apps[MAX_SAAS_APPS:]:
            chosen[i] = "http-api"
        self.assets = [(f"{kind}-{i:05d}", kind) for i, kind in enumerate(chosen)]
        self.service_segment = {s: self.rng.choice(self.segments) for s in self.services}
        # A handful of condition profiles, as real organisations keep a few access tiers.
        self.profiles = self._profiles()

    def _profiles(self):
        r = self.rng
        out = [[("mfa", "true")], [("mfa", "true"), ("device", q("managed"))]]
        for i in range(6):
            fields = [("mfa", "true"), ("device", q(r.choice(self.devices)))]
            if i % 2 == 0:
                sites = sorted(r.sample(self.locations, min(2, len(self.locations))))
                fields.append(("from", "[" + ", ".join(q("location:" + s) for s in sites) + "]"))
            if i % 3 == 0:
                fields.append(("hours", q(f"{r.choice(HOURS)} {r.choice(ZONES)}")))
            if i % 3 == 1:
                fields.append(("jit", flow([("max_session", q(r.choice(["30m", "1h", "2h"])))])))
            if i >= 3:
                fields.append(("risk", q(r.choice(["none", "low", "medium"]))))
            out.append(fields)
        return out

    def inventory(self):
        r = self.rng
        lines = [
            "# Synthetic organisation written by scripts/gen-synthetic-org.py; do not edit by hand.",
            "version: 1",
            "organization: \"synthcorp\"",
            "clouds:",
            "  aws: " + flow([("account_id", q(ACCOUNT)), ("region", q(REGION)), ("vpc_id", q("vpc-0abc1234"))]),
            "  azure: " + flow([("tenant_id", q(guid(r)))]),
            "identities:",
            "  groups:",
        ]
        for g in self.groups:
            lines.append("    - " + flow([("id", q(g)), ("azure_group", q("Team " + g[5:])),
                                          ("azure_group_id", q(guid(r))), ("aws_role", q(g))]))
        lines.append("  users:")
        for u in self.users:
            member = sorted(r.sample(self.groups, r.randint(1, 3)))
            lines.append("    - " + flow([("id", q(u)), ("upn", q(u + "@synthcorp.example")),
                                          ("groups", "[" + ", ".join(q(g) for g in member) + "]"), ("aws_role", q(u))]))
        lines.append("  services:")
        for s in self.services:
            lines.append("    - " + flow([("id", q(s)), ("segment", q(self.service_segment[s])), ("aws_role", q(s))]))
        lines += [
            "devices:",
            "  - " + flow([("id", q("managed")), ("compliant", "true"), ("encrypted", "true"),
                           ("min_os", flow([("macos", q("14.4")), ("windows", q("10.0.19045"))]))]),
            "  - " + flow([("id", q("privileged")), ("compliant", "true"), ("encrypted", "true"),
                           ("min_os", flow([("windows", q("10.0.26100"))]))]),
            "  - " + flow([("id", q("contractor")), ("compliant", "true"), ("encrypted", "true"),
                           ("min_os", flow([("macos", q("15.1")), ("windows", q("10.0.22631"))]))]),
            "networks:",
            "  locations:",
        ]
        for i, loc in enumerate(self.locations):
            cidrs = [f"100.{64 + i // 256}.{i % 256}.0/24", f"2001:db8:{i:x}::/48"]
            lines.append("    - " + flow([("id", q(loc)), ("cidrs", "[" + ", ".join(q(c) for c in cidrs) + "]")]))
        lines.append("  segments:")
        for i, seg in enumerate(self.segments):
            lines.append("    - " + flow([("id", q(seg)), ("cidrs", "[" + q(f"10.{i // 256}.{i % 256}.0/24") + "]")]))
        lines.append("assets:")
        for asset_id, kind in self.assets:
            fields = [("id", q(asset_id)), ("kind", q(kind))]
            if kind in NETWORK_KINDS:
                fields += [("segment", q(r.choice(self.segments))), ("ports", "[" + q(r.choice(PORTS[kind])) + "]")]
            if kind == "http-api":
                fields.append(("base_path", q("/api/" + asset_id)))
            elif kind == "s3-bucket":
                fields.append(("arn", q(f"arn:aws:s3:::synthcorp-{asset_id}")))
            elif kind == "dynamodb-table":
                fields.append(("arn", q(f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{asset_id}")))
            elif kind == "kms-key":
                fields.append(("arn", q(f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{guid(r)}")))
            elif kind == "secret":
                fields.append(("arn", q(f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{asset_id}-AbCdEf")))
            elif kind == "saas-app":
                fields.append(("azure_app_id", q(guid(r))))
            fields.append(("sensitivity", q(r.choice(SENSITIVITY))))
            lines.append("  - " + flow(fields))
        return "\n".join(lines) + "\n"

    def _subject(self, kind):
        r = self.rng
        roll = r.random()
        if kind == "saas-app":  # only people sign in to apps
            return ("user:" + r.choice(self.users)) if roll < 0.2 else ("group:" + r.choice(self.groups))
        if roll < 0.45:
            return "group:" + r.choice(self.groups)
        if roll < 0.55:
            return "user:" + r.choice(self.users)
        if roll < 0.90 or kind not in NETWORK_KINDS:
            return "service:" + r.choice(self.services)
        if roll < 0.97:
            return "segment:" + r.choice(self.segments)
        return "location:" + r.choice(self.locations)

    def _action(self, asset_id, kind):
        r = self.rng
        if kind in RAW_IAM and r.random() < 0.15:
            return r.choice(RAW_IAM[kind])
        if kind == "http-api" and r.random() < 0.25:
            method, path = r.choice([("GET", "items/*"), ("POST", "items"), ("DELETE", "items/*"), ("GET", "status")])
            return f"{method} /api/{asset_id}/{path}"
        return r.choice(LEVELS[kind])

    def matrix(self):
        r = self.rng
        lines = ["# Synthetic matrix written by scripts/gen-synthetic-org.py; do not edit by hand.",
                 "version: 1", "rules:"]
        seen = set()
        for n in range(self.n_rules):
            for _ in range(100):
                asset_id, kind = r.choice(self.assets)
                who = self._subject(kind)
                can = self._action(asset_id, kind)
                if (who, can, asset_id) not in seen:
                    break
            else:
                sys.exit(f"cannot find {self.n_rules} distinct rules over {self.n_assets} assets; ask for fewer rules")
            seen.add((who, can, asset_id))
            lines.append(f"  - id: {q(f'R-{n:06d}')}")
            lines.append(f"    who: {q(who)}")
            lines.append(f"    can: {q(can)}")
            lines.append(f"    what: {q('asset:' + asset_id)}")
            people = who.startswith(("group:", "user:"))
            if people and kind in ("database", "host"):
                # people reach a host or database only from known places: the network layer needs 'from'
                lines.append("    when: " + flow(r.choice([p for p in self.profiles if any(k == "from" for k, _ in p)])))
            elif people and kind == "saas-app":
                # two access tiers per app keep the tenant within its Conditional Access policy quota
                lines.append("    when: " + flow(self.profiles[r.randrange(2)]))
            elif people and r.random() < 0.8:
                lines.append("    when: " + flow(r.choice(self.profiles)))
        return "\n".join(lines) + "\n"


SETTINGS = """# A real organisation of this size has asked AWS for the larger Security Group quota.
version: 1
quotas:
  security_group_rules_per_direction: 1000
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assets", type=int, required=True, help="number of assets (at least 1)")
    parser.add_argument("--rules", type=int, required=True, help="number of matrix rules (at least 1)")
    parser.add_argument("--out", required=True, help="directory to write into (created if missing)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args()
    if args.assets < 1 or args.rules < 1:
        parser.error("--assets and --rules must be at least 1")
    org = Org(args.assets, args.rules, args.seed)
    os.makedirs(args.out, exist_ok=True)
    # inventory first: it draws the random choices that the matrix then refers to
    for name, text in (("inventory.yaml", org.inventory()), ("matrix.yaml", org.matrix()), ("ztc.yaml", SETTINGS)):
        with open(os.path.join(args.out, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


if __name__ == "__main__":
    main()
