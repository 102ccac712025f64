#!/bin/sh
# Runs citecard-gui headless on the real summit deck and checks what it did.
#
#   run_gui_test.sh CASE WORK_DIR CITECARD CITECARD_GUI PNG_CHECK REVIEW_LOG_DUMP DECK_DIR
#
# CASE is one of:
#   decks   screenshot of the deck list
#   study   screenshot of the first card's question
#   reveal  screenshot of its answer and cited source, which must differ from the question's
#   answer  answer the first card Good through the study view (--script reveal,rate:3); the
#           review log must gain exactly that one entry
#   keys    study with the keyboard only: Enter opens the deck, B picks a choice, 2 rates Hard,
#           Space shows the next answer, Space gives the suggested Good, Esc goes back to decks
#   finish  answer every card due today Easy; the app must end on the congratulations screen
#           with one review logged per card
#   undo    rate two cards, take the second answer back with U and answer that card again: the
#           log holds the first answer and the new one for the same card, not the one taken back;
#           a second run's Ctrl+Z takes back only its own answer
#   reader  open the first card's article from its answer: the reader shows, with the cited span
#           highlighted in view
#   browse  B on the deck list opens Browse; search "Putin", select the first match and suspend
#           it with S: that card alone is suspended in the collection, and it is one that
#           mentions Putin; a second run unsuspends it
#   builder the Builder makes a deck from two invented articles (a .txt and an .html page with
#           metadata) copied to a temp folder, its cards are made off the UI thread, the first
#           candidate is rejected and the decisions saved: deck.toml holds exactly that
#           rejection, and `citecard build` of the folder makes one card fewer than the
#           generator alone (--no-overlay), without that card
#   stats   T on the deck list opens Stats; after one answer its charts differ from before
#   settings Settings shows the collection's options; "Fit my parameters" runs the optimizer on
#           the collection's log off the UI thread and reports what it fitted on
#   workload Settings simulates every desired retention from 0.70 to 0.95 off the UI thread and
#           draws the minutes a day and cards memorised; the curves' figures reach stdout, the
#           optimum lies within the range, and a higher retention costs more minutes a day
#   putaside S suspends the card on screen and - buries the next one: exactly those two cards,
#           the first two the queue would show, are suspended and buried in the collection, and
#           the session summary counts them
#   readertypes R opens the reader from a card of every type in the deck, its cited span
#           highlighted
#   help    F1 shows the keys of the view over it, Esc closes it without leaving the view
#   look    the dark theme and a larger text size change the window and are remembered in the
#           config file with the view; the next run opens that view (--view last), dark
#   settingslook  L in Settings switches to the dark theme, remembered; learning steps typed in
#           Settings and saved with Ctrl+S reach the collection
#   export  E in Stats saves each chart as a PNG in the collection's charts/ folder
#
# Each case builds a fresh collection with the real `citecard` binary and runs the app under
# xvfb-run with Mesa's software renderer. Screenshots stay in WORK_DIR for a look afterwards.
set -eu

case_name=$1 work=$2 citecard=$3 gui=$4 png_check=$5 review_log_dump=$6 deck=$7
size=1280x800

if ! command -v xvfb-run >/dev/null 2>&1; then
  echo "xvfb-run is not installed (apt-get install xvfb xauth); skipping" >&2
  exit 77
fi
export LIBGL_ALWAYS_SOFTWARE=1
# Under AddressSanitizer, the app's process reports two 56-byte blocks allocated inside the
# system's GL stack, which is unloaded before the leak check runs, so they can be neither
# attributed nor suppressed by name. Leak checking stays on for the engine and the CLI (every
# other test); for the app ASan still checks every memory access.
gui_asan_options="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"

rm -rf "$work"
mkdir -p "$work"
db=$work/collection.db
"$citecard" build "$deck" --db "$db"

# The remembered window, theme and view live here, per test, never in the user's config.
export XDG_CONFIG_HOME=$work/config

# gui OUT.png ARGS...: one screenshot of the app at $size.
gui() {
  out=$1
  shift
  ASAN_OPTIONS=$gui_asan_options timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" \
    "$gui" --db "$db" --size "$size" --screenshot "$out" "$@"
}

case $case_name in
  decks)
    gui "$work/decks.png" --view decks
    "$png_check" "$work/decks.png" --size "$size"
    ;;
  study)
    gui "$work/study.png" --view study
    "$png_check" "$work/study.png" --size "$size"
    ;;
  reveal)
    gui "$work/study.png" --view study
    gui "$work/reveal.png" --view study --reveal
    "$png_check" "$work/reveal.png" --size "$size" --differs-from "$work/study.png" \
      --min-changed 0.05
    ;;
  answer)
    "$review_log_dump" "$db" >"$work/log-before.txt"
    grep -qx "reviews: 0" "$work/log-before.txt"
    gui "$work/answered.png" --view study --script "reveal,rate:3"
    "$review_log_dump" "$db" >"$work/log-after.txt"
    cat "$work/log-after.txt"
    grep -qx "reviews: 1" "$work/log-after.txt" || {
      echo "expected exactly one review after answering one card" >&2
      exit 1
    }
    grep -Eq '^[^ ]+ good [0-9]+$' "$work/log-after.txt" || {
      echo "expected the one review to be rated good" >&2
      exit 1
    }
    # The command line sees the same answer.
    "$citecard" stats --json --db "$db" | grep -q '"reviews_today":1' || {
      echo "citecard stats does not count the answer as today's review" >&2
      exit 1
    }
    "$png_check" "$work/answered.png" --size "$size"
    ;;
  keys)
    gui "$work/keys.png" --script "key:enter,key:b,key:2,key:space,key:space,key:escape" |
      tee "$work/gui.txt"
    grep -q "view: decks" "$work/gui.txt" || {
      echo "expected Esc to go back to the deck list" >&2
      exit 1
    }
    "$review_log_dump" "$db" >"$work/log-after.txt"
    cat "$work/log-after.txt"
    # Two cards answered, in order: Hard by key 2, then Good by Space.
    ratings=$(sed -n 's/^[^ ]* \([a-z]*\) [0-9]*$/\1/p' "$work/log-after.txt" | tr '\n' ' ')
    [ "$ratings" = "hard good " ] || {
      echo "expected the ratings 'hard good ', got '$ratings'" >&2
      exit 1
    }
    "$png_check" "$work/keys.png" --size "$size"
    ;;
  finish)
    now=2024-03-01T10:00:00Z
    due=$("$citecard" stats --json --db "$db" --now "$now" | sed -n 's/.*"due_today":\([0-9]*\).*/\1/p')
    [ "${due:-0}" -gt 0 ] || {
      echo "expected cards due in a fresh collection" >&2
      exit 1
    }
    script=reveal,rate:4
    i=1
    while [ "$i" -lt "$due" ]; do
      script=$script,reveal,rate:4
      i=$((i + 1))
    done
    gui "$work/done.png" --view study --now "$now" --script "$script" | tee "$work/gui.txt"
    grep -q "view: done" "$work/gui.txt" || {
      echo "expected the congratulations screen after $due answers" >&2
      exit 1
    }
    # The done screen's summary: every card once, all Easy.
    grep -Eq "session: $due cards, $due answers \(again 0, hard 0, good 0, easy $due\), [0-9]+ ms" \
      "$work/gui.txt" || {
      echo "expected a session summary of $due cards answered Easy" >&2
      exit 1
    }
    "$review_log_dump" "$db" >"$work/log-after.txt"
    grep -qx "reviews: $due" "$work/log-after.txt" || {
      echo "expected $due reviews, got: $(tail -n 1 "$work/log-after.txt")" >&2
      exit 1
    }
    "$png_check" "$work/done.png" --size "$size"
    ;;
  undo)
    # Which card comes second, and how a plain run logs it, from a copy of the collection.
    cp "$db" "$work/reference.db"
    ASAN_OPTIONS=$gui_asan_options timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" \
      "$gui" --db "$work/reference.db" --size "$size" --screenshot "$work/reference.png" \
      --view study --script "reveal,rate:3,reveal,rate:2" >/dev/null
    second=$("$review_log_dump" "$work/reference.db" | sed -n 's/^\([^ ]*\) hard [0-9]*$/\1/p')
    [ -n "$second" ] || {
      echo "the reference run did not rate a second card Hard" >&2
      exit 1
    }
    gui "$work/undo.png" --view study --script "reveal,rate:3,reveal,rate:2,key:u,reveal,rate:1" |
      tee "$work/gui.txt"
    "$review_log_dump" "$db" >"$work/log-after.txt"
    cat "$work/log-after.txt"
    grep -qx "reviews: 2" "$work/log-after.txt" || {
      echo "expected two reviews: the first answer and the second card answered again" >&2
      exit 1
    }
    grep -qx "$second again [0-9]*" "$work/log-after.txt" || {
      echo "expected the card taken back ($second) to come back and be rated Again" >&2
      exit 1
    }
    if grep -q " hard " "$work/log-after.txt"; then
      echo "the answer taken back is still in the review log" >&2
      exit 1
    fi
    # A new session takes back its own answers only.
    gui "$work/undo-ctrl-z.png" --view study --script "reveal,rate:4,key:ctrl+z" |
      tee "$work/gui2.txt"
    grep -q "view: study" "$work/gui2.txt"
    "$review_log_dump" "$db" >"$work/log-after-2.txt"
    grep -qx "reviews: 2" "$work/log-after-2.txt" || {
      echo "expected Ctrl+Z to take back the Easy answer of the second run, and only it" >&2
      exit 1
    }
    if grep -q " easy " "$work/log-after-2.txt"; then
      echo "the Easy answer taken back with Ctrl+Z is still in the review log" >&2
      exit 1
    fi
    "$png_check" "$work/undo-ctrl-z.png" --size "$size"
    ;;
  reader)
    gui "$work/reveal.png" --view study --reveal
    gui "$work/reader.png" --view study --script "reveal,key:r" | tee "$work/gui.txt"
    grep -q "view: reader" "$work/gui.txt" || {
      echo "expected R on the answer side to open the reader" >&2
      exit 1
    }
    # The highlight's marker-yellow band (theme.hpp highlight_band) must be in view.
    "$png_check" "$work/reader.png" --size "$size" --differs-from "$work/reveal.png" \
      --min-changed 0.05 --colour FCE68C --min-colour-pixels 400
    # Esc goes back to the card, answer side up.
    gui "$work/reader-back.png" --view reader --script "key:escape" | tee "$work/gui-back.txt"
    grep -q "view: study" "$work/gui-back.txt"
    "$review_log_dump" "$db" | grep -qx "reviews: 0"
    ;;
  browse)
    gui "$work/browse-all.png" --script "key:b" | tee "$work/gui.txt"
    grep -q "view: browse" "$work/gui.txt" || {
      echo "expected B on the deck list to open Browse" >&2
      exit 1
    }
    "$png_check" "$work/browse-all.png" --size "$size"
    gui "$work/browse.png" --view browse --script "search:Putin,select:1,key:s" |
      tee "$work/gui2.txt"
    "$review_log_dump" "$db" >"$work/log-after.txt"
    cat "$work/log-after.txt"
    grep -Eqx "suspended: 1 [^ ]+" "$work/log-after.txt" || {
      echo "expected exactly one card suspended after S in Browse" >&2
      exit 1
    }
    card=$(sed -n 's/^suspended: 1 //p' "$work/log-after.txt")
    # The card suspended is one whose text holds "Putin".
    "$citecard" show "$card" --db "$db" | grep -q Putin || {
      echo "the suspended card $card does not mention Putin" >&2
      exit 1
    }
    "$png_check" "$work/browse.png" --size "$size" --differs-from "$work/browse-all.png" \
      --min-changed 0.01
    # Unsuspend brings it back.
    gui "$work/browse-back.png" --view browse --script "search:Putin,select:1,unsuspend"
    "$review_log_dump" "$db" | grep -qx "suspended: 0"
    ;;
  builder)
    articles=$work/articles
    mkdir -p "$articles"
    cp "$(dirname "$0")/data/builder/library_hours.txt" "$(dirname "$0")/data/builder/rail_bridge.html" \
      "$articles/"
    mydeck=$work/my-deck
    gui "$work/builder.png" --script \
      "builder,add:$articles/library_hours.txt,add:$articles/rail_bridge.html,newdeck:$mydeck,wait,reject:1,save" |
      tee "$work/gui.txt"
    grep -q "view: builder" "$work/gui.txt"
    "$png_check" "$work/builder.png" --size "$size"
    test -f "$mydeck/manifest.toml"
    cat "$mydeck/deck.toml"
    [ "$(grep -c '^\[\[card\]\]' "$mydeck/deck.toml")" -eq 1 ] || {
      echo "expected exactly one [[card]] entry in deck.toml" >&2
      exit 1
    }
    grep -qx 'action = "reject"' "$mydeck/deck.toml"
    rejected=$(sed -n 's/^id = "\(.*\)"$/\1/p' "$mydeck/deck.toml")
    "$citecard" build "$mydeck" --db "$work/curated.db" | tee "$work/curated.txt"
    "$citecard" build "$mydeck" --no-overlay --db "$work/raw.db" | tee "$work/raw.txt"
    curated=$(sed -n 's/.* notes, \([0-9]*\) cards.*/\1/p' "$work/curated.txt")
    raw=$(sed -n 's/.* notes, \([0-9]*\) cards.*/\1/p' "$work/raw.txt")
    [ -n "$raw" ] && [ "$raw" -ge 2 ] && [ "$curated" -eq $((raw - 1)) ] || {
      echo "expected one card fewer with the overlay: $curated curated, $raw generated" >&2
      exit 1
    }
    "$citecard" cards --db "$work/raw.db" | grep -q "$rejected"
    if "$citecard" cards --db "$work/curated.db" | grep -q "$rejected"; then
      echo "the rejected card $rejected is still built" >&2
      exit 1
    fi
    # The app built the curated deck into its own collection too: the same cards, the rejected
    # one left out.
    "$citecard" cards --db "$db" | grep -Eo "^c[0-9a-f]{16}" | sort >"$work/app-cards.txt"
    "$citecard" cards --db "$work/curated.db" | grep -Eo "^c[0-9a-f]{16}" | sort >"$work/curated-cards.txt"
    comm -13 "$work/app-cards.txt" "$work/curated-cards.txt" >"$work/missing.txt"
    [ ! -s "$work/missing.txt" ] || {
      echo "the app's collection lacks cards of the saved deck:" >&2
      cat "$work/missing.txt" >&2
      exit 1
    }
    if grep -qx "$rejected" "$work/app-cards.txt"; then
      echo "the app's collection holds the rejected card $rejected" >&2
      exit 1
    fi
    ;;
  stats)
    gui "$work/stats-empty.png" --script "key:t" | tee "$work/gui.txt"
    grep -q "view: stats" "$work/gui.txt" || {
      echo "expected T on the deck list to open Stats" >&2
      exit 1
    }
    "$png_check" "$work/stats-empty.png" --size "$size"
    gui "$work/answered.png" --view study --script "reveal,rate:3"
    gui "$work/stats.png" --view stats
    "$png_check" "$work/stats.png" --size "$size" --differs-from "$work/stats-empty.png" \
      --min-changed 0.001
    ;;
  settings)
    gui "$work/answered.png" --view study --script "reveal,rate:1,reveal,rate:3"
    gui "$work/settings.png" --view settings --script "fit,wait" | tee "$work/gui.txt"
    grep -q "view: settings" "$work/gui.txt"
    "$png_check" "$work/settings.png" --size "$size"
    ;;
  workload)
    # Some answers first, so the habits come from a log.
    gui "$work/answered.png" --view study --script "reveal,rate:1,reveal,rate:3,reveal,rate:4"
    gui "$work/workload.png" --view settings --script "wait" | tee "$work/gui.txt"
    grep -q "view: settings" "$work/gui.txt"
    line=$(grep "workload: 26 retentions 0.70-0.95 over" "$work/gui.txt") || {
      echo "expected the Settings curves over 26 retentions from 0.70 to 0.95" >&2
      exit 1
    }
    echo "$line" | awk '{
      for (i = 1; i <= NF; i++) { if ($i == "optimum") opt = $(i + 1); if ($i == "min/day") mins = $(i - 1) }
      split(mins, m, "-")
      if (!(opt + 0 >= 0.70 && opt + 0 <= 0.95)) { print "optimum " opt " outside 0.70-0.95"; exit 1 }
      if (!(m[2] + 0 > m[1] + 0)) { print "0.95 costs no more than 0.70: " mins; exit 1 }
    }'
    "$png_check" "$work/workload.png" --size "$size"
    ;;
  putaside)
    # The first two cards the queue shows, from a plain run on a copy.
    cp "$db" "$work/reference.db"
    ASAN_OPTIONS=$gui_asan_options timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" \
      "$gui" --db "$work/reference.db" --size "$size" --screenshot "$work/reference.png" \
      --view study --script "reveal,rate:3,reveal,rate:2" >/dev/null
    first=$("$review_log_dump" "$work/reference.db" | sed -n 's/^\([^ ]*\) good [0-9]*$/\1/p')
    second=$("$review_log_dump" "$work/reference.db" | sed -n 's/^\([^ ]*\) hard [0-9]*$/\1/p')
    [ -n "$first" ] && [ -n "$second" ] && [ "$first" != "$second" ]
    gui "$work/putaside.png" --view study --script "key:s,key:minus" | tee "$work/gui.txt"
    grep -q "view: study" "$work/gui.txt"
    grep -q "suspended 1, buried 1" "$work/gui.txt" || {
      echo "expected the session to count one card suspended and one buried" >&2
      exit 1
    }
    "$review_log_dump" "$db" >"$work/log-after.txt"
    cat "$work/log-after.txt"
    grep -qx "reviews: 0" "$work/log-after.txt"
    grep -qx "suspended: 1 $first" "$work/log-after.txt" || {
      echo "expected S to suspend the first card, $first" >&2
      exit 1
    }
    grep -qx "buried: 1 $second" "$work/log-after.txt" || {
      echo "expected - to bury the second card, $second" >&2
      exit 1
    }
    "$png_check" "$work/putaside.png" --size "$size"
    ;;
  readertypes)
    # The curated deck asks some kinds by hand (no fact cloze a reader kept): the generator's own
    # build of the same articles holds those, so the two collections together show every kind.
    "$citecard" build "$deck" --no-overlay --db "$work/generated.db"
    curated_db=$db
    seen_types=""
    for reader_db in "$curated_db" "$work/generated.db"; do
      db=$reader_db
      name=$(basename "$reader_db" .db)
      "$citecard" cards --db "$db" | grep -E '^c[0-9a-f]{16} ' >"$work/cards.txt"
      types=$(awk '{print $2}' "$work/cards.txt" | sort -u)
      seen_types=$(printf '%s\n%s\n' "$seen_types" "$types" | sed '/^$/d' | sort -u)
      # One card of each type, in one run: the reader step fails unless the reader opened.
      script=""
      for type in $types; do
        card=$(awk -v t="$type" '$2 == t {print $1; exit}' "$work/cards.txt")
        script="$script${script:+,}card:$card,reveal,reader"
      done
      echo "$script"
      gui "$work/reader-types-$name.png" --script "$script,back,card:$card,reveal,key:r" |
        tee "$work/gui.txt"
      grep -q "view: reader" "$work/gui.txt" || {
        echo "R did not open the reader from the last card, $card" >&2
        exit 1
      }
      "$png_check" "$work/reader-types-$name.png" --size "$size" --colour FCE68C \
        --min-colour-pixels 200
      "$review_log_dump" "$db" | grep -qx "reviews: 0"
    done
    db=$curated_db
    [ "$(echo "$seen_types" | wc -l)" -ge 5 ] || {
      echo "expected the summit deck and its generated build to hold at least five card types," \
        "got: $seen_types" >&2
      exit 1
    }
    ;;
  help)
    # Esc closes the overlay and stays in the view: the view's own Esc would go to the decks.
    gui "$work/help-closed.png" --view study --script "key:f1,key:escape" | tee "$work/gui2.txt"
    grep -q "view: study" "$work/gui2.txt" || {
      echo "Esc on the F1 overlay left the study view" >&2
      exit 1
    }
    gui "$work/help.png" --view study --script "key:f1" | tee "$work/gui.txt"
    grep -q "view: study" "$work/gui.txt"
    "$png_check" "$work/help.png" --size "$size" --differs-from "$work/help-closed.png" \
      --min-changed 0.2
    # Esc closes the overlay and stays in the view; a second Esc goes back to the decks.
    ;;
  look)
    gui "$work/stats-dark.png" --view stats --script "theme:dark,font:24" | tee "$work/gui.txt"
    "$png_check" "$work/stats-dark.png" --size "$size" --max-background-luma 0.3
    config=$work/config/citecard/app.ini
    cat "$config"
    grep -qx "theme=dark" "$config" && grep -qx "font_size=24" "$config" &&
      grep -qx "view=stats" "$config" && grep -qx "width=1280" "$config" || {
      echo "expected the dark theme, 24 px text and the Stats view to be remembered" >&2
      exit 1
    }
    # The next run opens where this one was left, as it was left; no --size: the remembered one.
    ASAN_OPTIONS=$gui_asan_options timeout 120 xvfb-run -a -s "-screen 0 ${size}x24" \
      "$gui" --db "$db" --screenshot "$work/again.png" --view last | tee "$work/gui2.txt"
    grep -q "(1280x800, view: stats)" "$work/gui2.txt"
    "$png_check" "$work/again.png" --size "$size" --max-background-luma 0.3
    ;;
  settingslook)
    config=$work/config/citecard/app.ini
    # L in Settings switches to dark; learning steps typed there are saved with Ctrl+S.
    gui "$work/settings-dark.png" --view settings --script "key:l"
    grep -qx "theme=dark" "$config"
    "$png_check" "$work/settings-dark.png" --size "$size" --max-background-luma 0.3
    gui "$work/settings-steps.png" --view settings --script "steps:2m;1h;1d,key:ctrl+s" |
      tee "$work/gui3.txt"
    steps=$("$review_log_dump" --settings "$db" | sed -n 's/^learning_steps: //p')
    [ "$steps" = "2m,1h,1d" ] || {
      echo "expected the learning steps 2m,1h,1d saved in the collection, got '$steps'" >&2
      exit 1
    }
    ;;
  export)
    gui "$work/stats.png" --view study --script "reveal,rate:3,stats,key:e" | tee "$work/gui.txt"
    for chart in answers-per-day due-forecast stability difficulty retrievability \
      retention-by-interval calendar; do
      test -f "$work/charts/$chart.png" || {
        echo "E did not save the $chart chart" >&2
        exit 1
      }
      "$png_check" "$work/charts/$chart.png" --size any --min-colours 20 --min-foreground 0.02
    done
    ;;
  *)
    echo "unknown case $case_name" >&2
    exit 2
    ;;
esac
