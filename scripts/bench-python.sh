#!/usr/bin/env bash
# rung's Python module against `rung audit` in the same run, and against pyahocorasick and
# flashtext (scripts/peer_count.py), on ../shared/data/dev.jsonl repeated to SIZE_MB.
#
#   WORK=/tmp/rb/py PYTHON=venv/bin/python scripts/bench-python.sh [SIZE_MB] [REPEATS]
#
# PYTHON must have rung (pip install ./python); pyahocorasick and flashtext are timed when it
# has them. Each measurement is taken REPEATS times, interleaved; the table shows medians of
# wall seconds, of CPU seconds (user + system, all threads: steadier than wall time on a busy
# machine) and of peak memory, from /usr/bin/time.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-100}
REPEATS=${2:-3}
WORK=${WORK:-/tmp/rung-bench-python}
PYTHON=${PYTHON:-python3}
SRC=${SRC:-../shared/data/dev.jsonl}
mkdir -p "$WORK"
RUNG=target/release/rung
cargo build --release --quiet
CORPUS="$WORK/corpus-$SIZE_MB.jsonl"
if [ ! -s "$CORPUS" ]; then
    : > "$CORPUS"
    while [ "$(stat -c %s "$CORPUS")" -lt $((SIZE_MB * 1000000)) ]; do cat "$SRC" >> "$CORPUS"; done
fi
"$RUNG" lexicons --phrases > "$WORK/phrases.txt"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

# run NAME THREADS COMMAND...: appends NAME, threads, postings, seconds, peak KB, CPU seconds.
run() {
    local name=$1 threads=$2
    shift 2
    local out
    out=$( { /usr/bin/time -f "TIME %e %M %U %S" "$@" 2> >(grep -v '^rung: ' >&2) ; } 2>&1 ) || {
        echo "$name failed: $out" >&2
        return 1
    }
    local postings seconds kb cpu
    postings=$(echo "$out" | grep -v '^TIME' | tail -1 | awk '{print $1}')
    read -r seconds kb cpu < <(echo "$out" | grep '^TIME' | awk '{print $2, $3, $4 + $5}')
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$threads" "$postings" "$seconds" "$kb" "$cpu" >> "$RESULTS"
    echo "$name threads=$threads: $postings postings, $seconds s, $cpu CPU s, $kb KB" >&2
}

LINES=$(grep -c . "$CORPUS")
peers=()
for lib in pyahocorasick flashtext; do
    module=$lib
    [ "$lib" = pyahocorasick ] && module=ahocorasick
    if "$PYTHON" -c "import $module" 2> /dev/null; then peers+=("$lib"); fi
done
for round in $(seq "$REPEATS"); do
    echo "round $round (load: $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    for threads in 1 2; do
        run "rung audit --format jsonl" "$threads" \
            sh -c "$RUNG audit '$CORPUS' --format jsonl --threads $threads > /dev/null && echo $LINES"
        run "rung.analyze_many (dicts from json.loads)" "$threads" \
            "$PYTHON" scripts/bench_python.py dicts "$threads" "$CORPUS"
        run "rung.analyze_many (JSON lines)" "$threads" \
            "$PYTHON" scripts/bench_python.py lines "$threads" "$CORPUS"
    done
    for lib in "${peers[@]}"; do
        run "$lib (Python)" 1 "$PYTHON" scripts/peer_count.py "$lib" "$WORK/phrases.txt" "$CORPUS"
    done
done

"$PYTHON" - "$RESULTS" "$CORPUS" <<'PY'
import os
import statistics
import sys

results, corpus = sys.argv[1], sys.argv[2]
mb = os.path.getsize(corpus) / 1e6
runs = {}
for line in open(results):
    name, threads, postings, seconds, kb, cpu = line.rstrip("\n").split("\t")
    runs.setdefault((name, int(threads)), []).append(
        (int(postings), float(seconds), int(kb), float(cpu))
    )
cli = {t: statistics.median(r[1] for r in v) for (n, t), v in runs.items() if n.startswith("rung audit")}
cli_cpu = {t: statistics.median(r[3] for r in v) for (n, t), v in runs.items() if n.startswith("rung audit")}
print(f"corpus: {mb:.0f} MB, {next(iter(runs.values()))[0][0]:,} postings; medians of "
      f"{len(next(iter(runs.values())))} runs")
print()
print("| tool | threads | wall s (runs) | postings/s | ÷ rung audit, same threads | "
      "CPU s | CPU ÷ rung audit's | peak MB |")
print("|---|---|---|---|---|---|---|---|")
for (name, threads), v in runs.items():
    postings = v[0][0]
    s = statistics.median(r[1] for r in v)
    kb = statistics.median(r[2] for r in v)
    cpu = statistics.median(r[3] for r in v)
    ratio = f"{cli[threads] / s:.2f}" if threads in cli else ""
    cpu_ratio = f"{cpu / cli_cpu[threads]:.2f}" if threads in cli_cpu else ""
    runs_s = ", ".join(f"{r[1]:.2f}" for r in v)
    print(f"| {name} | {threads} | {s:.2f} ({runs_s}) | {postings / s:,.0f} | {ratio} | "
          f"{cpu:.2f} | {cpu_ratio} | {kb / 1024:.0f} |")
PY
