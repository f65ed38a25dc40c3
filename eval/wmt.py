"""Evaluate garblint on the WMT23 zh-en MQM development set (../shared/eval).

Runs garblint's Python API (default Config, optionally ``--select``) over every document and
reports:

* recall per gold category: a gold span is caught when any finding's span overlaps it
  (identical spans from several raters count once); also for the ``n_raters_overlap >= 2``
  subset, and which rules caught them;
* false alarms: findings per 1,000 words, per rule and per garblint category, on the
  paragraphs where annotators marked no error that can be seen in the English
  (no span other than ``needs-source``);
* precision-ish: the share of each rule's findings that overlap some gold span (any category
  except needs-source, then any category at all).

Usage::

    python eval/wmt.py [--data PATH] [--select G,U] [--limit N] [--min-confidence X] [--json]

The data is read at run time and never copied into the project.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from garblint.lint.config import Config, ConfigError, convert
from garblint.lint.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent
_REL = Path("eval") / "wmt23-zhen-mqm-dev.jsonl"


def _default_data() -> Path:
    """$GARBLINT_SHARED, else a ``shared`` folder beside the checkout or beside its parent
    (a git worktree sits one level deeper)."""
    if os.environ.get("GARBLINT_SHARED"):
        return Path(os.environ["GARBLINT_SHARED"]) / _REL
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / _REL).is_file():
            return base / "shared" / _REL
    return ROOT.parent / "shared" / _REL


DEFAULT_DATA = _default_data()
CATEGORIES = ("garbled", "garbled-segment", "punctuation", "untranslated", "spelling", "name-variant", "inconsistency")
_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    if a0 == a1:  # an empty finding span (an insertion point) catches the span it touches
        return b0 <= a0 <= b1
    return a0 < b1 and b0 < a1


def load(path: Path, limit: int | None) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise SystemExit(f"{path}: cannot read evaluation data: {exc.strerror or exc}") from None
    rows = []
    for i, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise SystemExit(f"{path}:{i}: invalid JSON: {exc.msg}") from None
        if limit and len(rows) >= limit:
            break
    return rows


def evaluate(rows: list[dict], config: Config, categories: tuple[str, ...] = CATEGORIES) -> dict:
    gold_total: dict[tuple[str, bool], int] = Counter()
    gold_hit: dict[tuple[str, bool], int] = Counter()
    hit_by_rule: dict[str, Counter] = defaultdict(Counter)
    hit_by_category: dict[str, Counter] = defaultdict(Counter)
    clean_words = 0
    total_words = 0
    fa_rule: Counter = Counter()
    fa_cat: Counter = Counter()
    n_rule: Counter = Counter()
    prec_rule: Counter = Counter()
    prec_any_rule: Counter = Counter()
    fa_examples: dict[str, list[str]] = defaultdict(list)
    outside_any = 0
    t0 = time.perf_counter()
    for row in rows:
        text = row["text"]
        findings = lint_text(text, config)
        spans = [s for s in row["spans"] if s.get("start") is not None and s.get("end") is not None]
        # gold, deduplicated across raters
        seen: dict[tuple[int, int, str], int] = {}
        for s in spans:
            key = (s["start"], s["end"], s["category"])
            seen[key] = max(seen.get(key, 0), s.get("n_raters_overlap") or 1)
        for (g0, g1, cat), n_over in seen.items():
            if cat not in categories:
                continue
            hit_findings = [f for f in findings if _overlaps(f.start, f.end, g0, g1)]
            hits = {f.code for f in hit_findings}
            for gcat in {f.category for f in hit_findings}:
                hit_by_category[cat][gcat] += 1
            for strong in (False, True):
                if strong and n_over < 2:
                    continue
                gold_total[(cat, strong)] += 1
                if hits:
                    gold_hit[(cat, strong)] += 1
            for code in hits:
                hit_by_rule[cat][code] += 1
        visible = [(s["start"], s["end"]) for s in spans if s["category"] != "needs-source"]
        every = [(s["start"], s["end"]) for s in spans]
        for f in findings:
            n_rule[f.code] += 1
            if any(_overlaps(f.start, f.end, a, b) for a, b in visible):
                prec_rule[f.code] += 1
            if any(_overlaps(f.start, f.end, a, b) for a, b in every):
                prec_any_rule[f.code] += 1
            else:
                outside_any += 1
        # clean paragraphs: no visible error span inside
        for p in row.get("paragraphs", []):
            p0, p1 = p["start"], p["end"]
            nw = len(_WORD.findall(text[p0:p1]))
            total_words += nw
            if any(_overlaps(a, b, p0, p1) for a, b in visible):
                continue
            clean_words += nw
            for f in findings:
                if p0 <= f.start < p1:
                    fa_rule[f.code] += 1
                    fa_cat[f.category] += 1
                    if len(fa_examples[f.code]) < 5:
                        fa_examples[f.code].append(text[max(p0, f.start - 40) : f.start] + "[[" + f.text + "]]" + text[f.end : f.end + 30])
    return {
        "documents": len(rows),
        "words": total_words,
        "clean_words": clean_words,
        "seconds": round(time.perf_counter() - t0, 1),
        "recall": {
            cat: {
                "all": [gold_hit[(cat, False)], gold_total[(cat, False)]],
                "raters>=2": [gold_hit[(cat, True)], gold_total[(cat, True)]],
                "by_rule": dict(hit_by_rule[cat].most_common()),
                "by_garblint_category": dict(hit_by_category[cat].most_common()),
            }
            for cat in categories
        },
        "false_alarms_per_1000": {
            "by_rule": {c: round(1000 * n / max(1, clean_words), 2) for c, n in sorted(fa_rule.items())},
            "by_category": {c: round(1000 * n / max(1, clean_words), 2) for c, n in sorted(fa_cat.items())},
            "total": round(1000 * sum(fa_rule.values()) / max(1, clean_words), 2),
        },
        "outside_any_gold_per_1000_all_words": round(1000 * outside_any / max(1, total_words), 2),
        "false_alarm_counts": dict(sorted(fa_rule.items())),
        "findings": dict(sorted(n_rule.items())),
        "precision_visible": {c: round(prec_rule[c] / n, 2) for c, n in sorted(n_rule.items())},
        "precision_any_span": {c: round(prec_any_rule[c] / n, 2) for c, n in sorted(n_rule.items())},
        "false_alarm_examples": dict(fa_examples),
    }


def _pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.0f}%)" if b else "0/0"


def print_report(res: dict, show_examples: bool) -> None:
    print(f"documents {res['documents']}, words {res['words']}, words in error-free paragraphs {res['clean_words']}, {res['seconds']} s")
    print("\nRecall per gold category (span caught = any finding overlaps it)")
    print(f"  {'category':16} {'all spans':>16} {'raters>=2':>16}  caught by rule [garblint category]")
    for cat, r in res["recall"].items():
        by = ", ".join(f"{c}:{n}" for c, n in list(r["by_rule"].items())[:6])
        if r["by_garblint_category"]:
            by += "  [" + ", ".join(f"{c}:{n}" for c, n in r["by_garblint_category"].items()) + "]"
        print(f"  {cat:16} {_pct(*r['all']):>16} {_pct(*r['raters>=2']):>16}  {by}")
    fa = res["false_alarms_per_1000"]
    print(f"\nFindings per 1,000 words on error-free paragraphs: {fa['total']}")
    print("  by category: " + ", ".join(f"{c} {v}" for c, v in fa["by_category"].items()))
    print(f"Findings overlapping no gold span at all, per 1,000 words of all text: {res['outside_any_gold_per_1000_all_words']}")
    print(f"\n  {'rule':6} {'findings':>8} {'FA/1k':>6} {'FA n':>5} {'on visible gold':>16} {'on any gold':>12}")
    for code, n in res["findings"].items():
        print(
            f"  {code:6} {n:8} {fa['by_rule'].get(code, 0.0):6} {res['false_alarm_counts'].get(code, 0):5}"
            f" {res['precision_visible'][code]:16} {res['precision_any_span'][code]:12}"
        )
    if show_examples:
        print("\nFalse-alarm examples (error-free paragraphs):")
        for code, exs in res["false_alarm_examples"].items():
            for e in exs:
                print(f"  {code}: {e!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--select", help="rule codes or prefixes, comma-separated (default: the default rules)")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--min-confidence", type=float)
    ap.add_argument("--categories", help=f"gold categories to score, comma-separated (default: {','.join(CATEGORIES)})")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--examples", action="store_true", help="show false-alarm examples")
    args = ap.parse_args(argv)
    values = {}
    try:
        if args.select:
            values["select"] = convert("select", args.select)
        if args.min_confidence is not None:
            values["min-confidence"] = convert("min-confidence", args.min_confidence)
    except ConfigError as exc:
        print(f"wmt.py: {exc}", file=sys.stderr)
        return 2
    if not args.data.is_file():
        print(f"{args.data}: no evaluation data (it lives in ../shared/eval)", file=sys.stderr)
        return 2
    rows = load(args.data, args.limit)
    cats = tuple(c.strip() for c in args.categories.split(",") if c.strip()) if args.categories else CATEGORIES
    res = evaluate(rows, Config(values), cats)
    if args.json:
        print(json.dumps(res, indent=2, ensure_ascii=False))
    else:
        print_report(res, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
