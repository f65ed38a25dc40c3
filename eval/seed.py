"""Score garblint on the seed article: which gold corruptions are caught and corrected.

    python eval/seed.py [--names] [--select CODES] [--corpus ../shared/corpus]

A gold item is caught when a finding's span overlaps it, and corrected when one of that
finding's suggestions, put in place of the finding's span, gives the gold text (for items
whose expected text is null, catching is all there is). Also prints the findings that overlap
no gold item: on this article they are either real problems the gold list leaves out or false
alarms, and a reader should look at each.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from garblint.lint.config import Config, convert
from garblint.lint.runner import lint_text

HERE = Path(__file__).resolve().parent


def gold_span(text: str, item: dict) -> tuple[int, int]:
    occ = item.get("occurrence", 0)
    if "quote" in item:
        q = item["quote"]
        left = r"(?<!\w)" if q[:1].isalnum() else ""
        right = r"(?!\w)" if q[-1:].isalnum() else ""
        return [m.span() for m in re.finditer(left + re.escape(q) + right, text)][occ]
    paras = re.finditer(r"(?m)^(?=\S)(.+?)(?=\n\s*\n|\Z)", text, re.S)
    return [m.span(1) for m in paras if m.group(1).startswith(item["paragraph_starting"])][occ]


def corrected(text: str, f, a: int, b: int, expect: str) -> bool:
    want = text[:a] + expect + text[b:]
    for s in f.suggestions:
        got = text[: f.start] + s.replacement + text[f.end :]
        # a deletion may take the blank line around a block with it: compare ignoring blank runs
        if got == want or re.sub(r"\s+", " ", got).strip() == re.sub(r"\s+", " ", want).strip():
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "corpus"))
    ap.add_argument("--names", action="store_true", help="use seed-names.txt as the names list")
    ap.add_argument("--select", default="ALL")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if not (corpus / "seed-article.txt").is_file():
        print(f"no seed corpus at {corpus}", file=sys.stderr)
        return 2
    text = (corpus / "seed-article.txt").read_text(encoding="utf-8")
    gold = [json.loads(l) for l in (corpus / "seed-gold.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
    values = {"select": convert("select", [args.select])}
    if args.names:
        values["names"] = [str(corpus / "seed-names.txt")]
    findings = lint_text(text, Config(values))
    rows = []
    used = set()
    per_cat = defaultdict(lambda: [0, 0, 0])
    for item in gold:
        if item.get("needs") == "names-list" and not args.names:
            continue
        a, b = gold_span(text, item)
        hits = [f for f in findings if f.start < b and a < f.end or (f.start == f.end and a <= f.start <= b)]
        used.update(id(f) for f in hits)
        caught = bool(hits)
        fixed = item["expect"] is not None and any(corrected(text, f, a, b, item["expect"]) for f in hits)
        cat = item["category"]
        per_cat[cat][0] += 1
        per_cat[cat][1] += caught
        per_cat[cat][2] += fixed
        rows.append((item["id"], cat, caught, fixed if item["expect"] is not None else None, sorted({f.code for f in hits})))
    extra = [f for f in findings if id(f) not in used]
    words = len(re.findall(r"\w+", text))
    if args.json:
        print(json.dumps({"items": rows, "per_category": per_cat, "unmatched": [(f.code, f.text) for f in extra]}, indent=1))
        return 0
    print(f"{'id':<5} {'category':<12} caught corrected codes")
    for gid, cat, caught, fixed, codes in rows:
        print(f"{gid:<5} {cat:<12} {'yes' if caught else 'NO':<6} {'-' if fixed is None else ('yes' if fixed else 'no'):<9} {','.join(codes)}")
    total = sum(v[0] for v in per_cat.values())
    print(f"\ncaught {sum(v[1] for v in per_cat.values())}/{total}; corrected {sum(v[2] for v in per_cat.values())} "
          f"of {sum(1 for r in rows if r[3] is not None)} with a known correction")
    for cat, (n, c, fx) in sorted(per_cat.items()):
        print(f"  {cat:<12} caught {c}/{n} corrected {fx}")
    print(f"\nfindings overlapping no gold item: {len(extra)} ({1000 * len(extra) / words:.1f} per 1,000 words)")
    for f in extra:
        print(f"  {f.code} {f.text[:60]!r}: {f.message[:90]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
