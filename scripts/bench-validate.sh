#!/usr/bin/env bash
# Measures how fast validate decides: the intent evaluator and each layer evaluator (JMH, decisions per second,
# on a fixed sample of 1,000 boundary requests of a synthetic organisation), and OPA on the same bundle
# (`opa bench` on one request, and one batched `opa eval` over all the sample's application-layer inputs).
#
#   scripts/bench-validate.sh [--assets N] [--rules N] [--seed S] [--keep]
#
# Defaults: 1,000 assets and 10,000 rules, seed 1. Prints the JMH table and the opa numbers; the README's
# performance section records them.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
assets=1000
rules=10000
seed=1
keep=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --assets) assets="${2:?}"; shift 2 ;;
    --rules)  rules="${2:?}"; shift 2 ;;
    --seed)   seed="${2:?}"; shift 2 ;;
    --keep)   keep=true; shift ;;
    -h|--help) sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
    *) echo "bench-validate: unknown argument '$1'" >&2; exit 2 ;;
  esac
done
[[ "$assets" =~ ^[1-9][0-9]*$ && "$rules" =~ ^[1-9][0-9]*$ && "$seed" =~ ^[0-9]+$ ]] \
  || { echo "bench-validate: --assets and --rules must be positive, --seed a whole number" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/ztc-bench-validate.XXXXXX")"
if [[ "$keep" == true ]]; then
  echo "bench-validate: keeping everything in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

eval "$("$root/scripts/install-test-tools.sh")"
python3 "$root/scripts/gen-synthetic-org.py" --assets "$assets" --rules "$rules" --seed "$seed" --out "$work/org" >&2

cd "$root"
./mvnw -B -q -ntp test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath.txt" -Dmdep.includeScope=test >&2
classpath="$root/target/test-classes:$root/target/classes:$(cat "$work/classpath.txt")"

# JMH: the benchmark's set-up compiles the project and writes the application-layer inputs it decides
# (the opa eval below is the query validate's OpaEvalEngine runs, on the same inputs)
# (opa-inputs.json: {"requests": [...]}, and the first of them alone as opa-input.json) for the opa runs below.
ZTC_BENCH_OPA_INPUTS="$work" java -cp "$classpath" org.openjdk.jmh.Main 'dev.ztc.bench.ValidateBenchmark' \
  -p project="$work/org" -rf text -rff "$work/jmh.txt" >&2
echo "## JMH (decisions per second, $rules rules, $assets assets)"
cat "$work/jmh.txt"

bundle="$(ls -d "$work"/ztc-bench-*/ztc/opa 2>/dev/null | head -n 1 || true)"
if command -v opa >/dev/null 2>&1 && [[ -n "$bundle" && -f "$work/opa-input.json" ]]; then
  echo
  echo "## opa bench (one request, data.ztc.authz.decision)"
  opa bench --format pretty -b "$bundle" --input "$work/opa-input.json" 'data.ztc.authz.decision' | grep -E 'ns/op|samples|B/op' || true
  n="$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["requests"]))' "$work/opa-inputs.json")"
  start="$(date +%s.%N)"
  opa eval --format json -b "$bundle" --input "$work/opa-inputs.json" \
    '{i: d | some i; x := input.requests[i]; d := data.ztc.authz.decision with input as x}' >/dev/null
  end="$(date +%s.%N)"
  awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { t = e - s; printf "\n## opa eval, batched: %d inputs in %.2f s = %.0f decisions/s (process start and bundle load included)\n", n, t, n / t }'
else
  echo "bench-validate: opa or the benchmark's bundle not found; the opa numbers are left out" >&2
fi
