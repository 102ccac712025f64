#!/bin/sh
# Makes the app's screenshots for README and docs/app.md (study, reader, builder, stats, settings) with
# `citecard-gui --screenshot`, on the summit deck after three weeks of scripted study, so the
# charts have something to show. Needs xvfb-run; the clock is pinned, so a rerun gives the same
# pictures (up to font rendering).
#
#   assets/screenshots/make_screenshots.sh [BUILD_DIR]     (default: build)
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
citecard=$build/bin/citecard
gui=$build/bin/citecard-gui
out=$root/assets/screenshots
size=1280x800
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIBGL_ALWAYS_SOFTWARE=1 XDG_CONFIG_HOME=$work/config

db=$work/collection.db
"$citecard" build "$root/decks/summit-2023" --db "$db" >/dev/null
# Twenty study days, two out of three: mostly Good, some Again, Hard and Easy.
day=1
while [ "$day" -le 20 ]; do
  if [ $((day % 3)) -ne 0 ]; then
    input=""
    for rating in 3 3 1 3 4 3 2 3 3 1 3 4 3 3 2 3 3 3 1 3; do input="$input\n$rating\n"; done
    printf "${input}q\n" | "$citecard" study --db "$db" \
      --now "$(printf '2024-01-%02dT09:00:00Z' "$day")" >/dev/null
  fi
  day=$((day + 1))
done
now=2024-01-21T10:00:00Z

shot() {
  name=$1
  shift
  timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" "$gui" --db "$db" --size "$size" \
    --now "$now" --screenshot "$out/$name.png" "$@"
}
shot study --view study --reveal
shot reader --view reader
mkdir -p "$work/articles"
cp "$root/tests/gui/data/builder/library_hours.txt" "$root/tests/gui/data/builder/rail_bridge.html" \
  "$work/articles/"
# From the articles' folder, which the Builder's file chooser opens on.
(cd "$work/articles" && shot builder --script "builder,add:$work/articles,newdeck:$work/my-deck,wait,reject:2")
shot stats --view stats
# Settings waits for its workload curves (the simulator runs off the UI thread).
shot settings --view settings --script "wait"
shot study-dark --view study --reveal --script "theme:dark"
