"""Score the S and O rules on real newspaper OCR: BLN600 development articles.

Reads the folder eval/bln600_build.py writes (default /work/data/bln600: ``ID.ocr.txt`` and
``ID.gt.txt``, one aligned sentence a line). Each article's OCR text is linted as one
document (``mode = "ocr"`` by default) and so is its human transcription.

Gold "character confusions": the words of an OCR sentence that a word alignment with its
transcription (difflib over white-space tokens, edge punctuation stripped) pairs one-to-one
with a different transcribed word, where the difference is not only letter case and both
are letters (apostrophes and inner hyphens allowed): "walkiug" for "walking", "tbe" for
"the". Split, joined and dropped words are scored apart (``other edits``). Recall: gold
words an S or O finding overlaps, also given for the lower-case subset (S/O leave
capitalised words, names mostly, alone) and for the "non-word" subset (the OCR form occurs
nowhere in the transcriptions of the whole set: real-word confusions like "Lad" for "had"
cannot be seen without context).

False alarms: S/O findings (warning or above) and all rules' findings per 1,000 words of the
human transcriptions.

Usage: python eval/bln600.py [--data DIR] [--mode ocr|general] [--limit N] [--json] [-v]
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from collections import Counter
from pathlib import Path

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.finding import severity_at_least
from garblint.lint.runner import lint_text

DEFAULT = Path("/work/data/bln600")
_EDGE = "\"'()[]<>.,;:!?\u201c\u201d\u2018\u2019*_-"
_WORDLIKE = re.compile(r"^[^\W\d_]+(?:['\u2019-][^\W\d_]+)*$")


def _norm(w: str) -> str:
    return w.lower().replace("\u2019", "'").replace("\u2018", "'")


def _tokens(line: str, base: int) -> list[tuple[str, int, int]]:
    out = []
    for m in re.finditer(r"\S+", line):
        t = m.group()
        core = t.strip(_EDGE)
        if not core:
            continue
        a = m.start() + (len(t) - len(t.lstrip(_EDGE)))
        out.append((core, base + a, base + a + len(core)))
    return out


def gold_spans(ocr_lines: list[str], gt_lines: list[str]) -> tuple[list[dict], int]:
    """Confusion spans in the joined OCR text; the number of other (split/join/drop) edits."""
    spans: list[dict] = []
    other = 0
    base = 0
    for ocr, gt in zip(ocr_lines, gt_lines):
        a = _tokens(ocr, base)
        b = _tokens(gt, 0)
        sm = difflib.SequenceMatcher(a=[t[0] for t in a], b=[t[0] for t in b], autojunk=False)
        for op, i1, i2, j1, j2 in sm.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for (wa, s, e), (wb, _, _) in zip(a[i1:i2], b[j1:j2]):
                    if _norm(wa) == _norm(wb) or not _WORDLIKE.match(wb) or not _WORDLIKE.match(wa):
                        if _norm(wa) != _norm(wb):
                            other += 1
                        continue
                    spans.append({"start": s, "end": e, "ocr": wa, "gt": wb})
            else:
                other += max(i2 - i1, j2 - j1)
        base += len(ocr) + 1
    return spans, other


def evaluate(data: Path, mode: str = "ocr", limit: int | None = None) -> dict:
    cfg_so = Config({"select": ["S", "O"], "mode": mode})
    cfg_all = Config({"mode": mode})
    ids = sorted(p.name[: -len(".ocr.txt")] for p in data.glob("*.ocr.txt"))
    if limit:
        ids = ids[:limit]
    gt_vocab: set[str] = set()
    articles = []
    for i in ids:
        ocr_lines = (data / f"{i}.ocr.txt").read_text(encoding="utf-8").splitlines()
        gt_lines = (data / f"{i}.gt.txt").read_text(encoding="utf-8").splitlines()
        articles.append((i, ocr_lines, gt_lines))
        for line in gt_lines:
            gt_vocab.update(t[0].lower() for t in _tokens(line, 0))
    gold = caught = gold_lower = caught_lower = gold_nonword = caught_nonword = 0
    right_first = 0
    other_edits = 0
    ocr_findings = 0
    fa_so = fa_all = gt_words = 0
    fa_codes: Counter = Counter()
    fa_examples: list[str] = []
    missed: list[str] = []
    wrong: list[str] = []
    for i, ocr_lines, gt_lines in articles:
        ocr_text = "\n".join(ocr_lines) + "\n"
        spans, other = gold_spans(ocr_lines, gt_lines)
        other_edits += other
        findings = [f for f in lint_text(ocr_text, cfg_so) if severity_at_least(f.severity, "warning")]
        ocr_findings += len(findings)
        for s in spans:
            hit = [f for f in findings if f.start < s["end"] and s["start"] < f.end]
            lower = s["ocr"].islower()
            nonword = s["ocr"].lower() not in gt_vocab
            gold += 1
            gold_lower += lower
            gold_nonword += nonword
            if hit:
                caught += 1
                caught_lower += lower
                caught_nonword += nonword
                sugg = [g.replacement for f in hit for g in f.suggestions]
                if sugg and sugg[0].lower() == s["gt"].lower():
                    right_first += 1
                elif len(wrong) < 60:
                    wrong.append(f"{s['ocr']}->{s['gt']} got {sugg[:2]}")
            elif lower and nonword and len(missed) < 80:
                missed.append(f"{s['ocr']}->{s['gt']}")
        gt_text = "\n".join(gt_lines) + "\n"
        gt_words += Document(gt_text).word_count
        for f in lint_text(gt_text, cfg_all):
            if not severity_at_least(f.severity, "warning"):
                continue
            fa_all += 1
            if f.code[0] in "SO":
                fa_so += 1
                fa_codes[f.code] += 1
                if len(fa_examples) < 80:
                    sugg = f.suggestions[0].replacement if f.suggestions else ""
                    fa_examples.append(f"{f.code} {f.text!r}->{sugg!r}")
            else:
                fa_codes[f.code] += 1
    return {
        "mode": mode,
        "articles": len(articles),
        "confusions": gold,
        "caught": caught,
        "recall": round(caught / max(1, gold), 3),
        "confusions_lower_case": gold_lower,
        "recall_lower_case": round(caught_lower / max(1, gold_lower), 3),
        "confusions_non_word": gold_nonword,
        "recall_non_word": round(caught_nonword / max(1, gold_nonword), 3),
        "first_suggestion_right_of_caught": round(right_first / max(1, caught), 3),
        "other_edits": other_edits,
        "so_findings_on_ocr": ocr_findings,
        "transcription_words": gt_words,
        "fa_so": fa_so,
        "fa_so_per_1000_words": round(fa_so * 1000 / max(1, gt_words), 2),
        "fa_all_per_1000_words": round(fa_all * 1000 / max(1, gt_words), 2),
        "fa_by_code": dict(sorted(fa_codes.items())),
        "fa_examples": fa_examples,
        "missed_lower_non_word": missed,
        "wrong_first_suggestion": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT)
    ap.add_argument("--mode", choices=["general", "ocr"], default="ocr")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (by id)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    if not any(args.data.glob("*.ocr.txt")):
        print(f"bln600: {args.data}: no articles (build them with eval/bln600_build.py)", file=sys.stderr)
        return 2
    r = evaluate(args.data, args.mode, args.limit)
    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    print(f"BLN600 dev, {r['articles']} articles, mode={r['mode']}")
    print(
        f"  character confusions {r['confusions']}: recall {r['recall']:.1%} ({r['caught']}); lower-case {r['recall_lower_case']:.1%}"
        f" of {r['confusions_lower_case']}; non-word {r['recall_non_word']:.1%} of {r['confusions_non_word']}"
    )
    print(
        f"  first suggestion right {r['first_suggestion_right_of_caught']:.1%} of caught; other edits {r['other_edits']};"
        f" S/O findings on OCR {r['so_findings_on_ocr']}"
    )
    print(
        f"  transcriptions {r['transcription_words']} words: S/O {r['fa_so_per_1000_words']} per 1,000 words ({r['fa_so']}),"
        f" all rules {r['fa_all_per_1000_words']} {r['fa_by_code']}"
    )
    if args.verbose:
        print("  false alarms: " + ", ".join(r["fa_examples"]))
        print("  missed (lower-case non-words): " + ", ".join(r["missed_lower_non_word"]))
        print("  wrong first suggestion: " + "; ".join(r["wrong_first_suggestion"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
