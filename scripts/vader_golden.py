#!/usr/bin/env python3
"""Writes tests/data/vader_golden.tsv.gz: sentences with the scores that the
reference implementation, vaderSentiment 3.3.2 from PyPI, gives them.

    python3 scripts/vader_golden.py     # with a Python >= 3.12, or pass
                                        # --python /path/to/python3.12
    # (installs vaderSentiment==3.3.2 into target/vader-venv, then writes the file)
    cargo test --release --test sentiment_golden

The test holds `Vader::polarity_scores` to these values (|diff| < 1e-4 on
compound, pos, neu and neg). The output is deterministic: rerunning the script
gives the same bytes (gzip without a timestamp).

Sentences, in this order (the first column names the source of each line):

  edge     hand-written cases for each of VADER's rules (tests/data/vader_expected.py's
           EDGE list and a grid built below: every booster, negator and special case
           around positive and negative words at 1, 2 and 3 words' distance, in
           lower case and ALL CAPS; "no", "least", "never so", "without doubt",
           "kind of", "but"; '!' and '?' counts; odd whitespace and casing)
  lexicon  every token of VADER's lexicon in a short sentence, plain and negated
  emoji    every key of VADER's emoji lexicon in a short sentence
  random   seeded random sentences over the rule words, lexicon words and
           punctuation (the combinations no one writes by hand)
  wn-...   Wikinews articles of ../shared/data/wikinews (CC BY 2.5, credit to the
           Wikinews contributors; the article id names each line): titles,
           sentences (split by a regular expression) and whole paragraphs
  newsmtsc NewsMTSC train sentences (MIT, Hamborg & Donnay, EACL 2021),
           ../shared/data/newsmtsc/rw/train.jsonl, line number given

PolNeAR has no data licence, so its sentences are never written into the repo:
`--polnear DIR` additionally writes them into a file outside it (default
target/vader_golden_polnear.tsv.gz), which the test also checks when
STANCE_VADER_GOLDEN_EXTRA names it.

Format: one sentence per line, TAB-separated:
    source  compound  pos  neu  neg  text
with backslash, TAB, CR and LF in the text written as \\\\, \\t, \\r, \\n.
"""

import argparse
import gzip
import importlib.util
import json
import os
import random
import re
import subprocess
import sys

VERSION = "3.3.2"
# vaderSentiment sums the word valences with the builtin sum(), which is
# compensated (Neumaier) from Python 3.12 on: 3.11 and older give a different
# compound on texts whose valences cancel to within a rounding error. The
# reference is today's Python: 3.12 or newer (3.12 and 3.13 agree on every line).
MIN_PYTHON = (3, 12)
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared", "data")


def ensure_vader(venv, base_python):
    """Re-runs this script inside a venv that has vaderSentiment==3.3.2, made
    with a Python >= 3.12 (see MIN_PYTHON)."""
    try:
        import vaderSentiment  # noqa: F401
        from importlib.metadata import version

        if version("vaderSentiment") == VERSION and sys.version_info >= MIN_PYTHON:
            return
    except ImportError:
        pass
    if os.environ.get("VADER_GOLDEN_IN_VENV"):
        sys.exit(
            "vader_golden: need vaderSentiment==%s on Python >= %d.%d in %s"
            % ((VERSION,) + MIN_PYTHON + (venv,))
        )
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([base_python, "-m", "venv", venv])
    subprocess.check_call(
        [python, "-m", "pip", "install", "-q", "vaderSentiment==%s" % VERSION]
    )
    env = dict(os.environ, VADER_GOLDEN_IN_VENV="1")
    os.execve(python, [python, os.path.abspath(__file__)] + sys.argv[1:], env)


def escape(text):
    return (
        text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
    )


SENTENCE_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")


def sentences(paragraph):
    """A plain regular-expression sentence splitter: good enough for test data."""
    out, start = [], 0
    for m in SENTENCE_END.finditer(paragraph):
        end = m.start() + len(m.group(0).rstrip())
        out.append(paragraph[start:end].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def edge_cases(vader_module):
    spec = importlib.util.spec_from_file_location(
        "vader_expected", os.path.join(ROOT, "tests", "data", "vader_expected.py")
    )
    expected = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(expected)
    cases = [("edge " + rule, text) for rule, text in expected.EDGE]

    pos_words = ["good", "progress", "agreement", "hopeful", "welcome"]
    neg_words = ["bad", "regrettable", "crisis", "disappointed", "terrible"]
    fillers = [[], ["the"], ["the", "new"]]
    boosters = sorted(vader_module.BOOSTER_DICT)
    negators = sorted(vader_module.NEGATE)
    specials = sorted(vader_module.SPECIAL_CASES)
    idioms = sorted(vader_module.SENTIMENT_LADEN_IDIOMS)

    def caps(words):
        return [w.upper() for w in words]

    for b in boosters:
        for word in pos_words[:2] + neg_words[:2]:
            for fill in fillers:
                phrase = b.split() + fill + [word]
                cases.append(("edge booster", "They said it was " + " ".join(phrase) + "."))
                cases.append(("edge booster caps", "They said it was " + " ".join(caps(b.split()) + fill + [word]) + "."))
            cases.append(("edge booster caps word", "It was " + b + " " + word.upper() + " news"))
    for n in negators:
        for word in pos_words[:2] + neg_words[:2]:
            for fill in fillers:
                cases.append(("edge negator", "Officials " + " ".join([n] + fill + [word]) + " for the talks."))
            cases.append(("edge negator caps", "Officials " + n.upper() + " " + word.upper() + " today"))
        cases.append(("edge negator + booster", "The deal was " + n + " very good for them."))
    for s in specials:
        words = s.split()
        cases.append(("edge special", "I think that " + s + " was it."))
        cases.append(("edge special", s))
        cases.append(("edge special short", "so " + s))
        cases.append(("edge special caps", "I think that " + s.upper() + " was it"))
        cases.append(("edge special after", "they say this is " + s + " again and again"))
        cases.append(("edge special split", "the " + words[0] + " and " + " ".join(words[1:]) + " today"))
    for s in idioms:
        cases.append(("edge idiom", "Everyone knows that " + s + " in this town."))
    for word in pos_words + neg_words:
        for template in [
            "no {w}",
            "There is no {w} here",
            "there is no real {w} here",
            "no joy or {w} here",
            "no hope nor {w} in sight",
            "it is the least {w} option",
            "at least {w}",
            "at the very least {w}",
            "least {w}",
            "never so {w}",
            "It was never this {w}",
            "never really so {w}",
            "they were so {w}",
            "we think this {w} result",
            "without doubt {w}",
            "without a doubt {w}",
            "without any doubt really {w}",
            "kind of {w}",
            "it was kind of {w}",
            "they are kind of a {w} team",
            "sort of a {w} outcome",
            "it is {w} but hard",
            "hard but {w}",
            "{w} but {w} but {w}",
            "{W}",
            "The talks were {W} but slow",
            "{w}!",
            "{w}!!",
            "{w}!!!!!",
            "{w}?",
            "{w}??",
            "{w}???",
            "{w}?????",
            "{w}?!?!",
            "'{w}'",
            "({w})",
            "{w}...",
            "...{w}",
        ]:
            cases.append(("edge rules", template.format(w=word, W=word.upper())))
    for text in [
        "\u00a0good\u3000news\u2028today",
        "good\u0085news",
        "Ä\u00dfBAD good",
        "\u01c5emal GOOD bad",
        "\u0130stanbul GREAT good",
        "\u03a3\u0391\u03a3 GOOD news",
        "ﬁne GOOD day",
        "GOOD ÉLAN bad",
        "\u2160 GOOD bad",
        "I \u2764 NY",
        "\u2639 sad",
        "a\u263a b",
        "\u263a",
        " \u263a",
        "x\u263a\u263a y",
        "\ufeffgood news",
        "good\u200bnews",
        "#winning :-) ;) :/ =D xD :D",
        "it's :-( and :'( today",
        "lol LOL Lol",
        "'good' \"bad\" (great) [terrible]",
        "!good! ?bad?",
        "ok!! no.",
        "no",
        "No",
        "NO",
        "no no",
        "no no no no",
        "not",
        "but",
        "but but",
        "good but",
        "but good",
        "kind of",
        "kind",
        "of kind of",
        "least",
        "at least",
        "very least",
    ]:
        cases.append(("edge unicode/short", text))
    return cases


def lexicon_cases(analyzer):
    cases = []
    for i, token in enumerate(analyzer.lexicon):
        cases.append(("lexicon", "The result was %s." % token))
        cases.append(("lexicon negated", "It was not %s" % token))
        if i % 7 == 0:
            cases.append(("lexicon caps", "The result was %s today" % token.upper()))
    return cases


def emoji_cases(analyzer):
    cases = []
    for i, emoji in enumerate(analyzer.emojis):
        cases.append(("emoji", "We %s this" % emoji))
        if i % 5 == 0:
            cases.append(("emoji adjacent", "great%s%s news" % (emoji, emoji)))
    return cases


def random_cases(vader_module, analyzer, count):
    rng = random.Random(20191122)
    lexicon_words = sorted(w for w in analyzer.lexicon if w.isalpha())
    rule_words = (
        sorted(vader_module.BOOSTER_DICT)
        + sorted(vader_module.NEGATE)
        + ["but", "no", "least", "at", "very", "kind", "of", "never", "so", "this",
           "without", "doubt", "or", "nor", "the", "a", "talks", "Seoul", "Tokyo"]
    )
    punct = [",", ".", "!", "?", "!!", "??", "???", "...", ":", ";"]
    cases = []
    for _ in range(count):
        words = []
        for _ in range(rng.randint(1, 18)):
            r = rng.random()
            if r < 0.35:
                w = rng.choice(lexicon_words)
            elif r < 0.85:
                w = rng.choice(rule_words)
            else:
                w = rng.choice(["the", "talks", "trade", "minister", "Seoul", "said"])
            c = rng.random()
            if c < 0.15:
                w = w.upper()
            elif c < 0.25:
                w = w.capitalize()
            if rng.random() < 0.12:
                w += rng.choice(punct)
            words.append(w)
        cases.append(("random", " ".join(words)))
    return cases


def wikinews_cases():
    cases = []
    path = os.path.join(SHARED, "wikinews", "wikinews_2019_2020.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            article = json.loads(line)
            aid = article["id"]
            if article.get("title"):
                cases.append((aid + " title", article["title"]))
            paragraphs = [p.strip() for p in article["text"].split("\n") if p.strip()]
            for p in paragraphs:
                split = sentences(p)
                for s in split:
                    cases.append((aid, s))
                if len(split) > 1:
                    cases.append((aid + " paragraph", p))
    return cases


def newsmtsc_cases():
    cases = []
    path = os.path.join(SHARED, "newsmtsc", "rw", "train.jsonl")
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            cases.append(("newsmtsc train:%d" % i, json.loads(line)["sentence_normalized"]))
    return cases


def polnear_cases(folder):
    cases = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        for p in (p.strip() for p in text.split("\n") if p.strip()):
            for s in sentences(p):
                cases.append(("polnear " + name[:-4], s))
    return cases


def write(path, cases, analyzer):
    seen = set()
    rows = []
    for source, text in cases:
        if text in seen:
            continue
        seen.add(text)
        s = analyzer.polarity_scores(text)
        rows.append(
            "%s\t%r\t%r\t%r\t%r\t%s\n"
            % (source, s["compound"], s["pos"], s["neu"], s["neg"], escape(text))
        )
    data = "".join(rows).encode("utf-8")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(data)
    print("vader_golden: %d sentences -> %s (%d bytes)" % (len(rows), path, os.path.getsize(path)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=os.path.join(ROOT, "tests", "data", "vader_golden.tsv.gz"))
    parser.add_argument("--venv", default=os.path.join(ROOT, "target", "vader-venv"))
    parser.add_argument("--polnear", metavar="DIR", help="PolNeAR text folder (never written into the repo)")
    parser.add_argument("--polnear-out", default=os.path.join(ROOT, "target", "vader_golden_polnear.tsv.gz"))
    parser.add_argument(
        "--python",
        default=sys.executable,
        help="Python >= 3.12 to make the venv with (e.g. $(pyenv prefix 3.13.0)/bin/python)",
    )
    parser.add_argument("--random", type=int, default=4000, help="number of random sentences")
    args = parser.parse_args()
    ensure_vader(args.venv, args.python)

    from vaderSentiment import vaderSentiment as vader_module

    analyzer = vader_module.SentimentIntensityAnalyzer()
    cases = (
        edge_cases(vader_module)
        + lexicon_cases(analyzer)
        + emoji_cases(analyzer)
        + random_cases(vader_module, analyzer, args.random)
        + wikinews_cases()
        + newsmtsc_cases()
    )
    write(args.out, cases, analyzer)
    if args.polnear:
        write(args.polnear_out, polnear_cases(args.polnear), analyzer)


if __name__ == "__main__":
    main()
