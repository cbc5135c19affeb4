#!/usr/bin/env python3
"""One timed run of rung's Python module over a JSONL corpus, as a researcher would write it.

usage: bench_python.py {dicts|lines|frame} THREADS CORPUS

dicts: each line json.loads'ed in Python, the dicts through rung.analyze_many;
lines: the file's lines (str) through rung.analyze_many, parsed by rung on its workers;
frame: pandas.read_json(lines=True), then rung.analyze_frame.
Every analysis is taken (dicts built) and dropped. Prints: postings, seconds.
"""
import json
import sys
import time


def main():
    mode, threads, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    start = time.perf_counter()
    import rung

    n = 0
    if mode == "dicts":
        with open(path, encoding="utf-8") as f:
            rows = (json.loads(line) for line in f if line.strip())
            for _ in rung.analyze_many(rows, threads=threads):
                n += 1
    elif mode == "lines":
        with open(path, encoding="utf-8") as f:
            for _ in rung.analyze_many(f, threads=threads):
                n += 1
    elif mode == "frame":
        import pandas as pd

        df = pd.read_json(path, lines=True)
        n = len(rung.analyze_frame(df, id="id", threads=threads))
    else:
        sys.exit(f"unknown mode {mode}")
    print(n, f"{time.perf_counter() - start:.3f}")


if __name__ == "__main__":
    main()
