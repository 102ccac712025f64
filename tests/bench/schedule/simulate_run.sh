#!/usr/bin/env bash
# simulate_run.sh [BUILD_DIR]: `citecard simulate`'s engine on 10,000 cards over 365 days (median
# of 5 runs); prints one Markdown table row. Runs on its own, or from run.sh with the others.
# Build BUILD_DIR with -DCMAKE_BUILD_TYPE=Release for real figures.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=$(cd "${1:-${CITECARD_BUILD:-$root/build}}" && pwd)
cmake --build "$build" --target simulate_bench >&2
read -r capped unlimited reviews < <("$build/tests/bench/schedule/simulate_bench" 5)
awk -v c="$capped" -v u="$unlimited" -v r="$reviews" 'BEGIN {
  printf "| simulate, 10,000 cards × 365 days (median of 5) | %.3f s with no limits (%d reviews) | %.3f s at fsrs-rs'"'"'s default 30 min/day | %.2f× the target | ≤ 0.5 s |\n", u, r, c, u / 0.5
}'
