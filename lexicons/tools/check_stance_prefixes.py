#!/usr/bin/env python3
"""Check lexicons/stance.tsv: format, duplicates, and what each prefix pattern matches.

Usage (from the project root):

    python3 lexicons/tools/check_stance_prefixes.py [--lexicon lexicons/stance.tsv]
        [--corpus FILE ...] [--only WORD*] [--max N]

It (1) checks every data line the way the Rust loader reads it: three tab-separated
fields, a weight in -10..+10, a pattern of 1-6 words that starts and ends with a
word (`..` only between words), lowercase, no duplicate pattern; and (2) runs every
`word*` prefix over the vocabulary of the corpus files and prints, per prefix, the
words it matches with their counts, most frequent first, so that overmatches
(`ban*` -> bank, band) show up. Exit code 1 on a format error.

Corpus files: JSON Lines with a `text` (or `sentence_normalized`) field, or plain
text. Default: ../shared/data/wikinews/wikinews_2019_2020.jsonl (the team's
shared data beside the project). Words are cut as src/text/token.rs cuts them:
letters and digits with inner hyphens, apostrophes and periods joined, lowercase,
curly apostrophes made straight, the possessive 's split off.
"""

import argparse
import collections
import json
import re
import sys
from pathlib import Path

DEFAULT_CORPUS = "../shared/data/wikinews/wikinews_2019_2020.jsonl"
WORD_RE = re.compile(r"[^\W_]+(?:[-'.][^\W_]+)*")
PATTERN_WORD_RE = re.compile(r"^[a-z0-9][a-z0-9'.-]*\*?$")


def read_lexicon(path):
    """Returns (entries, errors); an entry is (line, pattern, weight, source)."""
    entries, errors = [], []
    for n, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.rstrip("\r")
        if not line.strip() or line.strip().startswith("#"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        if len(fields) != 3:
            errors.append(f"{path}:{n}: expected 3 tab-separated fields, got {len(fields)}")
            continue
        pattern, weight, source = fields
        try:
            w = float(weight)
        except ValueError:
            errors.append(f"{path}:{n}: weight is not a number: {weight!r}")
            continue
        if not -10.0 <= w <= 10.0:
            errors.append(f"{path}:{n}: weight {w} outside -10..+10")
        if not source:
            errors.append(f"{path}:{n}: empty source")
        parts = pattern.split(" ")
        words = [p for p in parts if p != ".."]
        if "" in parts:
            errors.append(f"{path}:{n}: words must be separated by single spaces")
        if parts[0] == ".." or parts[-1] == "..":
            errors.append(f"{path}:{n}: pattern must start and end with a word")
        if any(a == ".." and b == ".." for a, b in zip(parts, parts[1:])):
            errors.append(f"{path}:{n}: two `..` in a row")
        if not 1 <= len(words) <= 6:
            errors.append(f"{path}:{n}: {len(words)} words (1..6 allowed)")
        for word in words:
            if not PATTERN_WORD_RE.match(word):
                errors.append(f"{path}:{n}: bad word {word!r} (lowercase, `*` only at the end)")
        entries.append((n, pattern, w, source))
    seen = {}
    for n, pattern, _, _ in entries:
        if pattern in seen:
            errors.append(f"{path}:{n}: duplicate pattern {pattern!r} (first on line {seen[pattern]})")
        else:
            seen[pattern] = n
    return entries, errors


def texts(path):
    """Yields the texts of a corpus file."""
    with open(path, encoding="utf-8") as f:
        if path.endswith(".jsonl"):
            for line in f:
                if line.strip():
                    obj = json.loads(line)
                    yield obj.get("text") or obj.get("sentence_normalized") or ""
        else:
            yield f.read()


def vocabulary(paths):
    counts = collections.Counter()
    for path in paths:
        for text in texts(path):
            text = text.replace("\u2019", "'").lower()
            for word in WORD_RE.findall(text):
                if word.endswith("'s") and len(word) > 2:
                    word = word[:-2]
                counts[word] += 1
    return counts


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--lexicon", default="lexicons/stance.tsv")
    ap.add_argument("--corpus", nargs="*", default=[DEFAULT_CORPUS])
    ap.add_argument("--only", help="print only this prefix word (e.g. 'ban*')")
    ap.add_argument("--max", type=int, default=25, help="words shown per prefix")
    args = ap.parse_args()

    entries, errors = read_lexicon(args.lexicon)
    for e in errors:
        print("ERROR", e)
    print(f"{len(entries)} entries, weights {min(e[2] for e in entries):+.1f} .. "
          f"{max(e[2] for e in entries):+.1f}")

    vocab = vocabulary(args.corpus)
    print(f"vocabulary: {len(vocab)} words from {', '.join(args.corpus)}")
    prefixes = collections.defaultdict(list)
    for n, pattern, _, _ in entries:
        for word in pattern.split(" "):
            if word.endswith("*"):
                prefixes[word].append(n)
    for word in sorted(prefixes):
        if args.only and word != args.only:
            continue
        stem = word[:-1]
        hits = sorted(((c, w) for w, c in vocab.items() if w.startswith(stem)), reverse=True)
        shown = ", ".join(f"{w} {c}" for c, w in hits[: args.max])
        more = f" ... +{len(hits) - args.max}" if len(hits) > args.max else ""
        print(f"{word:<16} lines {','.join(map(str, prefixes[word][:4]))}: "
              f"{shown or '(no word in corpus)'}{more}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
