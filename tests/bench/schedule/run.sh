#!/usr/bin/env bash
# run.sh [BUILD_DIR]: FSRS next states per second, citecard vs ts-fsrs 5.4.2 (node) on the same
# review stream in the same run; prints one Markdown table row:
#   | FSRS next state | citecard N/s | ts-fsrs N/s | ratio | target |
# ts-fsrs is installed from npm into BUILD_DIR/ts-fsrs the first time (the benchmark may use the
# network; the tests never do). Build BUILD_DIR with -DCMAKE_BUILD_TYPE=Release for real figures.
# CITECARD_BENCH_SHORT=1 (CI's run, through CTest): a small stream, citecard's side only (the
# references come from npm, and tests download nothing), BUILD_DIR used as built.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=$(cd "${1:-${CITECARD_BUILD:-$root/build}}" && pwd)
bench=$build/tests/bench/schedule/fsrs_bench
if [[ -n "${CITECARD_BENCH_SHORT:-}" ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  "$bench" --short --write-events "$work/events.tsv"
  ours=$("$bench" --short --events "$work/events.tsv" 2>/dev/null)
  awk -v ours="$ours" -v n="$(wc -l < "$work/events.tsv")" 'BEGIN {
    printf "| FSRS next state (%d reviews, short run) | citecard %.2f M/s | ts-fsrs not run (short) | — | ≥ 20× |\n",
           n, ours / 1e6
  }'
  bash "$here/optimize_run.sh" "$build"
  exit 0
fi
cmake --build "$build" --target fsrs_bench >&2
"$root/tests/schedule/golden/install_ts_fsrs.sh" "$build/ts-fsrs"
events=$build/tests/bench/schedule/fsrs_events.tsv
[[ -s "$events" ]] || "$bench" --write-events "$events"
ours=$("$bench" --events "$events" 2>/dev/null)
theirs=$(node "$here/ts_fsrs_bench.mjs" --ts-fsrs "$build/ts-fsrs" --events "$events" 2>/dev/null)
awk -v ours="$ours" -v theirs="$theirs" -v n="$(wc -l < "$events")" 'BEGIN {
  human = "%.2f M/s"
  printf "| FSRS next state (%d reviews) | citecard " human " | ts-fsrs 5.4.2 " human " | %.1f× | ≥ 20× |\n",
         n, ours / 1e6, theirs / 1e6, ours / theirs
}'
bash "$here/simulate_run.sh" "$build"
bash "$here/optimize_run.sh" "$build"
