#!/usr/bin/env bash
# The one test command: installs missing test tools, then runs the whole suite (unit, end-to-end,
# fuzz regression). CI runs exactly this (see .ci/run).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

eval "$(scripts/install-test-tools.sh)"

./mvnw -B -ntp verify "$@"
