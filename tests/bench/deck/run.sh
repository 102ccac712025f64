#!/usr/bin/env bash
# tests/bench/deck/run.sh BUILD_DIR — deck building (extraction, generation, curation, checks), one
# Markdown table row per deck. Expects BUILD_DIR to be an optimised build.
set -euo pipefail
build=${1:?usage: run.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
cmake --build "$build" --target deck_build_bench >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/deck/deck_build_bench" "$here/../../../decks/summit-2023" "$work"
