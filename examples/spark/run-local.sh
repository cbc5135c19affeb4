#!/usr/bin/env bash
# Runs a Spark example in local mode and checks that its output equals a single-machine run
# of `rung audit - --format jsonl` over the same input (sorted JSON rows).
#
#   examples/spark/run-local.sh [--pandas] [INPUT.jsonl] [PARTITIONS]
#
# Default: rung_spark.py, the rung binary shipped with --files and fed through a pipe.
# --pandas: rung_pandas.py, the Python module on the executors (mapInPandas); the module must
# be installed for $PYSPARK_PYTHON (pip install ./python).
# Needs Java 17+ and `pip install pyspark`. INPUT defaults to the shipped LinkedIn sample.
set -euo pipefail
cd "$(dirname "$0")/../.."
MODE=pipe
if [ "${1:-}" = "--pandas" ]; then
    MODE=pandas
    shift
fi
INPUT=${1:-corpora/linkedin-muabdalaleam-sample.jsonl}
PARTITIONS=${2:-4}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cargo build --release --quiet
# Several input files, so that Spark runs several partitions (and several rung processes).
split -n "l/$PARTITIONS" -d --additional-suffix=.jsonl "$INPUT" "$WORK/in-"

export PYSPARK_PYTHON=${PYSPARK_PYTHON:-python3}
start=$(date +%s.%N)
if [ "$MODE" = pandas ]; then
    "$PYSPARK_PYTHON" -c 'import rung' ||
        { echo "rung is not installed for $PYSPARK_PYTHON: pip install ./python" >&2; exit 1; }
    spark-submit --master "local[*]" \
        examples/spark/rung_pandas.py "$WORK/in-*.jsonl" "$WORK/out.parquet" 2> "$WORK/spark.log" ||
        { tail -40 "$WORK/spark.log"; exit 1; }
else
    spark-submit --master "local[*]" --files target/release/rung \
        examples/spark/rung_spark.py "$WORK/in-*.jsonl" "$WORK/out.parquet" 2> "$WORK/spark.log" ||
        { tail -40 "$WORK/spark.log"; exit 1; }
fi
end=$(date +%s.%N)
echo "spark $MODE (local[*], $PARTITIONS input files): $(echo "$end - $start" | bc) s"

target/release/rung audit - --format jsonl < "$INPUT" > "$WORK/single.jsonl" 2> /dev/null
echo "single machine: $(wc -l < "$WORK/single.jsonl") lines"
spark-submit --master "local[*]" examples/spark/compare.py \
    "$WORK/out.parquet" "$WORK/single.jsonl" 2> "$WORK/compare.log" ||
    { tail -20 "$WORK/compare.log"; exit 1; }
