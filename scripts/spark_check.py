"""Runs `stance score` under PySpark (local mode) through RDD.pipe and checks
that the rows equal a single-machine run.

    python spark_check.py STANCE_BINARY ARTICLES.jsonl [PARTITIONS]

Each partition of the JSON Lines is piped through
`stance score - --format jsonl --stdout TABLE --no-header -q`, one process per
partition; the collected rows are compared with those of one
`stance score ARTICLES.jsonl --stdout TABLE --no-header` run, for each table,
as multisets of lines (the order across partitions may differ). Exits 0 when
all three tables agree, 1 otherwise.
"""

import collections
import shlex
import subprocess
import sys

from pyspark.sql import SparkSession

TABLES = ["statements", "actors", "dyads"]


def main() -> int:
    stance, articles = sys.argv[1], sys.argv[2]
    partitions = int(sys.argv[3]) if len(sys.argv) > 3 else 4
    spark = (
        SparkSession.builder.master("local[*]")
        .appName("stance-spark-check")
        .config("spark.ui.enabled", "false")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    lines = spark.sparkContext.textFile(articles, minPartitions=partitions)
    lines = lines.filter(lambda line: line.strip() != "").cache()
    print(f"{lines.count()} articles in {lines.getNumPartitions()} partitions")
    ok = True
    for table in TABLES:
        command = [stance, "score", "-", "--format", "jsonl", "--stdout", table, "--no-header", "-q"]
        spark_rows = lines.pipe(shlex.join(command), checkCode=True).collect()
        local = subprocess.run(
            [stance, "score", articles, "--stdout", table, "--no-header", "-q"],
            check=True,
            capture_output=True,
        )
        local_rows = local.stdout.decode("utf-8").split("\n")
        if local_rows and local_rows[-1] == "":
            local_rows.pop()
        same = collections.Counter(spark_rows) == collections.Counter(local_rows)
        print(
            f"{table}: {len(spark_rows)} lines from Spark, {len(local_rows)} from one machine: "
            + ("same" if same else "DIFFERENT")
        )
        if not same:
            ok = False
            a, b = sorted(spark_rows), sorted(local_rows)
            for x, y in zip(a, b):
                if x != y:
                    print(f"  first difference:\n    spark: {x[:200]}\n    local: {y[:200]}")
                    break
    spark.stop()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
