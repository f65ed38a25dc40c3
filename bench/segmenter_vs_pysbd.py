"""Compare garblint's sentence segmenter with pysbd on the same paragraphs (speed and agreement).

    pip install pysbd
    python bench/segmenter_vs_pysbd.py [--data ../shared/eval/wmt23-zhen-mqm-dev.jsonl]

garblint uses its own linear segmenter (lint/segment.py) instead of pysbd: this prints the
time of each on the same text, the share of paragraphs both split identically, and examples
of disagreements, so the choice can be re-checked.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from garblint.lint.segment import split_sentences

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(HERE.parent.parent / "shared" / "eval" / "wmt23-zhen-mqm-dev.jsonl"))
    ap.add_argument("--examples", type=int, default=8)
    args = ap.parse_args()
    try:
        import pysbd
    except ImportError:
        print("pysbd is not installed: pip install pysbd", file=sys.stderr)
        return 2
    path = Path(args.data)
    if not path.is_file():
        print(f"no data at {path}", file=sys.stderr)
        return 2
    paras = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            doc = json.loads(line)
            paras.extend(p for p in doc["text"].split("\n\n") if p.strip())
    words = sum(len(p.split()) for p in paras)
    t = time.perf_counter()
    ours = [[p[a:b] for a, b in split_sentences(p)] for p in paras]
    t_ours = time.perf_counter() - t
    seg = pysbd.Segmenter(language="en", clean=False)
    t = time.perf_counter()
    theirs = [[s.strip() for s in seg.segment(p) if s.strip()] for p in paras]
    t_theirs = time.perf_counter() - t
    same = sum(1 for a, b in zip(ours, theirs) if a == b)
    print(f"{len(paras)} paragraphs, {words} words")
    print(f"garblint segmenter: {t_ours:.3f} s ({words / t_ours:,.0f} words/s)")
    print(f"pysbd:              {t_theirs:.3f} s ({words / t_theirs:,.0f} words/s)")
    print(f"identical splits:   {same}/{len(paras)} paragraphs ({100 * same / len(paras):.1f}%)")
    shown = 0
    for a, b in zip(ours, theirs):
        if a != b and shown < args.examples:
            shown += 1
            print("\n  garblint:", a)
            print("  pysbd:   ", b)
    return 0


if __name__ == "__main__":
    sys.exit(main())
