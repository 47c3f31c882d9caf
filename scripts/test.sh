#!/usr/bin/env bash
# The one test command: installs missing test tools, then runs the whole suite (unit, end-to-end,
# fuzz regression). CI runs exactly this (see .ci/run).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"

eval "$(scripts/install-test-tools.sh)"

# One moto server (the AWS endpoint of the drift tests, which reset it between tests) for the whole
# run, on a free port of 127.0.0.1, stopped however the run ends. ZTC_MOTO_ENDPOINT set by the caller
# (a moto elsewhere) is used as it is; no moto_server leaves the tests to fail in CI, skip elsewhere.
moto_pid=""
stop_moto() {
  if [ -n "$moto_pid" ]; then
    kill "$moto_pid" 2>/dev/null || true
    wait "$moto_pid" 2>/dev/null || true
  fi
}
trap stop_moto EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
if [ -z "${ZTC_MOTO_ENDPOINT:-}" ] && command -v moto_server >/dev/null 2>&1; then
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  mkdir -p target
  moto_log="$repo/target/moto-server.log"
  moto_server -H 127.0.0.1 -p "$port" >"$moto_log" 2>&1 &
  moto_pid=$!
  # moto imports its services first: wait until it answers, and for no longer than a minute
  for _ in $(seq 1 600); do
    if python3 -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=1)' \
        "http://127.0.0.1:$port/moto-api/" 2>/dev/null; then
      export ZTC_MOTO_ENDPOINT="http://127.0.0.1:$port"
      break
    fi
    if ! kill -0 "$moto_pid" 2>/dev/null; then break; fi
    sleep 0.1
  done
  if [ -z "${ZTC_MOTO_ENDPOINT:-}" ]; then
    echo "test.sh: moto_server did not come up on 127.0.0.1:$port; its log:" >&2
    cat "$moto_log" >&2
    exit 1
  fi
  echo "test.sh: moto_server on $ZTC_MOTO_ENDPOINT (pid $moto_pid, log $moto_log)" >&2
fi

./mvnw -B -ntp verify "$@"
