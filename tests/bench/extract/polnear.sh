#!/usr/bin/env bash
# Attribution on a real annotated news corpus: PolNeAR's train and dev splits, converted to
# citecard's quote gold, scored for quotes, speakers and who-said cards; optionally refits the
# confidence model. The corpus is not in the repository (its texts carry no licence): bring a copy
# with `git clone https://github.com/networkdynamics/PolNeAR` (or any snapshot) and pass its folder.
# The test split is never read.
#
#   tests/bench/extract/polnear.sh BUILD_DIR POLNEAR_DIR [--refit]
set -euo pipefail
build=${1:?usage: polnear.sh BUILD_DIR POLNEAR_DIR [--refit]}
corpus=${2:?usage: polnear.sh BUILD_DIR POLNEAR_DIR [--refit]}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
threshold=$(grep -v '^//' "$root/engine/extract/attribution_threshold.inc" | tr -d ' \n')
review=$(grep -v '^//' "$root/engine/extract/attribution_review_threshold.inc" | tr -d ' \n')
for split in train dev; do
  python3 "$root/tests/extract/polnear/polnear_to_gold.py" "$corpus" "$split" "$work/$split" >/dev/null
  "$build/tests/extract/extract_score" --gold "$work/$split" --articles "$work/$split" \
    --dump "$work/$split.jsonl" --pronoun-dump "$work/$split.pron.jsonl" \
    --speaker-dump "$work/$split.speaker.jsonl" \
    --card-threshold "$threshold" >"$work/$split.txt" || true
  "$build/tests/extract/extract_score" --gold "$work/$split" --articles "$work/$split" \
    --card-threshold "$review" >"$work/$split.review.txt" || true
done
if [[ "${3:-}" == "--refit" ]]; then
  # The pronoun ranker and the speaker model first: the confidence model's features include their
  # shares. Rebuild and run --refit again to refit the confidence model on their new output.
  python3 "$root/tests/extract/polnear/train_pronoun_ranker.py" "$work/train.pron.jsonl" \
    "$work/dev.pron.jsonl" "$root/engine/extract/pronoun_weights.inc"
  python3 "$root/tests/extract/polnear/train_speaker_model.py" "$work/train.speaker.jsonl" \
    "$work/dev.speaker.jsonl" "$root/engine/extract/speaker_weights.inc"
  python3 "$root/tests/extract/polnear/train_confidence.py" "$work/train.jsonl" "$work/dev.jsonl" \
    "$root/engine/extract/attribution_weights.inc"
  echo "Refitted: rebuild, then run this again for the figures under the new model."
  exit 0
fi
cards_of() {  # file: "N cards, right R, cover C"
  local c
  c=$(grep '^who-said cards' "$1")
  echo "$(sed -E 's/.*: ([0-9]+) cards.*/\1/' <<<"$c") cards, right speaker $(sed -E \
    's/.*right speaker ([0-9.]+).*/\1/' <<<"$c"), cover $(sed -E 's/.*cover ([0-9.]+) of.*/\1/' <<<"$c")"
}
row() {  # split, target text
  local s=$1 q f1 spk
  q=$(grep '^quotes:' "$work/$s.txt")
  f1=$(sed -E 's/.*F1 ([0-9.]+).*/\1/' <<<"$q")
  spk=$(sed -E 's/.*speaker accuracy ([0-9.]+).*/\1/' <<<"$q")
  echo "| attribution, PolNeAR $s (development) | quote F1 $f1, speaker $spk | who-said cards at confidence ≥ $threshold: $(cards_of "$work/$s.txt"); at the review level ≥ $review: $(cards_of "$work/$s.review.txt") (cover: of gold quotes with a named speaker) | — | $2 |"
}
row train "(the models are fitted here)"
row dev "F1 ≥ 0.95, speaker ≥ 0.85 (goal 0.92); cards ≥ 0.98 right covering ≥ 0.50; review ≥ 0.90 right covering ≥ 0.75"
