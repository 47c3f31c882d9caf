#!/usr/bin/env bash
# Installs the external tools the test suite uses, when they are missing. Idempotent and quiet when
# everything is present. Tools land in $ZTC_TOOLS (default ~/.cache/ztc-tools) and on PATH via the
# env file it prints; scripts/test.sh sources it.
set -euo pipefail
tools="${ZTC_TOOLS:-$HOME/.cache/ztc-tools}"
mkdir -p "$tools/bin"
export GOBIN="$tools/bin"
export PATH="$tools/bin:$PATH"

# The versions are pinned so that a clean machine gets exactly what the suite was written against.
HCLFMT_VERSION=v2.25.0
OPA_VERSION=v1.22.4

have() { command -v "$1" >/dev/null 2>&1; }

if ! have terraform && ! have hclfmt; then
  if have go; then
    echo "install-test-tools: installing hclfmt $HCLFMT_VERSION" >&2
    go install "github.com/hashicorp/hcl/v2/cmd/hclfmt@$HCLFMT_VERSION" >&2
  else
    echo "install-test-tools: neither terraform nor go found; HCL format checks will be skipped" >&2
  fi
fi

# opa checks, tests and evaluates the generated OPA bundle; PATH includes $tools/bin already
if ! have opa; then
  if have go; then
    echo "install-test-tools: installing opa $OPA_VERSION" >&2
    go install "github.com/open-policy-agent/opa@$OPA_VERSION" >&2
  else
    echo "install-test-tools: neither opa nor go found; OPA bundle tests will be skipped (fail in CI)" >&2
  fi
fi

echo "export PATH=\"$tools/bin:\$PATH\""
