"""Analyse a JSONL corpus of job postings with rung on Spark and write the results as Parquet.

Each partition's lines stream through one `rung audit - --format jsonl` process, exactly as
`RDD.pipe` streams them: rung writes one output line per input line, in order, flushing as it
goes (a line it cannot read becomes {"id": "<stdin>:N", "error": ...}), in constant memory.

    spark-submit --files target/release/rung examples/spark/rung_spark.py INPUT OUTPUT

INPUT: JSONL file(s) or directory (anything `sc.textFile` reads, gzip included); OUTPUT: a
Parquet directory, one row per posting (the JSON output contract of rung's README).
Locally: examples/spark/run-local.sh.
"""

import os
import subprocess
import sys
import threading

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# Spark runs one task per core; each task's rung uses one thread.
RUNG_ARGS = ["audit", "-", "--format", "jsonl", "--threads", "1"]


def rung_binary():
    """The binary shipped with `--files` (or `SparkContext.addFile`), on this executor."""
    path = SparkFiles.get("rung")
    if not os.access(path, os.X_OK):
        os.chmod(path, 0o755)  # shipped files may lose their executable bit
    return path


def analyse(lines):
    """What `RDD.pipe(rung)` does, with the binary found where Spark put it on this executor:
    feed the partition's lines on one thread, read rung's lines back on this one."""
    proc = subprocess.Popen(
        [rung_binary()] + RUNG_ARGS,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )

    def feed():
        try:
            for line in lines:
                proc.stdin.write(line.encode("utf-8") + b"\n")
        finally:
            proc.stdin.close()

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    for out in proc.stdout:
        yield out.decode("utf-8").rstrip("\n")
    writer.join()
    if proc.wait() not in (0, 1):  # 1: a finding reached --fail-on (never, by default)
        raise RuntimeError(f"rung exited with {proc.returncode}")


def main():
    source, target = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.appName("rung").getOrCreate()
    # rung skips blank lines; skipping them here keeps input and output lines one to one.
    lines = spark.sparkContext.textFile(source).filter(lambda line: line.strip())
    results = lines.mapPartitions(analyse)
    spark.read.json(results).write.mode("overwrite").parquet(target)
    spark.stop()


if __name__ == "__main__":
    main()
