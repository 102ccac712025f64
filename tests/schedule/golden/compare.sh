#!/usr/bin/env bash
# compare.sh SEED [BUILD_DIR]: checks `citecard fsrs replay` against ts-fsrs 5.4.2 on a fresh
# random review stream. Installs ts-fsrs from npm into a temporary directory, generates the
# stream and the reference states with SEED, builds citecard and the comparison tool in BUILD_DIR
# (default: build, or $CITECARD_BUILD), replays every case and compares with tolerance.
#   tests/schedule/golden/compare.sh 42
#   CARDS=300 tests/schedule/golden/compare.sh 7 build-release
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
seed=${1:?usage: compare.sh SEED [BUILD_DIR]}
build=${2:-${CITECARD_BUILD:-$root/build}}
cards=${CARDS:-80}
cmake --build "$build" --target citecard fsrs_golden_diff >&2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/install_ts_fsrs.sh" "$tmp/ts"
node "$here/generate.mjs" --ts-fsrs "$tmp/ts" --seed "$seed" --cards "$cards" --out "$tmp/data"
cmake -DCITECARD="$build/bin/citecard" -DDIFF="$build/tests/schedule/fsrs_golden_diff" \
      -DDATA_DIR="$tmp/data" -DWORK_DIR="$tmp/out" -P "$here/run_cases.cmake"
echo "seed $seed: citecard fsrs replay agrees with ts-fsrs 5.4.2"
