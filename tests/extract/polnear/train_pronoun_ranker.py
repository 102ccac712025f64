#!/usr/bin/env python3
"""Fits the pronoun ranker (engine/extract/pronoun_ranker.cpp) to a hand-annotated news corpus.

  train_pronoun_ranker.py TRAIN.pron.jsonl DEV.pron.jsonl engine/extract/pronoun_weights.inc

The dumps come from `extract_score --pronoun-dump` on the converted PolNeAR train and dev splits
(tests/bench/extract/polnear.sh --refit makes both). Each line is one quote attributed through
"he" or "she" whose annotated speaker is known, with every candidate the ranker weighed: its cues
and whether it is the annotated speaker. The model is a conditional logit (a softmax over each
quote's candidates) with an L2 penalty, fitted by gradient descent on train only; quotes whose
speaker is not among the candidates teach nothing and are skipped. Dev is only reported.
"""
import json
import math
import sys

L2 = 0.5
STEPS = 1500
RATE = 0.3


def load(path):
    return [json.loads(line) for line in open(path, encoding="utf-8")]


def scores(weights, item):
    return [sum(weights.get(f, 0.0) for f in c["features"]) for c in item["candidates"]]


def fit(items):
    usable = [it for it in items if any(c["right"] for c in it["candidates"])]
    features = sorted({f for it in usable for c in it["candidates"] for f in c["features"]})
    w = {f: 0.0 for f in features}
    for step in range(STEPS):
        grad = {f: 0.0 for f in features}
        loss = 0.0
        for it in usable:
            s = scores(w, it)
            top = max(s)
            exps = [math.exp(v - top) for v in s]
            total = sum(exps)
            right = sum(e for e, c in zip(exps, it["candidates"]) if c["right"])
            loss -= math.log(right / total)
            for e, c in zip(exps, it["candidates"]):
                # d(-log P(right))/d score_c = p_c - p_c|right
                g = e / total - (e / right if c["right"] else 0.0)
                for f in c["features"]:
                    grad[f] += g
        n = len(usable)
        for f in features:
            w[f] -= RATE * (grad[f] / n + L2 * w[f] / n)
        if step % 500 == 0:
            print(f"step {step}: loss {loss / n:.4f}", file=sys.stderr)
    return w


def accuracy(weights, items):
    right = 0
    for it in items:
        s = scores(weights, it)
        best = max(range(len(s)), key=lambda k: (s[k], -k))
        right += it["candidates"][best]["right"]
    reachable = sum(any(c["right"] for c in it["candidates"]) for it in items)
    return right, reachable, len(items)


def main():
    train, dev, out = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
    w = fit(train)
    for name, items in (("train", train), ("dev", dev)):
        right, reachable, n = accuracy(w, items)
        print(f"{name}: top candidate right {right}/{n} ({right / n:.3f}); "
              f"the speaker is a candidate in {reachable}")
    with open(out, "w", encoding="utf-8") as f:
        f.write("// Fitted by tests/extract/polnear/train_pronoun_ranker.py on PolNeAR train "
                f"({len(train)} pronoun attributions); do not edit by hand.\n")
        for name in sorted(w):
            if abs(w[name]) >= 1e-4:
                f.write(f'{{"{name}", {w[name]:.4f}}},\n')


if __name__ == "__main__":
    main()
