#!/usr/bin/env bash
# tests/bench/gui/run.sh BUILD_DIR [GUI_BUILD_DIR] — the app's start and idle cost, one Markdown table row each:
#   first frame: citecard-gui --timing on the summit deck, from main() to the first frame drawn,
#                swapped and finished (glFinish), median of 5 runs under Xvfb (Mesa llvmpipe);
#   idle CPU:    the interactive app left alone for 10 s on the deck list, CPU time over wall time.
# BUILD_DIR is tests/bench/run.sh's optimised tree; it builds without the app, so the app is built
# beside it in BUILD_DIR-gui (Release), unless GUI_BUILD_DIR (or CITECARD_GUI_BUILD, for make
# bench) names a tree that has it already.
# CITECARD_BENCH_SHORT=1 (CI's run, through CTest): one first frame and 2 s of idle.
set -euo pipefail
if [[ -n "${CITECARD_BENCH_SHORT:-}" ]]; then runs=1 idle_seconds=2; else runs=5 idle_seconds=10; fi
build=${1:?usage: run.sh BUILD_DIR}
root=$(cd "$(dirname "$0")/../../.." && pwd)
if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "| app first frame / idle CPU | skipped: xvfb-run is not installed | | | |"
  exit 0
fi
gui_build=${2:-${CITECARD_GUI_BUILD:-${build}-gui}}
if [[ -z "${2:-}${CITECARD_GUI_BUILD:-}" ]]; then
  cmake -S "$root" -B "$gui_build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DCITECARD_BUILD_GUI=ON \
    >/dev/null
  cmake --build "$gui_build" --target citecard citecard-gui >/dev/null
fi
gui=$gui_build/bin/citecard-gui
work=$(mktemp -d)
app_pid=""
xvfb_pid=""
cleanup() {
  [[ -n "$app_pid" ]] && kill "$app_pid" 2>/dev/null || true
  [[ -n "$xvfb_pid" ]] && wait "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME=$work/config
db=$work/collection.db
"$gui_build/bin/citecard" build "$root/decks/summit-2023" --db "$db" >/dev/null

times=()
stages=""
for _ in $(seq 1 "$runs"); do
  line=$(xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --db "$db" --size 1280x800 --timing \
    --screenshot "$work/first.png" | grep "first frame after")
  times+=("$(echo "$line" | sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p')")
  stages=$(echo "$line" | sed -n 's/.*(ms at: \(.*\))$/\1/p')
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((runs + 1) / 2))p")
[[ -n "$median" ]] || { echo "| app first frame | failed: no timing from the app | | | |"; exit 1; }
echo "| app first frame, summit deck (median of $runs) | ${median} ms | runs: ${times[*]} ms; last run's ms at: ${stages}; Xvfb, Mesa llvmpipe | — | ≤ 300 ms |"

# Idle: the app waits for events; only the 1 s timeout that keeps due counts fresh wakes it.
xvfb-run -a -s "-screen 0 1280x800x24" "$gui" --db "$db" --size 1280x800 >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 50); do
  for child in $(cat /proc/"$xvfb_pid"/task/*/children 2>/dev/null); do
    [[ "$(cat /proc/"$child"/comm 2>/dev/null)" == citecard-gui ]] && app_pid=$child
  done
  [[ -n "$app_pid" ]] && break
  sleep 0.1
done
[[ -n "$app_pid" ]] || { echo "| app idle CPU | failed: the app did not start | | | |"; exit 1; }
sleep 3  # past start-up
ticks() { awk '{print $14 + $15}' /proc/"$app_pid"/stat; }
hz=$(getconf CLK_TCK)
before=$(ticks)
start=$(date +%s.%N)
sleep "$idle_seconds"
after=$(ticks)
end=$(date +%s.%N)
idle=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$start" -v e="$end" \
  'BEGIN { printf "%.2f", 100 * t / hz / (e - s) }')
echo "| app idle CPU, deck list, $idle_seconds s | ${idle} % of one core | $((after - before)) ticks of 1/${hz} s | — | ≈ 0 |"
kill "$app_pid"
app_pid=""
wait "$xvfb_pid" 2>/dev/null || true
xvfb_pid=""
