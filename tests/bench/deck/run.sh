#!/usr/bin/env bash
# tests/bench/deck/run.sh BUILD_DIR — deck building (extraction, generation, curation, checks), one
# Markdown table row per deck. Expects BUILD_DIR to be an optimised build.
# CITECARD_BENCH_SHORT=1: small sizes, and BUILD_DIR is used as built (CI's run, through CTest).
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
short=${CITECARD_BENCH_SHORT:+--short}
[[ -n "$short" ]] || cmake --build "$build" --target deck_build_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/deck/deck_build_bench" $short "$here/../../../decks/summit-2023" "$work"
