#!/usr/bin/env bash
# tests/bench/store/run.sh BUILD_DIR — the store benchmarks, one Markdown table row each.
# Expects BUILD_DIR to be an optimised build (tests/bench/run.sh makes one).
# CITECARD_BENCH_SHORT=1: small sizes, and BUILD_DIR is used as built (CI's run, through CTest).
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR}
short=${CITECARD_BENCH_SHORT:+--short}
[[ -n "$short" ]] ||
  cmake --build "$build" --target store_answer_bench store_queue_bench store_merge_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/store/store_answer_bench" $short "$work"
"$build/tests/bench/store/store_queue_bench" $short "$work"
"$build/tests/bench/store/store_merge_bench" $short "$work"
