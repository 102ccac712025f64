#!/usr/bin/env bash
# tests/bench/store/run.sh BUILD_DIR — the store benchmarks, one Markdown table row each.
# Expects BUILD_DIR to be an optimised build (tests/bench/run.sh makes one).
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR}
cmake --build "$build" --target store_answer_bench store_queue_bench store_merge_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/store/store_answer_bench" "$work"
"$build/tests/bench/store/store_queue_bench" "$work"
"$build/tests/bench/store/store_merge_bench" "$work"
