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
for split in train dev; do
  python3 "$root/tests/extract/polnear/polnear_to_gold.py" "$corpus" "$split" "$work/$split" >/dev/null
  "$build/tests/extract/extract_score" --gold "$work/$split" --articles "$work/$split" \
    --dump "$work/$split.jsonl" --pronoun-dump "$work/$split.pron.jsonl" \
    --card-threshold "$threshold" >"$work/$split.txt" || true
done
if [[ "${3:-}" == "--refit" ]]; then
  # The pronoun ranker first: the confidence model's features include its share. Rebuild and run
  # --refit again to refit the confidence model on the new ranker's output.
  python3 "$root/tests/extract/polnear/train_pronoun_ranker.py" "$work/train.pron.jsonl" \
    "$work/dev.pron.jsonl" "$root/engine/extract/pronoun_weights.inc"
  python3 "$root/tests/extract/polnear/train_confidence.py" "$work/train.jsonl" "$work/dev.jsonl" \
    "$root/engine/extract/attribution_weights.inc"
  echo "Refitted: rebuild, then run this again for the figures under the new model."
  exit 0
fi
row() {  # split, target text
  local s=$1 q c
  q=$(grep '^quotes:' "$work/$s.txt")
  c=$(grep '^who-said cards' "$work/$s.txt")
  local f1 spk cards right cover
  f1=$(sed -E 's/.*F1 ([0-9.]+).*/\1/' <<<"$q")
  spk=$(sed -E 's/.*speaker accuracy ([0-9.]+).*/\1/' <<<"$q")
  cards=$(sed -E 's/.*: ([0-9]+) cards.*/\1/' <<<"$c")
  right=$(sed -E 's/.*right speaker ([0-9.]+).*/\1/' <<<"$c")
  cover=$(sed -E 's/.*cover ([0-9.]+) of.*/\1/' <<<"$c")
  echo "| attribution, PolNeAR $s (development) | quote F1 $f1, speaker $spk | who-said cards at confidence ≥ $threshold: $cards, right speaker $right, cover $cover of gold quotes with a named speaker | — | $2 |"
}
row train "(the model is fitted here)"
row dev "F1 ≥ 0.95, speaker ≥ 0.92; cards ≥ 0.98 right, ≥ 0.85 covered"
