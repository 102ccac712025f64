#!/usr/bin/env bash
# optimize_run.sh [BUILD_DIR]: the FSRS optimizer against fsrs-rs (through its npm binding 0.5.0)
# on simulated review logs of 10k, 100k and 1M reviews (CITECARD_OPTIMIZE_SIZES to change). Each
# side fits in its own process (wall time and peak RSS are the fit's, CSV reading included); both
# weight sets are then scored by both evaluators. Prints Markdown table rows for docs/performance.md.
# CITECARD_BENCH_SHORT=1 (CI's run, through CTest): 2,000 reviews, citecard's fit and evaluation
# only (fsrs-rs comes from npm, and tests download nothing), BUILD_DIR used as built.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=$(cd "${1:-${CITECARD_BUILD:-$root/build}}" && pwd)
bin=$build/tests/bench/schedule
if [[ -n "${CITECARD_BENCH_SHORT:-}" ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  "$bin/revlog_sim" --reviews 2000 --seed 1 > "$work/revlog.csv"
  "$bin/optimize_bench" fit "$work/revlog.csv" > "$work/fit.json"
  sed -n 's/.*"parameters":\(\[[^]]*\]\).*/\1/p' "$work/fit.json" > "$work/weights.json"
  "$bin/optimize_bench" evaluate "$work/revlog.csv" "$work/weights.json" > "$work/evaluated.json"
  seconds=$(sed -n 's/.*"seconds":\([0-9.e+-]*\).*/\1/p' "$work/fit.json")
  log_loss=$(sed -n 's/^{"as_binding".*},"log_loss":\([0-9.e+-]*\).*/\1/p' "$work/evaluated.json")
  [[ -n "$seconds" && -n "$log_loss" ]] || { echo "optimizer benchmark: no figures" >&2; exit 1; }
  awk -v loss="$log_loss" -v s="$seconds" 'BEGIN {
    printf "| FSRS optimizer, 2k reviews (short run) | log loss %.5f, %.2f s | fsrs-rs not run (short) | — | — |\n", loss, s
  }'
  exit 0
fi
cmake --build "$build" --target revlog_sim optimize_bench >&2
binding=$build/fsrs-rs-binding
bash "$here/install_fsrs_rs_binding.sh" "$binding"
work=$bin/optimize
mkdir -p "$work"
for n in ${CITECARD_OPTIMIZE_SIZES:-10000 100000 1000000}; do
  log=$work/revlog_$n.csv
  [[ -s "$log" ]] || "$bin/revlog_sim" --reviews "$n" --seed 1 > "$log"
  "$bin/optimize_bench" fit "$log" > "$work/citecard_$n.json"
  node "$here/fsrs_rs_optimize.mjs" --binding "$binding" fit "$log" > "$work/fsrs_rs_$n.json"
  for side in citecard fsrs_rs; do
    node -e 'const fs = require("fs"); fs.writeFileSync(process.argv[2],
      JSON.stringify(JSON.parse(fs.readFileSync(process.argv[1])).parameters))' \
      "$work/${side}_$n.json" "$work/${side}_$n.weights.json"
    "$bin/optimize_bench" evaluate "$log" "$work/${side}_$n.weights.json" > "$work/${side}_$n.by_citecard.json"
    node "$here/fsrs_rs_optimize.mjs" --binding "$binding" evaluate "$log" \
      "$work/${side}_$n.weights.json" > "$work/${side}_$n.by_fsrs_rs.json"
  done
  node "$here/optimize_report.mjs" "$work" "$n"
done
