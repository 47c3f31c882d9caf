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
# moto's server is the AWS endpoint the drift tests read (EC2 security groups, IAM)
MOTO_VERSION=5.2.1
# Debian 12's nginx and its njs module (the nginx PEP test); apt takes a version glob, so security
# updates of the same upstream release still match while another release does not
NGINX_APT_VERSION='1.22.1-*'
NJS_APT_VERSION='0.7.9-*'
NJS_MODULE=/usr/lib/nginx/modules/ngx_http_js_module.so

have() { command -v "$1" >/dev/null 2>&1; }

# hclfmt is installed even beside terraform: ZT401 falls back to it where terraform is missing, and that path is
# tested too (TerraformFormatHclfmtTest)
if ! have hclfmt; then
  if have go; then
    echo "install-test-tools: installing hclfmt $HCLFMT_VERSION" >&2
    go install "github.com/hashicorp/hcl/v2/cmd/hclfmt@$HCLFMT_VERSION" >&2
  else
    echo "install-test-tools: go not found; hclfmt checks will be skipped (fail in CI)" >&2
  fi
fi

# The scanners get a virtualenv of their own, so that their pinned dependencies never meet the
# machine's Python packages; their entry points are linked into $tools/bin.
pip_tool() { # name version [extras] [entry point, default: name]
  local name="$1" version="$2" extras="${3:-}" bin="${4:-$1}" venv="$tools/venv-$1"
  # read pip's answer whole: with pipefail, grep -q closing the pipe early would fail the check
  local installed=""
  if [ -x "$venv/bin/pip" ]; then installed="$("$venv/bin/pip" show "$name" 2>/dev/null || true)"; fi
  if [ -x "$venv/bin/$bin" ] && grep -qx "Version: $version" <<<"$installed"; then
    ln -sf "$venv/bin/$bin" "$tools/bin/$bin"
    return 0
  fi
  if ! have python3; then
    echo "install-test-tools: python3 not found; $name checks will be skipped" >&2
    return 0
  fi
  echo "install-test-tools: installing $name$extras $version" >&2
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet --disable-pip-version-check "$name$extras==$version" >&2
  ln -sf "$venv/bin/$bin" "$tools/bin/$bin"
}
pip_tool parliament "$PARLIAMENT_VERSION"
pip_tool checkov "$CHECKOV_VERSION"
# a moto_server already on PATH (a developer's own) is used as it is; scripts/test.sh starts it
if ! have moto_server; then
  pip_tool moto "$MOTO_VERSION" "[server]" moto_server
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

# nginx and njs run the generated nginx PEP configuration for real (NginxPepTest). They come from the
# distribution, so only where apt-get exists (Debian 12 here and in CI; the script runs as root there).
# The package must not start the system nginx: the test starts its own, and a system one on port 80
# would be a stray server nobody asked for.
if ! have nginx || [ ! -f "$NJS_MODULE" ]; then
  if have apt-get && [ "$(id -u)" = 0 ]; then
    echo "install-test-tools: installing nginx $NGINX_APT_VERSION and njs $NJS_APT_VERSION (apt)" >&2
    made_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      # exit 101 = "action forbidden": invoke-rc.d then does not start the service the package installs
      printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
      chmod 755 /usr/sbin/policy-rc.d
      made_policy=1
      trap 'rm -f /usr/sbin/policy-rc.d' EXIT # also when the script is interrupted
    fi
    apt_ok=1
    apt_log="$tools/apt-nginx.log"
    # dpkg talks a lot even with -qq: keep it in a log, show it only when the install fails
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >"$apt_log" 2>&1 || apt_ok=""
    if [ -n "$apt_ok" ]; then
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        "nginx=$NGINX_APT_VERSION" "libnginx-mod-http-js=$NJS_APT_VERSION" >>"$apt_log" 2>&1 || apt_ok=""
    fi
    if [ -z "$apt_ok" ]; then tail -n 20 "$apt_log" >&2; fi
    if [ -n "$made_policy" ]; then rm -f /usr/sbin/policy-rc.d; trap - EXIT; fi
    # should a service manager have started it anyway, stop it: nothing may listen on port 80 for us
    if [ -n "$apt_ok" ] && [ -s /run/nginx.pid ]; then service nginx stop >/dev/null 2>&1 || true; fi
    if [ -z "$apt_ok" ]; then
      echo "install-test-tools: apt-get could not install nginx/njs; nginx PEP tests will be skipped (fail in CI)" >&2
    fi
  else
    echo "install-test-tools: nginx or its njs module missing and no apt-get as root; nginx PEP tests will be skipped (fail in CI)" >&2
  fi
fi

# chromium renders the drift HTML report in a real headless browser (HtmlReportBrowserTest), from
# Debian like nginx; fonts-dejavu-core so that text renders the same wherever the suite runs
CHROMIUM_APT_VERSION='156.*'
if ! have chromium; then
  if have apt-get && [ "$(id -u)" = 0 ]; then
    echo "install-test-tools: installing chromium $CHROMIUM_APT_VERSION (apt)" >&2
    apt_log="$tools/apt-chromium.log"
    if ! { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
        && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
          "chromium=$CHROMIUM_APT_VERSION" fonts-dejavu-core; } >"$apt_log" 2>&1; then
      tail -n 20 "$apt_log" >&2
      echo "install-test-tools: apt-get could not install chromium; browser tests will be skipped (fail in CI)" >&2
    fi
  else
    echo "install-test-tools: chromium missing and no apt-get as root; browser tests will be skipped (fail in CI)" >&2
  fi
fi

echo "export PATH=\"$tools/bin:\$PATH\""
