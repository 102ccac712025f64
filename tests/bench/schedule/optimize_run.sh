#!/usr/bin/env bash
# optimize_run.sh [BUILD_DIR]: the FSRS optimizer against fsrs-rs (through its npm binding 0.5.0)
# on simulated review logs of 10k, 100k and 1M reviews (CITECARD_OPTIMIZE_SIZES to change). Each
# side fits in its own process (wall time and peak RSS are the fit's, CSV reading included); both
# weight sets are then scored by both evaluators. Prints Markdown table rows for README.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
build=$(cd "${1:-${CITECARD_BUILD:-$root/build}}" && pwd)
cmake --build "$build" --target revlog_sim optimize_bench >&2
bin=$build/tests/bench/schedule
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
