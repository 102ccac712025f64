#!/usr/bin/env bash
# tests/bench/run.sh [--short] [BUILD_DIR] — every benchmark in one run, printed as one Markdown
# table for docs/performance.md. Builds an optimised tree in build-bench/ (Release, no sanitizers).
# Reference implementations (ts-fsrs, the fsrs-rs binding, from npm) are installed into that tree
# the first time. --short: small sizes and no references, the run CI makes of every benchmark
# (through CTest, label "bench") so that a benchmark that no longer runs fails the suite.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
if [[ "${1:-}" == "--short" ]]; then
  export CITECARD_BENCH_SHORT=1
  shift
fi
build=${1:-$root/build-bench}
bash "$root/cmake/install-deps.sh"
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCITECARD_BUILD_GUI=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target benchmarks >/dev/null

echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(date -u +%Y-%m-%d)"
echo
echo "| benchmark | citecard | reference / detail | ratio or figure | target |"
echo "|---|---|---|---|---|"
for area in schedule store extract deck gui; do
  script=$root/tests/bench/$area/run.sh
  [[ -x "$script" || -f "$script" ]] || continue
  bash "$script" "$build"
done
# Attribution on PolNeAR (not in the repository): set CITECARD_POLNEAR to a local copy.
if [[ -n "${CITECARD_POLNEAR:-}" ]]; then
  bash "$root/tests/bench/extract/polnear.sh" "$build" "$CITECARD_POLNEAR"
else
  echo "| attribution, PolNeAR | skipped: set CITECARD_POLNEAR to a copy of the corpus | | | |"
fi
