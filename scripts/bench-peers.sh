#!/usr/bin/env bash
# Times rung against the tools a researcher would otherwise use, on one corpus, in one run.
#
#   scripts/bench-peers.sh [SIZE_MB] [SOURCE.jsonl]
#
# SIZE_MB (default 1000): corpus size, built by repeating the rows of SOURCE (default
# ../shared/data/dev.jsonl) and split into 8 files so that ripgrep can use several threads
# (it parallelises over files). PY_MB (default 100): the Python peers read only the first
# PY_MB of it, since they run at a few MB/s; their MB/s is comparable, their time is not.
# WORK (default $TMPDIR/rung-peers): where the corpus goes. ROUNDS (default 3): how many
# times each tool is run, all of them in turn; the fastest run of each is reported (and the
# slowest beside it), since on a shared host a neighbour's burst can slow one long run by a
# third.
#
# Peers: rung audit --format jsonl (the full analysis, 1 thread and all threads); ripgrep's
# count-only scan of rung's own phrases (rg -F -i -w -f PHRASES --count-matches, 1 thread and
# all threads); pyahocorasick and flashtext counting whole-word phrase hits in lower-cased
# descriptions (scripts/peer_count.py; pip install pyahocorasick flashtext).
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-1000}
SRC=${2:-../shared/data/dev.jsonl}
PY_MB=${PY_MB:-100}
ROUNDS=${ROUNDS:-3}
WORK=${WORK:-${TMPDIR:-/tmp}/rung-peers}
THREADS=$(nproc)

cargo build --release --quiet
RUNG=$PWD/target/release/rung
mkdir -p "$WORK"
"$RUNG" lexicons --phrases > "$WORK/phrases.txt"

# The corpus: whole rows of SRC repeated to SIZE_MB, in 8 parts; a PY_MB prefix for Python.
python3 - "$SRC" "$SIZE_MB" "$PY_MB" "$WORK" <<'PY'
import os, sys
src, size_mb, py_mb, work = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = [l if l.endswith(b"\n") else l + b"\n" for l in open(src, "rb") if l.strip()]
target, parts = size_mb * 1_000_000, 8
os.makedirs(f"{work}/corpus", exist_ok=True)
stamp = f"{work}/corpus/.made-{os.path.getsize(src)}-{size_mb}"
if not os.path.exists(stamp):
    for f in os.listdir(f"{work}/corpus"):
        os.remove(f"{work}/corpus/{f}")
    written, i = 0, 0
    for p in range(parts):
        with open(f"{work}/corpus/part-{p}.jsonl", "wb") as out:
            while written < target * (p + 1) / parts:
                out.write(rows[i % len(rows)]); written += len(rows[i % len(rows)]); i += 1
    open(stamp, "w").close()
for name, mb in (("py.jsonl", py_mb), ("10mb.jsonl", 10), ("100mb.jsonl", 100)):
    with open(f"{work}/{name}", "wb") as out:
        written, i = 0, 0
        while written < mb * 1_000_000:
            out.write(rows[i % len(rows)]); written += len(rows[i % len(rows)]); i += 1
PY

BYTES=$(cat "$WORK"/corpus/*.jsonl | wc -c)
POSTINGS=$(cat "$WORK"/corpus/*.jsonl | wc -l)
PY_BYTES=$(wc -c < "$WORK/py.jsonl")
PY_POSTINGS=$(wc -l < "$WORK/py.jsonl")
RESULTS=$WORK/results.tsv
: > "$RESULTS"

# measure NAME THREADS BYTES POSTINGS CMD...: wall seconds and peak memory of one run.
measure() {
    local name=$1 threads=$2 bytes=$3 postings=$4
    shift 4
    echo "running: $*" >&2
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$@" > /dev/null 2> "$WORK/stderr.txt" ||
        { cat "$WORK/stderr.txt" >&2; exit 1; }
    read -r secs kb < "$WORK/time.txt"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$threads" "$bytes" "$postings" "$secs" "$kb" >> "$RESULTS"
}

cat "$WORK"/corpus/*.jsonl > /dev/null # warm the page cache
for _ in $(seq "$ROUNDS"); do
    measure "rung audit --format jsonl" 1 "$BYTES" "$POSTINGS" \
        "$RUNG" audit "$WORK/corpus" --format jsonl --threads 1
    measure "rung audit --format jsonl" "$THREADS" "$BYTES" "$POSTINGS" \
        "$RUNG" audit "$WORK/corpus" --format jsonl --threads "$THREADS"
    measure "rg -F -i -w --count-matches" 1 "$BYTES" "$POSTINGS" \
        rg -j1 -F -i -w -f "$WORK/phrases.txt" --count-matches "$WORK/corpus"
    measure "rg -F -i -w --count-matches" "$THREADS" "$BYTES" "$POSTINGS" \
        rg -j"$THREADS" -F -i -w -f "$WORK/phrases.txt" --count-matches "$WORK/corpus"
    measure "pyahocorasick (Python)" 1 "$PY_BYTES" "$PY_POSTINGS" \
        python3 scripts/peer_count.py pyahocorasick "$WORK/phrases.txt" "$WORK/py.jsonl"
    measure "flashtext (Python)" 1 "$PY_BYTES" "$PY_POSTINGS" \
        python3 scripts/peer_count.py flashtext "$WORK/phrases.txt" "$WORK/py.jsonl"
done
# Scaling: the same analysis on 10 MB and 100 MB prefixes, to set beside the whole corpus.
for mb in 10 100; do
    measure "rung audit --format jsonl ($mb MB prefix)" 1 "$(wc -c < "$WORK/${mb}mb.jsonl")" \
        "$(wc -l < "$WORK/${mb}mb.jsonl")" \
        "$RUNG" audit "$WORK/${mb}mb.jsonl" --format jsonl --threads 1
done

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(awk '/MemTotal/ {printf "%.0f GB", $2/1e6}' /proc/meminfo)"
echo "corpus: $((BYTES / 1000000)) MB, $POSTINGS postings (rows of $SRC repeated); Python peers: first $((PY_BYTES / 1000000)) MB"
echo "phrases: $(wc -l < "$WORK/phrases.txt") (rung lexicons --phrases); each tool: fastest of $ROUNDS runs"
echo
python3 - "$RESULTS" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
rows = [(n, int(t), int(b), int(p), float(s), int(kb)) for n, t, b, p, s, kb in rows]
# Repeated runs of one tool: the fastest is reported, the slowest beside it, the most memory.
runs, order = {}, []
for n, t, b, p, s, kb in rows:
    if (n, t) not in runs:
        order.append((n, t))
    runs.setdefault((n, t), []).append((max(s, 0.01), kb, b, p))
best = {key: (min(r[0] for r in rs), max(r[0] for r in rs), max(r[1] for r in rs), rs[0][2], rs[0][3])
        for key, rs in runs.items()}
s1, _, _, _, p1 = best[("rung audit --format jsonl", 1)]
rung1 = p1 / s1
print("| tool | threads | MB | s (slowest) | MB/s | postings/s | peak MB | rung (1 thread) postings/s ÷ this |")
print("|---|---|---|---|---|---|---|---|")
for n, t in order:
    if "prefix" in n:
        continue
    s, slowest, kb, b, p = best[(n, t)]
    spread = f" ({slowest:.2f})" if len(runs[(n, t)]) > 1 else ""
    print(f"| {n} | {t} | {b/1e6:.0f} | {s:.2f}{spread} | {b/1e6/s:.1f} | {p/s:,.0f} | {kb/1024:.0f} | {rung1/(p/s):.2f} |")
print()
print("Scaling, rung at 1 thread: seconds per 100 MB should stay flat from 10 MB to the whole corpus.")
print()
print("| input | MB | s | s per 100 MB | peak MB |")
print("|---|---|---|---|---|")
for (n, t) in sorted(order, key=lambda key: best[key][3]):
    s, _, kb, b, p = best[(n, t)]
    if n.startswith("rung") and t == 1:
        label = n.split("(")[1].rstrip(")") if "(" in n else "whole corpus"
        print(f"| {label} | {b/1e6:.0f} | {s:.2f} | {s / (b / 1e8):.2f} | {kb/1024:.0f} |")
PY
