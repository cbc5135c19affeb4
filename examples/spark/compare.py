"""Checks that the Spark run's Parquet rows equal a single-machine rung run's JSON lines.

usage: compare.py PARQUET_DIR SINGLE.jsonl

Both are read with the Parquet schema and rendered as JSON, then compared sorted (Spark's row
order across partitions is its own). A broken input line's id is its line number on rung's
stdin, which on Spark counts within the partition: those ids are left out of the comparison.
"""

import sys

from pyspark.sql import SparkSession
from pyspark.sql import functions as F


def comparable(df):
    if "error" not in df.columns:
        return df
    return df.withColumn("id", F.when(F.col("error").isNull(), F.col("id")))


def main():
    parquet, single = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.appName("rung-compare").getOrCreate()
    got = spark.read.parquet(parquet)
    want = spark.read.schema(got.schema).json(single)
    got_rows = sorted(comparable(got).toJSON().collect())
    want_rows = sorted(comparable(want).toJSON().collect())
    spark.stop()
    if got_rows != want_rows:
        missing = sorted(set(want_rows) - set(got_rows))
        extra = sorted(set(got_rows) - set(want_rows))
        for row in missing[:3]:
            print("single machine only:", row[:300])
        for row in extra[:3]:
            print("Spark only:", row[:300])
        missing = len(missing)
        sys.exit(f"DIFFERENT: {len(got_rows)} Spark rows, {len(want_rows)} single-machine rows, "
                 f"{missing} single-machine rows missing from Spark")
    print(f"identical: {len(got_rows)} rows")


if __name__ == "__main__":
    main()
