#!/usr/bin/env bash
# End-to-end throughput of `stance score`, against Python vaderSentiment 3.3.2,
# on >= 100 MB of real articles (Wikinews, tiled with unique ids), on this
# machine, in one run. Writes the "Pipeline throughput" section of
# BENCHMARKS.md (any other section there is kept as it is).
#
#   benches/compare.sh            # about 10 minutes on 2 cores
#
# Environment: WORK (scratch folder, default /tmp/stance-bench), CORPUS_MB
# (default 100), RUNS (hyperfine runs per measure, default 3), VADER_MB (the
# sample Python VADER scores, default 10), CARGO_TARGET_DIR.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${WORK:-/tmp/stance-bench}
CORPUS_MB=${CORPUS_MB:-100}
RUNS=${RUNS:-3}
VADER_MB=${VADER_MB:-10}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
STANCE=$TARGET/release/stance
THREADS=$(nproc)
SHARED=${SHARED_DATA:-$ROOT/../shared/data/wikinews/wikinews_2019_2020.jsonl}
mkdir -p "$WORK"

# --- tools -------------------------------------------------------------------
# shellcheck source=benches/bench_env.sh
. "$ROOT/benches/bench_env.sh"

VENV=$WORK/venv-vader
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import vaderSentiment' 2>/dev/null; then
    say "installing vaderSentiment 3.3.2 into $VENV"
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet vaderSentiment==3.3.2
fi

# --- inputs ------------------------------------------------------------------
say "building the corpora in $WORK"
python3 - "$WORK" "$CORPUS_MB" "$VADER_MB" "$ROOT/examples/wikinews.jsonl" "$SHARED" <<'EOF'
import json, sys
work, corpus_mb, vader_mb, *sources = sys.argv[1:]
articles = []
for path in sources:
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                articles.append(json.loads(line))

def tile(path, limit_bytes):
    size, n, copy = 0, 0, 0
    with open(path, "w", encoding="utf-8") as out:
        while size < limit_bytes:
            for a in articles:
                b = dict(a, id=f"t{copy}-{a['id']}")
                line = json.dumps(b, ensure_ascii=False) + "\n"
                out.write(line)
                size += len(line.encode("utf-8"))
                n += 1
            copy += 1
    return n, size

for name, mb in [("corpus", float(corpus_mb)), ("corpus10", 10.0), ("sample", float(vader_mb))]:
    n, size = tile(f"{work}/{name}.jsonl", mb * 1e6)
    with open(f"{work}/{name}.count", "w") as f:
        f.write(f"{n} {size}\n")

# One long article of 1 MB and one of 10 MB: the texts run together.
text = "\n\n".join(a["text"] for a in articles)
for name, mb in [("one1mb", 1), ("one10mb", 10)]:
    body = (text + "\n\n") * (int(mb * 1e6) // len(text.encode("utf-8")) + 1)
    body = body.encode("utf-8")[: int(mb * 1e6)].decode("utf-8", "ignore")
    with open(f"{work}/{name}.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": name, "text": body}, ensure_ascii=False) + "\n")
EOF

# Python VADER, sentence by sentence, as a user would run it: sentences split
# at . ! ? followed by white space (VADER has no splitter of its own).
cat >"$WORK/vader_score.py" <<'EOF'
import json, re, sys
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
analyzer = SentimentIntensityAnalyzer()
split = re.compile(r"(?<=[.!?])\s+")
out = open(sys.argv[2], "w", encoding="utf-8")
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        a = json.loads(line)
        for i, s in enumerate(split.split(a["text"])):
            if s.strip():
                out.write(f"{a['id']},{i},{analyzer.polarity_scores(s)['compound']:.4f}\n")
EOF

read -r N_CORPUS B_CORPUS <"$WORK/corpus.count"
read -r N_10 B_10 <"$WORK/corpus10.count"
read -r N_SAMPLE B_SAMPLE <"$WORK/sample.count"

# --- timing ------------------------------------------------------------------
# median wall seconds of a hyperfine JSON export
median() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' "$1"; }
# mean CPU seconds (user + system) of a hyperfine JSON export
cpu() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print(r["user"]+r["system"])' "$WORK/$1.json"; }
# peak resident set in MB from `/usr/bin/time -v`
peak_rss() {
    /usr/bin/time -v "$@" 2>"$WORK/time.txt" >/dev/null || true
    awk -F': ' '/Maximum resident set size/ {printf "%.1f", $2/1024}' "$WORK/time.txt"
}
bench() { # name runs warmup command
    local name=$1 runs=$2 warmup=$3
    shift 3
    hyperfine --style none --runs "$runs" --warmup "$warmup" \
        --export-json "$WORK/$name.json" "$*" >&2
    median "$WORK/$name.json"
}

OUT=$WORK/out
CMD_J1="$STANCE score $WORK/corpus.jsonl --out $OUT --force -q -j 1"
CMD_JN="$STANCE score $WORK/corpus.jsonl --out $OUT --force -q -j $THREADS"
CMD_START="$STANCE score $ROOT/tests/fixtures/gsomia.txt --out $OUT --force -q"
CMD_1MB="$STANCE score $WORK/one1mb.jsonl --out $OUT --force -q -j 1"
CMD_10MB="$STANCE score $WORK/one10mb.jsonl --out $OUT --force -q -j 1"
CMD_VADER="$VENV/bin/python $WORK/vader_score.py $WORK/sample.jsonl $WORK/vader.csv"
CMD_OURVADER="$STANCE sentiment $WORK/sample.jsonl --sentiment vader --by sentence -j 1 --out $WORK/ours.csv --force"

say "stance score, 1 thread"
T_J1=$(bench j1 "$RUNS" 1 "$CMD_J1")
say "stance score, $THREADS threads"
T_JN=$(bench jn "$RUNS" 1 "$CMD_JN")
say "start-up"
T_START=$(bench start 20 3 "$CMD_START")
say "one 1 MB article, one 10 MB article"
T_1MB=$(bench one1mb "$RUNS" 1 "$CMD_1MB")
T_10MB=$(bench one10mb "$RUNS" 1 "$CMD_10MB")
say "Python vaderSentiment on a ${VADER_MB} MB sample"
T_VADER=$(bench vader "$RUNS" 0 "$CMD_VADER")
T_OURVADER=$(bench ourvader "$RUNS" 1 "$CMD_OURVADER")

say "peak memory"
RSS_J1=$(peak_rss $CMD_J1)
RSS_JN=$(peak_rss $CMD_JN)
RSS_10=$(peak_rss "$STANCE" score "$WORK/corpus10.jsonl" --out "$OUT" --force -q -j "$THREADS")
RSS_START=$(peak_rss $CMD_START)
RSS_VADER=$(peak_rss $CMD_VADER)

LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
C_J1=$(cpu j1); C_JN=$(cpu jn); C_START=$(cpu start); C_1MB=$(cpu one1mb); C_10MB=$(cpu one10mb)
C_VADER=$(cpu vader); C_OURVADER=$(cpu ourvader)

# --- report ------------------------------------------------------------------
SECTION=$WORK/section.md
python3 - "$SECTION" <<EOF
import sys
mb = lambda b: b / 1e6
B, N = $B_CORPUS, $N_CORPUS
j1, jn, start = $T_J1, $T_JN, $T_START
one1, one10 = $T_1MB, $T_10MB
vader, ourvader, Bs, Ns = $T_VADER, $T_OURVADER, $B_SAMPLE, $N_SAMPLE
c_j1, c_jn, c_start, c_1, c_10, c_vader, c_ours = $C_J1, $C_JN, $C_START, $C_1MB, $C_10MB, $C_VADER, $C_OURVADER
cpu = open("/proc/cpuinfo").read().split("model name")[1].split("\n")[0].strip(": \t")
rows = [
    ("stance score, 1 thread", j1, c_j1, B, N, "$RSS_J1"),
    ("stance score, $THREADS threads", jn, c_jn, B, N, "$RSS_JN"),
    ("stance sentiment --sentiment vader (same sample as Python), 1 thread", ourvader, c_ours, Bs, Ns, "-"),
    ("Python vaderSentiment 3.3.2, sentence by sentence (sample)", vader, c_vader, Bs, Ns, "$RSS_VADER"),
]
w = open(sys.argv[1], "w")
p = lambda *a: print(*a, file=w)
p("## Pipeline throughput")
p()
p(f"Measured by \`benches/compare.sh\` on a shared machine with **$THREADS cores** ({cpu});")
p("other jobs ran at the same time (load average $LOAD when this run ended), so wall")
p("times are inflated and thread scaling is not measurable when the load exceeds the cores;")
p("the CPU seconds (user + system, mean of the runs) are the steadier figure. Wall times are")
p(f"medians of $RUNS hyperfine runs (start-up: 20 runs); peak RSS from \`/usr/bin/time -v\`.")
p(f"The corpus is examples/wikinews.jsonl and ../shared/data/wikinews/wikinews_2019_2020.jsonl")
p(f"tiled with unique ids: {N:,} articles, {mb(B):.1f} MB of JSON Lines. The full pipeline")
p("(read, segment, attribute, resolve actors, score, aggregate, write three CSV tables) runs.")
p()
p("| run | input | median wall s | MB/s (wall) | articles/s (wall) | CPU s | MB per CPU s | peak RSS MB |")
p("|---|---|---:|---:|---:|---:|---:|---:|")
for name, t, c, b, n, rss in rows:
    p(f"| {name} | {mb(b):.1f} MB, {n:,} articles | {t:.2f} | {mb(b)/t:.1f} | {n/t:,.0f} | {c:.2f} | {mb(b)/c:.1f} | {rss} |")
p()
p("| measure | figure | goal |")
p("|---|---|---|")
p(f"| full pipeline, 1 thread | {mb(B)/j1:.1f} MB/s wall, {mb(B)/c_j1:.1f} MB per CPU second | >= 50 MB/s |")
p(f"| scaling, $THREADS threads vs 1 | {j1/jn:.2f}x | >= 1.8x (2 threads) |")
p(f"| peak memory, {mb(B):.0f} MB input ($THREADS threads) | $RSS_JN MB (10 MB input: $RSS_10 MB) | <= 150 MB, flat |")
p(f"| start-up (lexicons loaded, one short article) | {start*1000:.1f} ms wall, {c_start*1000:.1f} ms CPU, $RSS_START MB | <= 20 ms |")
p(f"| one 10 MB article vs one 1 MB article | wall {one10:.2f} s / {one1:.2f} s = {one10/one1:.1f}x; CPU {c_10:.2f} s / {c_1:.2f} s = {c_10/c_1:.1f}x | ~10x (linear) |")
p(f"| stance (whole pipeline, 1 thread) vs Python VADER alone | {(mb(B)/j1)/(mb(Bs)/vader):.1f}x the MB/s | |")
p(f"| stance's VADER port vs Python VADER, same sentences | {vader/ourvader:.1f}x | |")
p()
p(f"Python VADER scored a {mb(Bs):.1f} MB sample (the first tiles of the same corpus), not the")
p("whole corpus, to keep the run short; its MB/s is per byte of JSON Lines, as for stance, so the")
p("ratios compare like with like. Its sentences are split at . ! ? before white space, as a user")
p("of the package would (VADER has no splitter).")
p()
p("The spaCy-based quote extractor is measured separately, by \`benches/compare_spacy.sh\`")
p('(section "Against a spaCy quote extractor" below).')
p()
p("Commands (\`$WORK\` is the scratch folder, \`stance\` the release binary):")
p()
p("\`\`\`sh")
for c in ['''$CMD_J1''', '''$CMD_JN''', '''$CMD_START''', '''$CMD_1MB''', '''$CMD_10MB''', '''$CMD_OURVADER''', '''$CMD_VADER''']:
    p(c.replace("$STANCE", "stance").replace("$ROOT/", ""))
p("/usr/bin/time -v <each of the above>   # peak RSS")
p("\`\`\`")
EOF

# Replace our section of BENCHMARKS.md (or append it); keep every other section.
python3 - "$ROOT/BENCHMARKS.md" "$SECTION" <<'EOF'
import os, re, sys
path, section = sys.argv[1], open(sys.argv[2], encoding="utf-8").read()
old = open(path, encoding="utf-8").read() if os.path.exists(path) else "# Benchmarks\n"
m = re.search(r"^## Pipeline throughput\n.*?(?=^## |\Z)", old, flags=re.S | re.M)
if m:
    new = old[: m.start()] + section + ("\n" if old[m.end():] else "") + old[m.end():]
else:
    new = old.rstrip("\n") + "\n\n" + section
open(path, "w", encoding="utf-8").write(new)
EOF
cat "$SECTION"
