"""Score the S and O rules on the spelling category of the WMT23 zh-en MQM development set.

Reads ``../shared/eval/wmt23-zhen-mqm-dev.jsonl`` (see its README; never copied into the
project). A gold span is caught when an S/O finding's span overlaps it. ``needs-source``
spans are left out. Reports recall on all spelling spans and on the high-agreement subset
(``n_raters_overlap >= 2``), and findings per 1,000 words overall, by rule and by system.
Most "spelling" spans in this set are capitalisation and wording choices of fluent MT output,
which S/O (non-word detectors) are not meant to catch: the useful number here is the
false-alarm rate on fluent, professionally reviewed English.

Usage: python eval/spelling_wmt.py [--data PATH] [--mode general|ocr] [--json] [-v]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GARBLINT_SHARED", ROOT.parent / "shared"))
DEFAULT = SHARED / "eval" / "wmt23-zhen-mqm-dev.jsonl"


def evaluate(path: Path, mode: str) -> dict:
    cfg = Config({"select": ["S", "O"], "mode": mode})
    words = 0
    gold = gold_hi = caught = caught_hi = 0
    flagged_other_categories = 0
    codes: Counter = Counter()
    per_system_words: Counter = Counter()
    per_system_findings: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        text = d["text"]
        n = Document(text).word_count
        words += n
        per_system_words[d["system"]] += n
        findings = lint_text(text, cfg)
        per_system_findings[d["system"]] += len(findings)
        spans = [s for s in d["spans"] if s["category"] != "needs-source"]
        for f in findings:
            codes[f.code] += 1
            hit = [s for s in spans if s["start"] < f.end and f.start < s["end"]]
            if hit and all(s["category"] != "spelling" for s in hit):
                flagged_other_categories += 1
            if len(examples[f.code]) < 15:
                sugg = f.suggestions[0].replacement if f.suggestions else ""
                examples[f.code].append(f"{f.text!r}->{sugg!r}{' [gold]' if hit else ''}")
        for s in spans:
            if s["category"] != "spelling":
                continue
            hi = s.get("n_raters_overlap", 1) >= 2
            gold += 1
            gold_hi += hi
            if any(s["start"] < f.end and f.start < s["end"] for f in findings):
                caught += 1
                caught_hi += hi
    return {
        "mode": mode,
        "words": words,
        "spelling_spans": gold,
        "recall": round(caught / max(1, gold), 3),
        "spelling_spans_agreed": gold_hi,
        "recall_agreed": round(caught_hi / max(1, gold_hi), 3),
        "findings": sum(codes.values()),
        "findings_per_1000_words": round(sum(codes.values()) * 1000 / max(1, words), 2),
        "findings_on_other_gold_categories": flagged_other_categories,
        "by_code": dict(sorted(codes.items())),
        "per_system_findings_per_1000_words": {
            k: round(per_system_findings[k] * 1000 / max(1, per_system_words[k]), 2) for k in sorted(per_system_words)
        },
        "examples": dict(examples),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--mode", choices=["general", "ocr"], default="general")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="print example findings")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"spelling_wmt: {args.data}: no such file (the evaluation data lives in ../shared/eval)", file=sys.stderr)
        return 2
    r = evaluate(args.data, args.mode)
    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    print(f"WMT23 zh-en MQM dev, spelling category, mode={r['mode']}, {r['words']} words")
    print(f"  recall {r['recall']:.1%} of {r['spelling_spans']} spans; {r['recall_agreed']:.1%} of {r['spelling_spans_agreed']} with >= 2 raters")
    print(f"  findings {r['findings']} = {r['findings_per_1000_words']} per 1,000 words {r['by_code']}")
    print(f"  findings on spans of other gold categories: {r['findings_on_other_gold_categories']}")
    print(f"  per system (findings/1000 words): {r['per_system_findings_per_1000_words']}")
    if args.verbose:
        for code, ex in r["examples"].items():
            print(f"  {code}: " + ", ".join(ex))
    return 0


if __name__ == "__main__":
    sys.exit(main())
