#!/usr/bin/env python3
"""Times vaderSentiment 3.3.2 (Python) and `stance sentiment` on the same
sentences, checks that they agree, and writes the figures into BENCHMARKS.md.

    python3 benches/sentiment_compare.py            # all of it, about two minutes
    python3 benches/sentiment_compare.py --no-criterion --no-write

The sentences are the Wikinews sentences of tests/data/vader_golden.tsv.gz
(CC BY 2.5, Wikinews contributors), repeated --repeat times, one JSON line each.
Each engine runs on one core:

  python   SentimentIntensityAnalyzer().polarity_scores over the texts, in
           process (the loop only: no file reading or writing)
  stance   `stance sentiment FILE --by article -j 1 --out FILE`, end to end:
           process start, JSON Lines parsing, scoring, CSV writing; vader mode
           and news mode
  criterion `cargo bench --bench sentiment`: the scorer alone, per sentence

vaderSentiment is installed from PyPI into target/vader-venv if it is not
importable (see scripts/vader_golden.py for the Python version to use).
"""

import argparse
import csv
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GOLDEN = os.path.join(ROOT, "tests", "data", "vader_golden.tsv.gz")
BEGIN = "<!-- sentiment:begin -->"
END = "<!-- sentiment:end -->"


def ensure_vader(venv):
    try:
        import vaderSentiment  # noqa: F401

        return
    except ImportError:
        pass
    if os.environ.get("SENTIMENT_COMPARE_IN_VENV"):
        sys.exit("sentiment_compare: vaderSentiment is not importable in " + venv)
    python = os.path.join(venv, "bin", "python")
    if not os.path.exists(python):
        subprocess.check_call([sys.executable, "-m", "venv", venv])
    subprocess.check_call([python, "-m", "pip", "install", "-q", "vaderSentiment==3.3.2"])
    env = dict(os.environ, SENTIMENT_COMPARE_IN_VENV="1")
    os.execve(python, [python, os.path.abspath(__file__)] + sys.argv[1:], env)


def unescape(field):
    out, chars = [], iter(field)
    for c in chars:
        if c != "\\":
            out.append(c)
            continue
        n = next(chars, "\\")
        out.append({"t": "\t", "n": "\n", "r": "\r"}.get(n, n))
    return "".join(out)


def sentences():
    with gzip.open(GOLDEN, "rt", encoding="utf-8") as f:
        for line in f:
            fields = line.rstrip("\n").split("\t", 5)
            if len(fields) == 6 and fields[0].startswith("wn-") and " " not in fields[0]:
                yield unescape(fields[5])


def time_python(texts):
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    started = time.perf_counter()
    scores = [analyzer.polarity_scores(t)["compound"] for t in texts]
    return time.perf_counter() - started, scores


def time_stance(binary, corpus, mode, out):
    started = time.perf_counter()
    subprocess.check_call(
        [binary, "sentiment", corpus, "--sentiment", mode, "--by", "article",
         "-j", "1", "--out", out, "--force"]
    )
    seconds = time.perf_counter() - started
    with open(out, newline="", encoding="utf-8") as f:
        scores = [float(row["sentiment"]) for row in csv.DictReader(f)]
    return seconds, scores


def criterion():
    run = subprocess.run(
        ["cargo", "bench", "--bench", "sentiment", "--", "--noplot"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    figures = {}
    name = None
    for line in run.stdout.splitlines():
        m = re.match(r"^(sentiment/\S+)", line)
        if m:
            name = m.group(1)
        m = re.search(r"thrpt:\s+\[\S+ \S+ (\S+) (\S+)", line)
        if m and name:
            value, unit = float(m.group(1)), m.group(2)
            mb = value * (1.048576 if unit == "MiB/s" else 1.048576e-3 if unit == "KiB/s" else 1.073741824e3 if unit == "GiB/s" else 1.0)
            figures[name] = mb
            name = None
    return figures


def cpu_name():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--venv", default=os.path.join(ROOT, "target", "vader-venv"))
    parser.add_argument("--repeat", type=int, default=10, help="copies of the sentences")
    parser.add_argument("--stance", help="the stance binary (default: cargo build --release)")
    parser.add_argument("--no-criterion", action="store_true")
    parser.add_argument("--no-write", action="store_true", help="print, do not update BENCHMARKS.md")
    args = parser.parse_args()
    ensure_vader(args.venv)

    work = os.path.join(ROOT, "target", "bench-sentiment")
    os.makedirs(work, exist_ok=True)
    texts = list(sentences()) * args.repeat
    corpus = os.path.join(work, "wikinews_sentences.jsonl")
    with open(corpus, "w", encoding="utf-8") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"id": f"s{i}", "text": t}, ensure_ascii=False) + "\n")
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    binary = args.stance
    if not binary:
        subprocess.check_call(["cargo", "build", "--release", "-q"], cwd=ROOT)
        target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
        binary = os.path.join(target, "release", "stance")

    py_seconds, py_scores = time_python(texts)
    vader_seconds, vader_scores = time_stance(binary, corpus, "vader", os.path.join(work, "vader.csv"))
    news_seconds, _ = time_stance(binary, corpus, "news", os.path.join(work, "news.csv"))
    differ = sum(1 for a, b in zip(py_scores, vader_scores) if abs(a - b) >= 1e-4)
    crit = {} if args.no_criterion else criterion()

    rows = [
        ("vaderSentiment 3.3.2 (Python {}), `polarity_scores` loop".format(platform.python_version()),
         py_seconds, mb / py_seconds),
        ("`stance sentiment --sentiment vader -j 1`, end to end", vader_seconds, mb / vader_seconds),
        ("`stance sentiment --sentiment news -j 1`, end to end", news_seconds, mb / news_seconds),
    ]
    lines = [
        BEGIN,
        "",
        "{:,} Wikinews sentences ({} copies of the {:,} of the golden file), {:.1f} MB, "
        "one core of: {}.".format(len(texts), args.repeat, len(texts) // max(args.repeat, 1), mb, cpu_name()),
        "",
        "| engine | seconds | MB/s | × Python |",
        "|---|---:|---:|---:|",
    ]
    for name, seconds, rate in rows:
        lines.append("| {} | {:.2f} | {:.1f} | {:.0f} |".format(name, seconds, rate, rate / rows[0][2]))
    for name, rate in sorted(crit.items()):
        lines.append("| criterion `{}` (scorer only) | | {:.1f} | {:.0f} |".format(name, rate, rate / rows[0][2]))
    lines += [
        "",
        "End to end includes process start, JSON Lines parsing and CSV writing. The criterion "
        "rows score one sentence per call: `vader` is `polarity_scores`, `news` the default "
        "mode, `plain_lookup` the yardstick (split on white space, lowercase each token, look "
        "it up in a hash map of VADER's lexicon, nothing else), `vader_parity_crate` the "
        "vader-parity crate, another exact Rust port of VADER 3.3.2.",
        "",
        "Parity on these sentences: {} of {:,} compound scores differ from Python by 1e-4 or more."
        .format(differ, len(texts)),
        "",
        "Rerun: `python3 benches/sentiment_compare.py` (the figures vary with the machine and its load).",
        "",
        END,
    ]
    block = "\n".join(lines)
    print(block)
    if args.no_write:
        return
    path = os.path.join(ROOT, "BENCHMARKS.md")
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n"
    if BEGIN in text and END in text:
        text = text[: text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n## Sentiment\n\n" + block + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    print("sentiment_compare: wrote", path)


if __name__ == "__main__":
    main()
