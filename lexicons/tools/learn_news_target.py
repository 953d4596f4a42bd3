#!/usr/bin/env python3
"""Learns lexicons/news_target.tsv, the target lexicon, from NewsMTSC train.

NewsMTSC (Hamborg & Donnay, EACL 2021; MIT licence, see the file's header)
labels the sentiment of news sentences toward a person: negative, neutral or
positive. The engine already scores a target by summing the VADER valences
and stance cues of the words around it, each weighed by where it stands
(src/scoring/target_scope.rs). This script learns one more weight per word,
in the units of a VADER valence, so that

    sum = engine's sum + SUM over words in scope of (word's factor × weight)

orders the targets of NewsMTSC train as their labels do. The factors are the
engine's own (scope weight × speaker factor × negation/booster factor), which
`stance eval targets --features` writes; so the engine reads the learned file
as a lexicon, by the same rule.

Model: ordinal (cumulative-link) logistic regression, P(label <= k) =
sigmoid(theta_k - (a × engine sum + features · w)), with an L2 penalty on w
(not on a or the thresholds), classes weighted by the inverse of their
frequency (the measure is macro-F1), fitted by full-batch Adam. The exported
weight of a word is w / a. The penalty is chosen by 5-fold cross-validation
on train (macro-F1 with the thresholds re-fitted on each fold's training
part); dev is never read.

Words: lowercased tokens of letters (with inner hyphens or apostrophes) that
occur in the scope of at least MIN_TARGETS training targets, and are not
names: a word written with a capital more often than not when it does not
start the sentence is left out (the people of NewsMTSC are no word knowledge).

Usage (from the repository root, after `cargo build --release`):

    ./target/release/stance eval targets \\
        --gold ../shared/data/newsmtsc/rw/train.jsonl \\
        --replace-lexicon sentiment_target=/dev/null --features /tmp/train_features.jsonl
    python3 lexicons/tools/learn_news_target.py /tmp/train_features.jsonl \\
        > lexicons/news_target.tsv

Standard library only; deterministic (fixed seed for the folds).
"""

import argparse
import bisect
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict

MIN_TARGETS = 5
LAMBDAS = [3.0, 10.0, 30.0]
EPOCHS = 300
LEARNING_RATE = 0.05
FOLDS = 5
# Function words (articles, pronouns, prepositions, conjunctions, auxiliaries,
# negators and other closed-class words): they carry no sentiment of their
# own, and what they learn on NewsMTSC is its topics and sentence shapes.
# Negators and boosters already act through the factor.
FUNCTION_WORDS = set("""
a an the this that these those some any each every all both either neither
no nor not never none nothing n't own other another such same so than too very
i me my mine myself we us our ours ourselves you your yours yourself yourselves
he him his himself she her hers herself it its itself they them their theirs
themselves one ones who whom whose which what whatever whoever where when why how
there here then now also just only even still yet already again ever
and or but if because as while although though whether since unless until
of in on at by for with about against between into through during before after
above below to from up down out off over under around among across along upon
within without toward towards behind beyond near via per onto
be am is are was were been being have has had having do does did doing done
will would shall should can could may might must
don't doesn't didn't won't wouldn't can't couldn't isn't aren't wasn't weren't
hasn't haven't hadn't shouldn't mustn't
i'm i've i'd i'll we're we've we'd we'll you're you've he's she's it's
they're they've they'd they'll that's there's what's who's let's
mr mrs ms dr
""".split())
WORD = re.compile(r"^[a-z]+(?:[-'][a-z]+)*$")


def read(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def key(token, before, sides, function_words=True):
    w = token.lower().replace("\u2019", "'")
    if not WORD.match(w) or (function_words and w in FUNCTION_WORDS):
        return None
    return (w, before) if sides else w


def vocabulary(rows, min_targets, sides=False, function_words=True):
    targets = Counter()
    capital = Counter()
    inner = Counter()
    for r in rows:
        seen = set()
        for token, _, k, before in r["words"]:
            w = key(token, before, sides, function_words)
            if w is None:
                continue
            seen.add(w)
            if k > 0:
                inner[w] += 1
                if token[:1].isupper():
                    capital[w] += 1
        targets.update(seen)
    vocab = sorted(
        w
        for w, n in targets.items()
        if n >= min_targets and not (inner[w] and capital[w] * 2 > inner[w])
    )
    return vocab


def encode(rows, index, sides=False, function_words=True):
    data = []
    for r in rows:
        feats = defaultdict(float)
        for token, x, _, before in r["words"]:
            j = index.get(key(token, before, sides, function_words))
            if j is not None:
                feats[j] += x
        data.append((r["raw"], sorted(feats.items()), r["gold"] + 1))
    return data


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def fit(data, n_features, lam, epochs=EPOCHS):
    """Ordinal logistic regression: returns (a, w, theta0, theta1)."""
    counts = Counter(y for _, _, y in data)
    cw = {c: len(data) / (3.0 * counts[c]) for c in counts}
    params = [0.3, -1.0, 1.0] + [0.0] * n_features  # a, theta0, log(theta1-theta0)...
    # parametrise theta1 = theta0 + exp(d) to keep order
    params[2] = 0.0
    m = [0.0] * len(params)
    v = [0.0] * len(params)
    b1, b2, eps = 0.9, 0.999, 1e-8
    n = len(data)
    for t in range(1, epochs + 1):
        a, th0, d = params[0], params[1], params[2]
        th1 = th0 + math.exp(d)
        grad = [0.0] * len(params)
        for raw, feats, y in data:
            s = a * raw
            for j, x in feats:
                s += params[3 + j] * x
            # P(y<=0)=sig(th0-s), P(y<=1)=sig(th1-s)
            p0 = sigmoid(th0 - s)
            p1 = sigmoid(th1 - s)
            # d(-log P(y))/d s, d/d th0, d/d th1
            if y == 0:
                # P = p0
                gs = (1 - p0)  # d(-log p0)/ds = (1-p0)
                g0 = -(1 - p0)
                g1 = 0.0
            elif y == 2:
                # P = 1 - p1
                gs = -p1
                g0 = 0.0
                g1 = p1
            else:
                # P = p1 - p0
                pm = max(p1 - p0, 1e-12)
                dp1 = p1 * (1 - p1)
                dp0 = p0 * (1 - p0)
                gs = (dp1 - dp0) / pm
                g0 = dp0 / pm
                g1 = -dp1 / pm
            wgt = cw[y] / n
            gs *= wgt
            grad[0] += gs * raw
            grad[1] += (g0 + g1) * wgt
            grad[2] += g1 * wgt * math.exp(d)
            for j, x in feats:
                grad[3 + j] += gs * x
        for j in range(n_features):
            grad[3 + j] += lam * params[3 + j] / n
        lr = LEARNING_RATE
        for i, g in enumerate(grad):
            m[i] = b1 * m[i] + (1 - b1) * g
            v[i] = b2 * v[i] + (1 - b2) * g * g
            mh = m[i] / (1 - b1**t)
            vh = v[i] / (1 - b2**t)
            params[i] -= lr * mh / (math.sqrt(vh) + eps)
    a, th0, d = params[0], params[1], params[2]
    return a, params[3:], th0, th0 + math.exp(d)


def score(model, raw, feats):
    a, w, _, _ = model
    s = a * raw
    for j, x in feats:
        s += w[j] * x
    return s


def f1_macro(pairs):
    conf = [[0] * 3 for _ in range(3)]
    for g, p in pairs:
        conf[g][p] += 1
    return f1_from_confusion(conf)


def f1_from_confusion(conf):
    """Mean F1 of the three classes of conf[gold][predicted]."""
    f = []
    for c in range(3):
        tp = conf[c][c]
        gold = sum(conf[c])
        pred = sum(conf[r][c] for r in range(3))
        p = tp / pred if pred else 0.0
        r = tp / gold if gold else 0.0
        f.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(f) / 3


def best_thresholds(scored):
    """Thresholds on the score for the highest macro-F1, on a grid of the
    percentiles of the scores: (F1m, negative below, positive above)."""
    values = sorted(s for s, _ in scored)
    qs = sorted(set(values[int(len(values) * q / 100)] for q in range(1, 100)))
    by_class = [sorted(s for s, g in scored if g == c) for c in range(3)]
    best = (-1.0, 0.0, 0.0)
    for i, lo in enumerate(qs):
        below = [bisect.bisect_left(v, lo) for v in by_class]
        for hi in qs[i:]:
            above = [len(v) - bisect.bisect_right(v, hi) for v in by_class]
            conf = [[below[c], len(by_class[c]) - below[c] - above[c], above[c]] for c in range(3)]
            f = f1_from_confusion(conf)
            if f > best[0]:
                best = (f, lo, hi)
    return best


def cross_validate(data, lines, n_features, lam):
    """Mean macro-F1 over FOLDS folds; the targets of a sentence stay in one fold."""
    order = sorted(set(lines))
    random.Random(13).shuffle(order)
    fold_of = {line: k % FOLDS for k, line in enumerate(order)}
    scores = []
    for fold in range(FOLDS):
        tr = [d for d, line in zip(data, lines) if fold_of[line] != fold]
        te = [d for d, line in zip(data, lines) if fold_of[line] == fold]
        model = fit(tr, n_features, lam)
        _, lo, hi = best_thresholds([(score(model, r, f), y) for r, f, y in tr])
        pred = [(y, 0 if score(model, r, f) < lo else 2 if score(model, r, f) > hi else 1) for r, f, y in te]
        scores.append(f1_macro(pred))
    return sum(scores) / len(scores)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("features", help="stance eval targets --features output on NewsMTSC train")
    ap.add_argument("--lambda", dest="lam", type=float, help="skip cross-validation, use this penalty")
    ap.add_argument("--min-targets", type=int, default=MIN_TARGETS)
    args = ap.parse_args()
    rows = read(args.features)
    vocab = vocabulary(rows, args.min_targets)
    index = {w: j for j, w in enumerate(vocab)}
    data = encode(rows, index)
    if args.lam is None:
        results = []
        for lam in LAMBDAS:
            f = cross_validate(data, [r["line"] for r in rows], len(vocab), lam)
            print(f"lambda {lam}: {FOLDS}-fold macro-F1 {f * 100:.2f}", file=sys.stderr)
            results.append((f, lam))
        lam = max(results)[1]
    else:
        lam = args.lam
    a, w, _, _ = fit(data, len(vocab), lam)
    print(f"lambda {lam}, a {a:.4f}, {len(vocab)} words", file=sys.stderr)
    out = sys.stdout
    out.write(HEADER.format(lam=lam, words=len(vocab), min_targets=args.min_targets, a=a))
    for word, weight in sorted(zip(vocab, w), key=lambda p: (-abs(p[1]), p[0])):
        value = weight / a
        if abs(value) >= 0.05:
            out.write(f"{word}\t{value:.2f}\n")


HEADER = """\
# Target lexicon: words toward a target, learned from NewsMTSC train.
# Read by the scope rules of target sentiment (src/scoring/target_scope.rs):
# each word in a clause that names the target adds weight × its scope factor
# (where it stands from the target, whether the target speaks it, VADER's
# negation and booster factor) to the sum of VADER valences and stance cues.
#
# Format: word<TAB>weight, weight in VADER valence units. Lines starting with
# '#' are comments. Extend with --lexicon sentiment_target=FILE, replace with
# --replace-lexicon sentiment_target=FILE.
#
# LEARNED, not hand-rated: written by lexicons/tools/learn_news_target.py
# (ordinal logistic regression, L2 penalty {lam} chosen by 5-fold
# cross-validation on train; {words} words that occur near >= {min_targets}
# training targets, names left out; engine-sum coefficient {a:.4f}; weights
# below 0.05 in size dropped). Reproduce with the commands in that script's
# docstring. The weights reflect how NewsMTSC's annotators read US political
# news of 2016-2020 toward persons, not general word meaning.
#
# Source data: NewsMTSC (Felix Hamborg and Karsten Donnay, "NewsMTSC: A
# Dataset for (Multi-)Target-dependent Sentiment Classification in Political
# News Articles", EACL 2021), train split. MIT licence:
#   Copyright 2020 Felix Hamborg
#   Permission is hereby granted, free of charge, to any person obtaining a
#   copy of this software and associated documentation files (the
#   "Software"), to deal in the Software without restriction, including
#   without limitation the rights to use, copy, modify, merge, publish,
#   distribute, sublicense, and/or sell copies of the Software, and to permit
#   persons to whom the Software is furnished to do so, subject to the
#   following conditions: The above copyright notice and this permission
#   notice shall be included in all copies or substantial portions of the
#   Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND.
#   (Full text: lexicons/LICENSE-newsmtsc.txt.)
"""

if __name__ == "__main__":
    main()
