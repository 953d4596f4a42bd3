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
frequency (the measure is macro-F1), fitted to convergence by L-BFGS
(scipy). The exported weight of a feature is w / a. The penalty is chosen by
5-fold cross-validation on train (folds by sentence; vocabulary and
thresholds re-made on each fold's training part; macro-F1 on the held-out
part); dev is never read.

Features, each the sum of the engine's factors of its occurrences in scope:
- words: lowercased tokens of letters (with inner hyphens or apostrophes),
  not function words and not names: a word written with a capital more often
  than not when it does not start the sentence is left out (the people of
  NewsMTSC are no word knowledge);
- word pairs: two such tokens (function words allowed, names not) adjacent
  in the text and both in scope, with the factor of the second; written
  `first second`, read by the engine as the second word's pair with the word
  before it.
Either kind counts when it occurs in the scope of at least MIN_TARGETS
training targets.

Usage (from the repository root, after `cargo build --release`):

    ./target/release/stance eval targets \\
        --gold ../shared/data/newsmtsc/rw/train.jsonl \\
        --replace-lexicon sentiment_target=/dev/null --features /tmp/train_features.jsonl
    python3 lexicons/tools/learn_news_target.py /tmp/train_features.jsonl \\
        > lexicons/news_target.tsv

Needs numpy and scipy (tested with numpy 2.4.6, scipy 1.17.1; e.g.
`python3 -m venv /tmp/venv && /tmp/venv/bin/pip install numpy scipy`).
Deterministic (fixed seed for the folds).
"""

import argparse
import bisect
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict

import numpy as np
from scipy import sparse
from scipy.optimize import minimize

MIN_TARGETS = 5
LAMBDAS = [3.0, 5.0, 7.0, 10.0, 14.0, 20.0]
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


def lower(token):
    return token.lower().replace("\u2019", "'")


def not_names(rows):
    """The lowercased word tokens of rows that are not names: written with a
    capital at most half of the times they do not start the sentence."""
    seen = set()
    capital = Counter()
    inner = Counter()
    for r in rows:
        for token, _, k, _ in r["words"]:
            w = lower(token)
            if not WORD.match(w):
                continue
            seen.add(w)
            if k > 0:
                inner[w] += 1
                if token[:1].isupper():
                    capital[w] += 1
    return {w for w in seen if not (inner[w] and capital[w] * 2 > inner[w])}


def target_features(row, words):
    """The features of one target: {word or 'first second': summed factor}."""
    feats = defaultdict(float)
    previous = None
    for token, x, k, _ in row["words"]:
        w = lower(token)
        known = w in words
        if known and w not in FUNCTION_WORDS:
            feats[w] += x
        if known and previous is not None and previous[1] + 1 == k:
            feats[previous[0] + " " + w] += x
        previous = (w, k) if known else None
    return feats


def encode(rows, words, vocab=None, min_targets=MIN_TARGETS):
    """Sparse matrix of rows × features; the vocabulary, when not given, is
    the features of at least min_targets rows."""
    feats = [target_features(r, words) for r in rows]
    if vocab is None:
        counts = Counter()
        for f in feats:
            counts.update(f.keys())
        vocab = sorted(k for k, n in counts.items() if n >= min_targets)
    index = {k: j for j, k in enumerate(vocab)}
    ri, ci, vals = [], [], []
    for i, f in enumerate(feats):
        for k, v in f.items():
            j = index.get(k)
            if j is not None:
                ri.append(i)
                ci.append(j)
                vals.append(v)
    x = sparse.csr_matrix((vals, (ri, ci)), shape=(len(rows), len(vocab)))
    return x, vocab


def fit(raw, x, y, lam):
    """Ordinal logistic regression: (a, w, theta0, theta1)."""
    n = len(y)
    counts = np.bincount(y, minlength=3)
    cw = (n / (3.0 * np.maximum(counts, 1)))[y]

    def loss(p):
        a, th0, d, w = p[0], p[1], p[2], p[3:]
        th1 = th0 + np.exp(d)
        s = a * raw + x @ w
        p0 = 1 / (1 + np.exp(-(th0 - s)))
        p1 = 1 / (1 + np.exp(-(th1 - s)))
        pr = np.maximum(np.where(y == 0, p0, np.where(y == 2, 1 - p1, p1 - p0)), 1e-12)
        value = np.sum(cw * -np.log(pr)) / n + lam / (2 * n) * (w @ w)
        dp0, dp1 = p0 * (1 - p0), p1 * (1 - p1)
        gs = np.where(y == 0, 1 - p0, np.where(y == 2, -p1, (dp1 - dp0) / pr)) * cw / n
        g0 = np.where(y == 0, -(1 - p0), np.where(y == 2, 0.0, dp0 / pr)) * cw / n
        g1 = np.where(y == 0, 0.0, np.where(y == 2, p1, -dp1 / pr)) * cw / n
        grad = np.empty_like(p)
        grad[0] = gs @ raw
        grad[1] = g0.sum() + g1.sum()
        grad[2] = g1.sum() * np.exp(d)
        grad[3:] = x.T @ gs + lam / n * w
        return value, grad

    p = np.zeros(3 + x.shape[1])
    p[0], p[1] = 0.3, -1.0
    p = minimize(loss, p, jac=True, method="L-BFGS-B", options={"maxiter": 3000}).x
    return p[0], p[3:], p[1], p[1] + math.exp(p[2])


def score(model, raw, x):
    a, w, _, _ = model
    return a * raw + x @ w


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


def arrays(rows):
    return np.array([r["raw"] for r in rows]), np.array([r["gold"] + 1 for r in rows])


def cross_validate(rows, lam, min_targets):
    """Mean macro-F1 over FOLDS folds; the targets of a sentence stay in one fold."""
    order = sorted(set(r["line"] for r in rows))
    random.Random(13).shuffle(order)
    fold_of = {line: k % FOLDS for k, line in enumerate(order)}
    scores = []
    for fold in range(FOLDS):
        tr = [r for r in rows if fold_of[r["line"]] != fold]
        te = [r for r in rows if fold_of[r["line"]] == fold]
        words = not_names(tr)
        x_tr, vocab = encode(tr, words, min_targets=min_targets)
        x_te, _ = encode(te, words, vocab)
        (raw_tr, y_tr), (raw_te, y_te) = arrays(tr), arrays(te)
        model = fit(raw_tr, x_tr, y_tr, lam)
        _, lo, hi = best_thresholds(list(zip(score(model, raw_tr, x_tr).tolist(), y_tr.tolist())))
        s = score(model, raw_te, x_te)
        pred = np.where(s < lo, 0, np.where(s > hi, 2, 1))
        conf = [[0] * 3 for _ in range(3)]
        for g, q in zip(y_te.tolist(), pred.tolist()):
            conf[g][q] += 1
        scores.append(f1_from_confusion(conf))
    return sum(scores) / len(scores)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("features", help="stance eval targets --features output on NewsMTSC train")
    ap.add_argument("--lambda", dest="lam", type=float, help="skip cross-validation, use this penalty")
    ap.add_argument("--min-targets", type=int, default=MIN_TARGETS)
    args = ap.parse_args()
    rows = read(args.features)
    if args.lam is None:
        results = []
        for lam in LAMBDAS:
            f = cross_validate(rows, lam, args.min_targets)
            print(f"lambda {lam}: {FOLDS}-fold macro-F1 {f * 100:.2f}", file=sys.stderr)
            results.append((f, lam))
        lam = max(results)[1]
    else:
        lam = args.lam
    x, vocab = encode(rows, not_names(rows), min_targets=args.min_targets)
    raw, y = arrays(rows)
    a, w, _, _ = fit(raw, x, y, lam)
    pairs = sum(" " in k for k in vocab)
    print(f"lambda {lam}, a {a:.4f}, {len(vocab) - pairs} words, {pairs} pairs", file=sys.stderr)
    out = sys.stdout
    out.write(
        HEADER.format(
            lam=lam,
            words=len(vocab) - pairs,
            pairs=pairs,
            min_targets=args.min_targets,
            a=a,
        )
    )
    for word, weight in sorted(zip(vocab, w.tolist()), key=lambda p: (-abs(p[1]), p[0])):
        value = weight / a
        if abs(value) >= 0.05:
            out.write(f"{word}\t{value:.2f}\n")


HEADER = """\
# Target lexicon: words toward a target, learned from NewsMTSC train.
# Read by the scope rules of target sentiment (src/scoring/target_scope.rs):
# each word in a clause that names the target adds weight × its scope factor
# (where it stands from the target, whether the target speaks it: × 0.5,
# VADER's negation and booster factor) to the sum of VADER valences and
# stance cues.
#
# Format: word<TAB>weight, weight in VADER valence units; `word` is one word
# or a pair of adjacent words separated by one space (the weight of the
# second word when the first stands just before it, both in scope; a word
# counts its own entry and its pair's). Lines starting with '#' are
# comments. Extend with --lexicon sentiment_target=FILE, replace with
# --replace-lexicon sentiment_target=FILE.
#
# LEARNED, not hand-rated: written by lexicons/tools/learn_news_target.py
# (ordinal logistic regression, L2 penalty {lam} chosen by 5-fold
# cross-validation on train; {words} words and {pairs} word pairs that
# occur near >= {min_targets} training targets, names left out; engine-sum
# coefficient {a:.4f}; weights below 0.05 in size dropped). Reproduce with
# the commands in that script's docstring. The weights reflect how
# NewsMTSC's annotators read US political news of 2016-2020 toward persons,
# not general word meaning.
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
