#!/usr/bin/env python3
"""Draws the candidates a reader judges for fitting the keep model, from `citecard candidates
--json` output, and writes them as the reader sees cards (no scores, no features).

  sample_candidates.py CANDIDATES.jsonl OUT.jsonl --seed N [--per-article 25]

Per article: every candidate the deck holds, at most two held-back quotes (never offered
unasked, so little to learn from), then the rest of the budget, three in five from candidates no
rule finds fault with and the others at random, so the judged set spans the whole pool while
covering well the part a ranker has to order.
"""
import argparse
import collections
import json
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("candidates")
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--per-article", type=int, default=25)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    by_source = collections.defaultdict(list)
    for line in open(args.candidates, encoding="utf-8"):
        c = json.loads(line)
        by_source[c["source"]].append(c)
    picked = []
    for source, cands in by_source.items():
        chosen = [c for c in cands if c["chosen"]]
        held = [c for c in cands if c["held_back"] and not c["chosen"]]
        rest = [c for c in cands if not c["chosen"] and not c["held_back"]]
        take = chosen[:args.per_article]
        take += rng.sample(held, min(2, len(held)))
        budget = max(0, args.per_article - len(take))
        clean = [c for c in rest if not any(k.startswith("finding:") for k in c["features"])]
        first = rng.sample(clean, min(len(clean), budget * 3 // 5))
        others = [c for c in rest if c not in first]
        second = rng.sample(others, min(len(others), budget - len(first)))
        take += first + second
        picked += take
    rng.shuffle(picked)
    with open(args.out, "w", encoding="utf-8") as out:
        for n, c in enumerate(picked, 1):
            card = {"n": n, "id": c["id"], "type": c["type"], "prompt": c["prompt"],
                    "answer": c["answer"], "choices": c["choices"],
                    "citations": [{"source": x["source"], "text": x["text"]} for x in c["citations"]]}
            out.write(json.dumps(card, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
