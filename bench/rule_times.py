#!/usr/bin/env python3
"""Seconds and memory per rule on one file, in one process: where a run's time goes.

    python bench/rule_times.py FILE                    # every default rule
    python bench/rule_times.py FILE --select D,N       # some rules
    python bench/rule_times.py FILE --rounds 3         # best of 3 rounds, a fresh Document each
    python bench/rule_times.py FILE --mem              # tracemalloc peak per rule instead (slow)
    python bench/rule_times.py FILE --cpu              # CPU seconds instead of wall (busy machine)

Builds the Document (its paragraphs, sentences and words are timed separately), runs the
corpus rules' collect step, then each rule's check, and prints the parts slowest first with
the process's peak RSS. Rules that share an analysis (the G rules, the O and S rules, the N
rules) pay it in the first of them that runs.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file")
    ap.add_argument("--select", default="", help="comma-separated code prefixes (default: the default rules)")
    ap.add_argument("--rounds", type=int, default=1, help="report each part's best time over this many rounds")
    ap.add_argument("--mem", action="store_true", help="report each part's tracemalloc peak (MB) instead of its time")
    ap.add_argument("--cpu", action="store_true", help="CPU seconds of this process instead of wall seconds")
    a = ap.parse_args()
    clock = time.process_time if a.cpu else time.perf_counter
    t0 = clock()
    from garblint.lint.config import Config, convert
    from garblint.lint.runner import selected_rules
    from garblint.lint.textio import read_document

    config = Config({"select": convert("select", a.select.split(","))} if a.select else {})
    rules = selected_rules(config)
    best: dict[str, tuple[float, int | None]] = {}

    def measure(name: str, fn) -> None:
        if a.mem:
            tracemalloc.start()
        t = clock()
        n = fn()
        value = clock() - t
        if a.mem:
            value = tracemalloc.get_traced_memory()[1] / 1e6
            tracemalloc.stop()
        if name not in best or value < best[name][0]:
            best[name] = (value, n)

    for _ in range(1 if a.mem else max(1, a.rounds)):
        doc = read_document(a.file, a.file)
        for part in ("paragraphs", "sentences", "words"):
            measure(f"Document.{part}", lambda: getattr(doc, part) and None)
        for r in rules:
            if r.corpus:
                measure(f"{r.code} collect", lambda: doc.corpus.__setitem__(r.code, r.merge([r.collect(doc, config)])))
        for r in rules:
            measure(f"{r.code} {r.name}", lambda: sum(1 for _ in r.check(doc, config)))
    total = clock() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{doc.word_count:,} words; total {total:.2f} s; peak RSS {peak} MB")
    unit = "MB" if a.mem else "s"
    for name, (value, n) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        print(f"{value:8.3f} {unit}  {name}" + (f"  ({n} findings)" if n else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
