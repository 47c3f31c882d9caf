#!/usr/bin/env bash
# Measures `ztc compile` on synthetic organisations of two sizes and prints a Markdown table
# for the README's performance section, plus how time grows against input size.
#
#   scripts/bench-compile.sh [--small ASSETS:RULES] [--large ASSETS:RULES] [--runs N] [--warmup N]
#                            [--seed S] [--keep]
#
# Defaults: 500:5000 and 5000:50000, 1 warm-up and 3 measured runs per size, seed 1.
# ZTC=path overrides the launcher (default scripts/ztc, which builds the jar on first use);
# the first warm-up run therefore also absorbs the build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ztc="${ZTC:-$root/scripts/ztc}"
small="500:5000"
large="5000:50000"
runs=3
warmup=1
seed=1
keep=false

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --small)  small="${2:?}"; shift 2 ;;
    --large)  large="${2:?}"; shift 2 ;;
    --runs)   runs="${2:?}"; shift 2 ;;
    --warmup) warmup="${2:?}"; shift 2 ;;
    --seed)   seed="${2:?}"; shift 2 ;;
    --keep)   keep=true; shift ;;
    -h|--help) usage ;;
    *) echo "bench-compile: unknown argument '$1'" >&2; usage ;;
  esac
done
for size in "$small" "$large"; do
  [[ "$size" =~ ^[0-9]+:[0-9]+$ ]] || { echo "bench-compile: size '$size' is not ASSETS:RULES" >&2; exit 2; }
done
[[ "$runs" =~ ^[1-9][0-9]*$ && "$warmup" =~ ^[0-9]+$ && "$seed" =~ ^[0-9]+$ ]] \
  || { echo "bench-compile: --runs must be at least 1, --warmup and --seed whole numbers" >&2; exit 2; }
[[ -x "$ztc" ]] || { echo "bench-compile: launcher '$ztc' not found or not executable (set ZTC=...)" >&2; exit 2; }

work="$(mktemp -d "${TMPDIR:-/tmp}/ztc-bench.XXXXXX")"
if [[ "$keep" == true ]]; then
  echo "bench-compile: keeping inputs and outputs in $work" >&2
else
  trap 'rm -rf "$work"' EXIT
fi

# Seconds since the epoch with nanoseconds; awk does the arithmetic, bash has no floats.
now() { date +%s.%N; }

# One compile into a fresh output directory; prints elapsed seconds. A failed compile stops the
# benchmark: timing an error path would report a number that means nothing.
compile_once() {
  local dir="$1" start end
  rm -rf "$dir/out"
  start="$(now)"
  if ! "$ztc" compile "$dir" --out "$dir/out" >"$dir/compile.log" 2>&1; then
    echo "bench-compile: ztc compile $dir failed:" >&2
    tail -n 20 "$dir/compile.log" >&2
    exit 1
  fi
  end="$(now)"
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", e - s }'
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A median_of bytes_of
for size in "$small" "$large"; do
  assets="${size%%:*}"
  rules="${size##*:}"
  dir="$work/org-$assets-$rules"
  python3 "$root/scripts/gen-synthetic-org.py" --assets "$assets" --rules "$rules" --seed "$seed" --out "$dir"
  bytes_of[$size]="$(cat "$dir"/*.yaml | wc -c | tr -d ' ')"
  echo "bench-compile: $assets assets / $rules rules (${bytes_of[$size]} bytes): $warmup warm-up, $runs measured" >&2
  for ((i = 0; i < warmup; i++)); do compile_once "$dir" >/dev/null; done
  times=()
  for ((i = 0; i < runs; i++)); do
    times+=("$(compile_once "$dir")")
    echo "  run $((i + 1)): ${times[-1]} s" >&2
  done
  median_of[$size]="$(printf '%s\n' "${times[@]}" | median)"
done

echo
echo "| assets | rules | input bytes | median seconds (of $runs) | rules/second |"
echo "|---:|---:|---:|---:|---:|"
for size in "$small" "$large"; do
  awk -v a="${size%%:*}" -v r="${size##*:}" -v b="${bytes_of[$size]}" -v t="${median_of[$size]}" \
    'BEGIN { printf "| %d | %d | %d | %.2f | %.0f |\n", a, r, b, t, (t > 0 ? r / t : 0) }'
done
echo
awk -v ts="${median_of[$small]}" -v tl="${median_of[$large]}" \
    -v rs="${small##*:}" -v rl="${large##*:}" -v bs="${bytes_of[$small]}" -v bl="${bytes_of[$large]}" 'BEGIN {
  growth = (ts > 0) ? tl / ts : 0
  printf "Growth: time(large)/time(small) = %.2f for %.1fx the rules (%.1fx the input bytes);", growth, rl / rs, bl / bs
  ratio = rl / rs
  verdict = (growth < 0.8 * ratio) ? "less than linear (fixed costs such as JVM start-up weigh on the small size)." \
          : (growth <= 1.25 * ratio) ? "about linear." : "worse than linear."
  printf " %s\n", verdict
}'
