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
CHECKOV_VERSION=3.3.30
PARLIAMENT_VERSION=1.6.4
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

# The scanners get a virtualenv of their own, so that their pinned dependencies never meet the
# machine's Python packages; their entry points are linked into $tools/bin.
pip_tool() { # name version
  local name="$1" version="$2" venv="$tools/venv-$1"
  # read pip's answer whole: with pipefail, grep -q closing the pipe early would fail the check
  local installed=""
  if [ -x "$venv/bin/pip" ]; then installed="$("$venv/bin/pip" show "$name" 2>/dev/null || true)"; fi
  if [ -x "$venv/bin/$name" ] && grep -qx "Version: $version" <<<"$installed"; then
    ln -sf "$venv/bin/$name" "$tools/bin/$name"
    return 0
  fi
  if ! have python3; then
    echo "install-test-tools: python3 not found; $name checks will be skipped" >&2
    return 0
  fi
  echo "install-test-tools: installing $name $version" >&2
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$name==$version" >&2
  ln -sf "$venv/bin/$name" "$tools/bin/$name"
}
pip_tool parliament "$PARLIAMENT_VERSION"
pip_tool checkov "$CHECKOV_VERSION"
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
