#!/usr/bin/env python3
"""Count phrase hits in the descriptions of a JSONL corpus, as a researcher would without rung.

usage: peer_count.py {pyahocorasick|flashtext} PHRASES CORPUS [CORPUS...]

Reads each line as JSON, lower-cases the description, and counts whole-word phrase hits.
Prints: postings, bytes read, hits.
"""
import json
import sys


def main():
    lib, phrases_path, paths = sys.argv[1], sys.argv[2], sys.argv[3:]
    phrases = [p.strip() for p in open(phrases_path, encoding="utf-8") if p.strip()]
    count = counter(lib, phrases)
    postings = hits = size = 0
    for path in paths:
        with open(path, "rb") as f:
            for raw in f:
                size += len(raw)
                if not raw.strip():
                    continue
                row = json.loads(raw)
                text = (row.get("description") or "").lower()
                hits += count(text)
                postings += 1
    print(postings, size, hits)


def counter(lib, phrases):
    if lib == "pyahocorasick":
        import ahocorasick

        automaton = ahocorasick.Automaton()
        for p in phrases:
            automaton.add_word(p, len(p))
        automaton.make_automaton()

        def count(text):
            n = 0
            for end, length in automaton.iter(text):
                start = end - length + 1
                before = text[start - 1] if start > 0 else " "
                after = text[end + 1] if end + 1 < len(text) else " "
                if not before.isalnum() and not after.isalnum():
                    n += 1
            return n

        return count
    if lib == "flashtext":
        from flashtext import KeywordProcessor

        kp = KeywordProcessor(case_sensitive=False)
        for p in phrases:
            kp.add_keyword(p)
        return lambda text: len(kp.extract_keywords(text))
    sys.exit(f"unknown library {lib}")


if __name__ == "__main__":
    main()
