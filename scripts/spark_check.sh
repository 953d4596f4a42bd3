#!/usr/bin/env bash
# Checks the Spark path: `stance score - --format jsonl --stdout TABLE
# --no-header` under PySpark's RDD.pipe in local mode gives the same rows as a
# single-machine run, on the Wikinews articles. Not part of `cargo test`.
#
#   scripts/spark_check.sh [ARTICLES.jsonl]
#
# Needs Java 17 and network access to PyPI the first time (pyspark is
# installed into a venv under /tmp/stance-spark). Environment: SPARK_WORK,
# CARGO_TARGET_DIR, PARTITIONS (default 4).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=${SPARK_WORK:-/tmp/stance-spark}
TARGET=${CARGO_TARGET_DIR:-$ROOT/target}
DEFAULT_ARTICLES=$ROOT/../shared/data/wikinews/wikinews_2019_2020.jsonl
[ -f "$DEFAULT_ARTICLES" ] || DEFAULT_ARTICLES=$ROOT/examples/wikinews.jsonl
ARTICLES=$(realpath "${1:-$DEFAULT_ARTICLES}")
mkdir -p "$WORK"

if [ -z "${JAVA_HOME:-}" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
fi

VENV=$WORK/venv
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    echo "installing pyspark into $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet pyspark
fi

(cd "$ROOT" && cargo build --release --bin stance --quiet)

export PYSPARK_PYTHON=$VENV/bin/python
export PYSPARK_DRIVER_PYTHON=$VENV/bin/python
exec "$VENV/bin/python" "$ROOT/scripts/spark_check.py" "$TARGET/release/stance" "$ARTICLES" "${PARTITIONS:-4}"
