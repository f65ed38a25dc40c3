"""Evaluate the structural rules (D, R002, Q, B) on ../shared: seed recall and MT-news noise.

Reads ../shared/corpus (the seed article and its gold list) and
../shared/eval/wmt23-zhen-mqm-dev.jsonl (MT news with annotated errors) at run time and prints:
seed gold items of categories duplicate/quote/boilerplate caught (a finding of the family
overlaps the gold span), findings per 1,000 words on the MT news, and how many of its
annotated repetition loops ("garbled-segment") R002/D002 catch. Skips what is absent.
Run: python bench/eval_structure.py [SHARED_DIR]
"""
from __future__ import annotations

import collections
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from conftest import gold_span, load_gold  # noqa: E402

from garblint.lint.config import Config  # noqa: E402
from garblint.lint.runner import lint_text  # noqa: E402

FAMILIES = {"duplicate": ("D",), "quote": ("Q",), "boilerplate": ("B",)}
CONFIG = Config({"select": ["D", "Q", "B", "R002"]})


def seed(shared: Path) -> None:
    corpus = shared / "corpus"
    if not (corpus / "seed-article.txt").is_file():
        print("seed: absent")
        return
    text = (corpus / "seed-article.txt").read_text(encoding="utf-8")
    findings = lint_text(text, CONFIG)
    gold = [g for g in load_gold(corpus) if g["category"] in FAMILIES]
    caught = []
    for g in gold:
        a, b = gold_span(text, g)
        if any(f.code.startswith(FAMILIES[g["category"]]) and f.start < b and a < f.end for f in findings):
            caught.append(g["id"])
    unmatched = [
        f for f in findings
        if not any(f.start < gold_span(text, g)[1] and gold_span(text, g)[0] < f.end for g in load_gold(corpus))
    ]
    print(f"seed: {len(caught)}/{len(gold)} structural gold items caught; "
          f"{len(findings)} findings, {len(unmatched)} not on any gold span: "
          f"{[(f.code, f.text[:30]) for f in unmatched]}")


def wmt(shared: Path) -> None:
    path = shared / "eval" / "wmt23-zhen-mqm-dev.jsonl"
    if not path.is_file():
        print("wmt: absent")
        return
    words = 0
    counts: collections.Counter = collections.Counter()
    on_gold: collections.Counter = collections.Counter()
    loops, loops_hit = set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = row["text"]
        words += len(text.split())
        spans = [s for s in row["spans"] if s.get("start") is not None]
        findings = lint_text(text, CONFIG)
        for f in findings:
            counts[f.code] += 1
            if any(s["start"] < f.end and f.start < s["end"] for s in spans):
                on_gold[f.code] += 1
        for s in spans:
            if s["category"] == "garbled-segment":
                key = (row["id"], s["start"], s["end"])
                loops.add(key)
                if any(f.code in ("R002", "D002") and f.start < s["end"] and s["start"] < f.end for f in findings):
                    loops_hit.add(key)
    print(f"wmt: {words} words of MT news")
    for code in sorted(counts):
        print(f"  {code}: {counts[code]} findings ({counts[code] * 1000 / words:.2f} per 1,000 words), "
              f"{on_gold[code]} on an annotated error span")
    print(f"  garbled-segment spans: {len(loops)}, caught by R002/D002: {len(loops_hit)} "
          "(the others are hallucinated sentences, not loops)")


if __name__ == "__main__":
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(os.environ.get("GARBLINT_SHARED", Path(__file__).resolve().parents[2] / "shared"))
    seed(shared)
    wmt(shared)
