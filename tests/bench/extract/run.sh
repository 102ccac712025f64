#!/bin/sh
# Extraction benchmark: the summit articles and the held-out articles repeated to 50 MB.
#   tests/bench/extract/run.sh BUILD_DIR [MB]
set -eu
build=${1:?usage: run.sh BUILD_DIR [MB]}
mb=${2:-50}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../data"
exec "$build/tests/bench/extract/bench_extract" --mb "$mb" "$data"/gold/articles/*.txt \
  "$data"/extract/heldout/*.txt "$data"/extract/heldout2/*.txt
