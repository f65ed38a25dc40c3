"""Benchmark: the structural and garble rule families (B001, D001, D002, G001-G005, R002).

Builds the Document once per round (paragraphs, sentences, words and line starts computed
before the clock starts, as other rules share them), runs only these rules in order and prints
the best time of each over the rounds; with --mem, one round under tracemalloc and each rule's
peak of Python allocations instead.

    python bench/corpus.py /tmp/bc 200000
    python bench/bench_structural.py /tmp/bc/big.txt [CODES] [--rounds N] [--mem]
"""
from __future__ import annotations

import argparse
import gc
import time
import tracemalloc

from garblint.lint.config import Config
from garblint.lint.runner import selected_rules
from garblint.lint.textio import read_document

CODES = "B001,D001,D002,G001,G002,G003,G004,G005,R002"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path")
    ap.add_argument("codes", nargs="?", default=CODES)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--mem", action="store_true", help="tracemalloc peak per rule (one slow round)")
    args = ap.parse_args()
    codes = args.codes.split(",")
    cfg = Config()
    rules = {r.code: r for r in selected_rules(cfg)}
    best: dict[str, tuple[float, int, float]] = {}
    for _ in range(1 if args.mem else args.rounds):
        doc = read_document(args.path, args.path)
        for attr in ("paragraphs", "sentences", "words", "line_starts"):
            getattr(doc, attr)
        gc.collect()
        for code in codes:
            if args.mem:
                tracemalloc.start()
            t = time.perf_counter()
            n = sum(1 for _ in rules[code].check(doc, cfg))
            d = time.perf_counter() - t
            peak = 0.0
            if args.mem:
                peak = tracemalloc.get_traced_memory()[1] / 1e6
                tracemalloc.stop()
            if code not in best or d < best[code][0]:
                best[code] = (d, n, peak)
    total = 0.0
    for code in codes:
        d, n, peak = best[code]
        total += d
        print(f"{code} {peak:.1f} MB peak, {n} findings" if args.mem else f"{code} {d:.3f} s, {n} findings")
    if not args.mem:
        print(f"total {total:.3f} s")


if __name__ == "__main__":
    main()
