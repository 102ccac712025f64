#!/usr/bin/env python3
"""Makes --no-overlay deck folders from a news corpus's articles, six to a deck, as a user who
brings their own articles would (`citecard new`), for judging candidate cards.

  make_decks.py CITECARD_BIN CORPUS_TEXT_DIR OUT_DIR --seed N --decks K [--per-deck 6]
               [--exclude LIST_FILE]

Articles are drawn at random (by the recorded seed) from CORPUS_TEXT_DIR, leaving out the file
names listed in LIST_FILE (one per line: articles already read). The decks are written outside the
repository: the corpus's texts carry no licence to redistribute. Prints the drawn file names.
"""
import argparse
import os
import random
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("citecard")
    ap.add_argument("text_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--decks", type=int, required=True)
    ap.add_argument("--per-deck", type=int, default=6)
    ap.add_argument("--exclude")
    args = ap.parse_args()
    excluded = set()
    if args.exclude:
        excluded = {line.strip() for line in open(args.exclude) if line.strip()}
    names = sorted(n for n in os.listdir(args.text_dir) if n.endswith(".txt") and n not in excluded)
    rng = random.Random(args.seed)
    drawn = rng.sample(names, args.decks * args.per_deck)
    os.makedirs(args.out_dir, exist_ok=True)
    for d in range(args.decks):
        files = drawn[d * args.per_deck:(d + 1) * args.per_deck]
        deck = os.path.join(args.out_dir, f"deck{d + 1:02d}")
        paths = [os.path.join(args.text_dir, f) for f in files]
        subprocess.run([args.citecard, "new", deck, *paths, "--title", f"Deck {d + 1}"],
                       check=True, stdout=subprocess.DEVNULL)
        for f in files:
            print(f"deck{d + 1:02d}\t{f}")


if __name__ == "__main__":
    sys.exit(main())
