"""Analyse a JSONL corpus of job postings with rung's Python module on Spark (mapInPandas)
and write the results as Parquet: no binary to ship, no pipe.

Each executor needs the wheel (`pip install ./python` on every node, or ship a built wheel:
`spark-submit --py-files` cannot carry a native module, so use a shared venv / conda pack or
`--archives`). Each partition's rows stream through `rung.analyze_many` in batches, in
order and in constant memory; each result is the JSON output contract of rung's README,
written as one JSON string column beside the input's id, and read back into Spark's schema.

    spark-submit examples/spark/rung_pandas.py INPUT OUTPUT [--flat]

INPUT: JSONL file(s) or directory (anything `spark.read.text` reads, gzip included); OUTPUT:
a Parquet directory, one row per posting. With --flat the output is `rung.analyze_frame`'s
flat columns (implied_level, confidence, band, ...) instead of the whole JSON contract.
Locally: examples/spark/run-local.sh --pandas.
"""

import json
import sys

from pyspark.sql import SparkSession
from pyspark.sql import types as T

# Spark runs one task per core; each task's rung uses one thread.
THREADS = 1

FLAT_SCHEMA = T.StructType(
    [
        T.StructField("id", T.StringType()),
        T.StructField("lang", T.StringType()),
        T.StructField("implied_level", T.StringType()),
        T.StructField("confidence", T.DoubleType()),
        T.StructField("band", T.StringType()),
        T.StructField("title_level", T.StringType()),
        T.StructField("min_years", T.DoubleType()),
        T.StructField("max_years", T.DoubleType()),
        T.StructField("preferred_years", T.DoubleType()),
        T.StructField("degree_level", T.StringType()),
        T.StructField("degree_required", T.BooleanType()),
        T.StructField("people_management", T.BooleanType()),
        T.StructField("mentoring", T.BooleanType()),
        T.StructField("leads_work", T.BooleanType()),
        T.StructField("strategy", T.BooleanType()),
        T.StructField("budget", T.BooleanType()),
        T.StructField("autonomy", T.StringType()),
        T.StructField("findings", T.StringType()),
    ]
)


def analyse_json(batches):
    """mapInPandas: frames of JSON lines in, frames of one JSON analysis each out. A line that
    is not a posting becomes {"id": ..., "error": ...}, as `rung audit -` writes it."""
    import pandas as pd

    import rung

    for frame in batches:
        # A line that is not a posting comes back as {"id": ROW, "error": ...} in its place.
        results = rung.analyze_many(frame["value"], threads=THREADS, errors="yield")
        yield pd.DataFrame({"analysis": [json.dumps(a, ensure_ascii=False) for a in results]})


def analyse_flat(batches):
    """mapInPandas: frames of JSON lines in, rung.analyze_frame's flat columns out."""
    import pandas as pd

    import rung

    for frame in batches:
        rows = [json.loads(line) for line in frame["value"]]
        postings = pd.DataFrame(
            {
                "id": [r.get("id") for r in rows],
                "title": [r.get("title") or "" for r in rows],
                "description": [r.get("description") or "" for r in rows],
            }
        )
        yield rung.analyze_frame(postings, id="id", threads=THREADS).reset_index(drop=True)


def main():
    source, target = sys.argv[1], sys.argv[2]
    flat = "--flat" in sys.argv[3:]
    spark = SparkSession.builder.appName("rung-pandas").getOrCreate()
    lines = spark.read.text(source).filter("trim(value) != ''")
    if flat:
        lines.mapInPandas(analyse_flat, FLAT_SCHEMA).write.mode("overwrite").parquet(target)
    else:
        analyses = lines.mapInPandas(analyse_json, "analysis string")
        # Spark infers the JSON contract's schema from the strings, as rung_spark.py does.
        spark.read.json(analyses.rdd.map(lambda row: row.analysis)).write.mode(
            "overwrite"
        ).parquet(target)
    spark.stop()


if __name__ == "__main__":
    main()
