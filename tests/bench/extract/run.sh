#!/bin/sh
# Extraction benchmark: the summit articles and the held-out articles repeated to 50 MB (1 MB when
# CITECARD_BENCH_SHORT=1, CI's run through CTest).
#   tests/bench/extract/run.sh BUILD_DIR [MB]
set -eu
build=${1:?usage: run.sh BUILD_DIR [MB]}
if [ -n "${CITECARD_BENCH_SHORT:-}" ]; then default_mb=1; else default_mb=50; fi
mb=${2:-$default_mb}
here=$(cd "$(dirname "$0")" && pwd)
data="$here/../../data"
exec "$build/tests/bench/extract/bench_extract" --mb "$mb" "$data"/gold/articles/*.txt \
  "$data"/extract/heldout/*.txt "$data"/extract/heldout2/*.txt
