"""Score the S and O rules on the misspellings of learner English (JFLEG dev).

Reads ``../shared/eval/jfleg-dev.jsonl`` (see its README; never copied into the project).
Gold: the ``spelling-like`` spans that at least ``--min-refs`` (default 3) of the four
annotators fixed the same way (the high-agreement subset). A span is caught when an S or O
finding overlaps it (S001 unknown words, S005 confused words, the O rules); the first
suggestion is right when it equals the annotators' correction (case-insensitive). Sentences are tokenised (spaces before punctuation are the corpus's
convention), so only S/O findings are counted. Also reports the S/O findings that overlap no
gold span of any kind (mostly correct words the rules doubted) per 1,000 words.

Usage: python eval/jfleg.py [--data PATH] [--mode general|ocr] [--min-refs 3] [--json] [-v]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent
# ../shared next to the checkout (or next to its worktree folder)
SHARED = Path(
    os.environ.get("GARBLINT_SHARED")
    or next((p / "shared" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared").is_dir()), ROOT.parent / "shared")
)
DEFAULT = SHARED / "eval" / "jfleg-dev.jsonl"


def evaluate(path: Path, mode: str = "general", min_refs: int = 3) -> dict:
    cfg = Config({"select": ["S001", "S005", "O"], "mode": mode})  # S002: the corpus writes "do n't" by convention
    words = gold = caught = first_right = any_right = 0
    codes: Counter = Counter()
    unmatched = 0
    missed: list[str] = []
    wrong: list[str] = []
    doubted: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        text = d["text"]
        words += Document(text).word_count
        findings = lint_text(text, cfg)
        for f in findings:
            codes[f.code] += 1
            if not any(s["start"] < f.end and f.start < s["end"] for s in d["spans"]):
                unmatched += 1
                sugg = f.suggestions[0].replacement if f.suggestions else ""
                doubted.append(f"{f.code} {f.text!r}->{sugg!r}")
        for s in d["spans"]:
            if s["kind"] != "spelling-like" or s["n_refs_same_edit"] < min_refs:
                continue
            gold += 1
            hits = [f for f in findings if s["start"] < f.end and f.start < s["end"]]
            if not hits:
                missed.append(f"{s['text']!r}->{s['correction']!r}")
                continue
            caught += 1
            want = s["correction"].lower()
            suggs = [g.replacement.lower() for f in hits for g in f.suggestions]
            if suggs and suggs[0] == want:
                first_right += 1
            else:
                wrong.append(f"{s['text']!r}->{s['correction']!r} got {suggs[:3]}")
            if want in suggs:
                any_right += 1
    return {
        "mode": mode,
        "min_refs": min_refs,
        "words": words,
        "gold_spans": gold,
        "caught": caught,
        "recall": round(caught / max(1, gold), 3),
        "first_suggestion_right": round(first_right / max(1, caught), 3),
        "first_suggestion_right_of_all_gold": round(first_right / max(1, gold), 3),
        "some_suggestion_right": round(any_right / max(1, caught), 3),
        "findings": sum(codes.values()),
        "by_code": dict(sorted(codes.items())),
        "findings_on_no_gold_span": unmatched,
        "findings_on_no_gold_span_per_1000_words": round(unmatched * 1000 / max(1, words), 2),
        "missed": missed,
        "wrong_first_suggestion": wrong,
        "findings_on_no_gold_span_examples": doubted,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--mode", choices=["general", "ocr"], default="general")
    ap.add_argument("--min-refs", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed spans and wrong suggestions")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"jfleg: {args.data}: no such file (the evaluation data lives in ../shared/eval)", file=sys.stderr)
        return 2
    r = evaluate(args.data, args.mode, args.min_refs)
    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    print(f"JFLEG dev, spelling-like spans with >= {r['min_refs']} annotators agreeing, mode={r['mode']}, {r['words']} words")
    print(f"  recall {r['recall']:.1%} ({r['caught']} of {r['gold_spans']})")
    print(
        f"  first suggestion right {r['first_suggestion_right']:.1%} of caught"
        f" ({r['first_suggestion_right_of_all_gold']:.1%} of all); some suggestion right {r['some_suggestion_right']:.1%}"
    )
    print(
        f"  S/O findings {r['findings']} {r['by_code']}; on no gold span: {r['findings_on_no_gold_span']}"
        f" = {r['findings_on_no_gold_span_per_1000_words']} per 1,000 words"
    )
    if args.verbose:
        print("  missed: " + ", ".join(r["missed"]))
        print("  wrong first suggestion: " + "; ".join(r["wrong_first_suggestion"]))
        print("  findings on no gold span: " + ", ".join(r["findings_on_no_gold_span_examples"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
