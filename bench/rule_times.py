#!/usr/bin/env python3
"""Seconds and peak RSS per rule on one file, in one process: where a run's time goes.

    python bench/rule_times.py FILE            # every default rule, in the runner's order
    python bench/rule_times.py FILE --select D,N

Builds the Document once (its paragraphs, sentences and words are timed separately), runs the
corpus rules' collect step, then each rule's check, and prints seconds, findings and the
process's peak RSS so far (a jump shows which rule allocated it). Rules that share an analysis
(the G rules, the O and S rules, the N rules) pay it in the first of them that runs.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--select", default="", help="comma-separated code prefixes (default: the default rules)")
    a = ap.parse_args()
    t0 = time.perf_counter()
    from garblint.lint.config import Config, convert
    from garblint.lint.runner import selected_rules
    from garblint.lint.textio import read_document

    config = Config({"select": convert("select", a.select.split(","))} if a.select else {})
    rules = selected_rules(config)
    doc = read_document(a.file, a.file)
    rows = [("imports and reading", time.perf_counter() - t0, None)]
    for part in ("paragraphs", "sentences", "words"):
        t = time.perf_counter()
        getattr(doc, part)
        rows.append((f"Document.{part}", time.perf_counter() - t, None))
    for r in rules:
        if r.corpus:
            t = time.perf_counter()
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
            rows.append((f"{r.code} collect", time.perf_counter() - t, None))
    for r in rules:
        t = time.perf_counter()
        n = sum(1 for _ in r.check(doc, config))
        rows.append((f"{r.code} {r.name}", time.perf_counter() - t, n))
    total = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{doc.word_count:,} words; total {total:.2f} s; peak RSS {peak} MB")
    for name, secs, n in sorted(rows, key=lambda row: -row[1]):
        print(f"{secs:8.3f} s  {name}" + (f"  ({n} findings)" if n else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
