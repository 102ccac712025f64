#!/usr/bin/env bash
# generate.sh [SEED]: regenerates the committed golden vectors in tests/data/fsrs/ from ts-fsrs
# 5.4.2 (installed from npm into a temporary directory). Rerun it only to change the cases; the
# tests read the committed files and need no network.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
seed=${1:-20230913}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$here/install_ts_fsrs.sh" "$tmp/ts"
rm -f "$root"/tests/data/fsrs/*.jsonl "$root"/tests/data/fsrs/cases.json
node "$here/generate.mjs" --ts-fsrs "$tmp/ts" --seed "$seed" --out "$root/tests/data/fsrs"
