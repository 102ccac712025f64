#!/usr/bin/env python3
"""Fits the speaker model (engine/extract/speaker_model.cpp) to a hand-annotated news corpus.

  train_speaker_model.py TRAIN.speaker.jsonl DEV.speaker.jsonl engine/extract/speaker_weights.inc

The dumps come from `extract_score --speaker-dump` on the converted PolNeAR train and dev splits
(tests/bench/extract/polnear.sh --refit makes both). Each line is one found quote whose annotated
speaker is known, with every candidate the model weighed (the rules' answer, the people and
organisations named around the quote, "nobody"): its cues, and whether it is the annotated speaker.

The model is a conditional logit (a softmax over each quote's candidates) with an L2 penalty,
fitted on train only by AdaGrad over shuffled quotes (seeded, so a refit gives the same weights);
quotes whose speaker is no candidate teach nothing and are skipped. The penalty is chosen by
top-candidate accuracy on dev, the only use of dev.
"""
import json
import math
import random
import sys

EPOCHS = 25
RATE = 0.2
PENALTIES = (0.0003, 0.001, 0.003, 0.01)
SEED = 20261207


def load(path):
    items = []
    for line in open(path, encoding="utf-8"):
        item = json.loads(line)
        item["rights"] = [c["right"] for c in item["candidates"]]
        item["cues"] = [c["features"] for c in item["candidates"]]
        items.append(item)
    return items


def scores(w, item):
    return [sum(w.get(f, 0.0) for f in cues) for cues in item["cues"]]


def fit(items, penalty):
    usable = [it for it in items if any(it["rights"])]
    w, g2 = {}, {}
    order = list(range(len(usable)))
    rng = random.Random(SEED)
    for _ in range(EPOCHS):
        rng.shuffle(order)
        for i in order:
            it = usable[i]
            s = scores(w, it)
            top = max(s)
            exps = [math.exp(v - top) for v in s]
            total = sum(exps)
            right = sum(e for e, r in zip(exps, it["rights"]) if r)
            grad = {}
            for e, r, cues in zip(exps, it["rights"], it["cues"]):
                # d(-log P(right))/d score_c = p_c - p_c|right
                d = e / total - (e / right if r else 0.0)
                for f in cues:
                    grad[f] = grad.get(f, 0.0) + d
            for f, d in grad.items():
                d += penalty * w.get(f, 0.0)
                g2[f] = g2.get(f, 0.0) + d * d
                w[f] = w.get(f, 0.0) - RATE * d / math.sqrt(g2[f] + 1e-8)
    return w


def accuracy(w, items):
    right = 0
    for it in items:
        s = scores(w, it)
        best = max(range(len(s)), key=lambda k: (s[k], -k))
        right += it["rights"][best]
    return right / max(1, len(items))


def reachable(items):
    return sum(any(it["rights"]) for it in items) / max(1, len(items))


def rules_accuracy(items):
    return sum(it["rights"][it["chosen"]] for it in items) / max(1, len(items))


def main():
    train, dev, out = load(sys.argv[1]), load(sys.argv[2]), sys.argv[3]
    print(f"quotes: train {len(train)}, dev {len(dev)}; the speaker is a candidate in "
          f"{reachable(train):.3f} / {reachable(dev):.3f}; the model in use chooses right "
          f"{rules_accuracy(train):.3f} / {rules_accuracy(dev):.3f}")
    best = None
    for penalty in PENALTIES:
        w = fit(train, penalty)
        a_train, a_dev = accuracy(w, train), accuracy(w, dev)
        print(f"penalty {penalty}: train {a_train:.3f}, dev {a_dev:.3f}")
        if best is None or a_dev > best[0]:
            best = (a_dev, penalty, w)
    a_dev, penalty, w = best
    print(f"chosen penalty {penalty} (dev {a_dev:.3f})")
    with open(out, "w", encoding="utf-8") as f:
        f.write("// Fitted by tests/extract/polnear/train_speaker_model.py on PolNeAR train "
                f"({len(train)} quotes, penalty {penalty} chosen on dev); do not edit by hand.\n")
        for name in sorted(w):
            if abs(w[name]) >= 1e-4:
                f.write(f'{{"{name}", {w[name]:.4f}}},\n')


if __name__ == "__main__":
    main()
