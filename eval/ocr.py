"""Evaluate the S and O rules on simulated OCR damage over clean news text.

No public-domain scan text with its ground truth ships in a PyPI package we may install, so
this script builds the sample: it takes the clean news fixtures in ``tests/corpus/clean/report-*.txt``
(written for garblint) and damages them with a seeded random confusion model of what OCR does
(look-alike glyphs, digits for letters, long s read as f, lost and extra spaces, line-end
hyphenation, specks read as symbols) plus a share of typing slips. It knows where every
damage is, so it can score:

* recall: damaged spans that some S/O finding overlaps;
* corrected: damaged spans where a suggestion, put in place of the finding, restores the text;
* false findings per 1,000 words on the damaged text (findings that overlap no damage) and
  findings per 1,000 words on the clean originals.

Usage: python eval/ocr.py [--rate 0.05] [--seed 7] [--mode ocr|general] [--rounds 5] [--json]
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.runner import lint_text

ROOT = Path(__file__).resolve().parent.parent
CLEAN = ROOT / "tests" / "corpus" / "clean"

# what was printed -> what the scan gave
GLYPHS = [
    ("m", "rn"), ("d", "cl"), ("h", "li"), ("n", "ii"), ("w", "vv"), ("c", "e"), ("e", "c"),
    ("h", "b"), ("i", "l"), ("l", "1"), ("o", "0"), ("s", "5"), ("s", "f"), ("t", "l"), ("n", "u"),
]
KEYS = {"a": "qsz", "e": "wrd", "i": "uok", "o": "ipl", "n": "bm", "r": "et", "t": "ry", "s": "adw", "l": "kp", "h": "gj"}
JUNK = ["■■%&;", "~^*", "|||~", "¤¦", "%&#@", "*;=:", "■", "▪▪"]
FUNCTION = {"the", "of", "and", "to", "in", "a", "is", "was", "for", "that", "with", "as", "at", "by", "on"}
_WORD = re.compile(r"[a-z]+")


def damage(text: str, rate: float, rng: random.Random) -> tuple[str, list[dict]]:
    """The damaged text and the gold list: span in the damaged text, kind and original text."""
    out: list[str] = []
    gold: list[dict] = []
    pos = 0  # position in the output
    last = 0
    words = list(re.finditer(r"[A-Za-z]+", text))
    i = 0
    while i < len(words):
        m = words[i]
        w = m.group()
        if rng.random() >= rate or not w.islower() or len(w) < 3:
            i += 1
            continue
        kind = rng.choices(
            ["glyph", "digit", "typo", "join", "split", "hyphen", "junk"], weights=[30, 10, 15, 12, 8, 10, 8]
        )[0]
        a, b = m.start(), m.end()
        orig = w
        new = None
        if kind in ("glyph", "digit"):
            options = [(k, v) for k, v in GLYPHS if k in w and (kind == "digit") == v.isdigit()]
            if options:
                k, v = rng.choice(options)
                idx = [j for j in range(len(w)) if w.startswith(k, j)]
                j = rng.choice(idx)
                new = w[:j] + v + w[j + len(k) :]
        elif kind == "typo":
            idx = [j for j, ch in enumerate(w) if ch in KEYS]
            if idx:
                j = rng.choice(idx)
                new = w[:j] + rng.choice(KEYS[w[j]]) + w[j + 1 :]
        elif kind == "join" and i + 1 < len(words) and w in FUNCTION and text[b : words[i + 1].start()] == " ":
            nxt = words[i + 1]
            if nxt.group().islower():
                b = nxt.end()
                orig = text[a:b]
                new = w + nxt.group()
        elif kind == "split" and len(w) >= 8:
            j = rng.randint(3, len(w) - 3)
            new = w[:j] + " " + w[j:]
        elif kind == "hyphen" and len(w) >= 7:
            j = rng.randint(2, len(w) - 3)
            new = w[:j] + rng.choice(["- ", "-\n"]) + w[j:]
        elif kind == "junk":
            # a speck read as symbols after the word
            junk = rng.choice(JUNK)
            out.append(text[last:b])
            pos += b - last
            out.append(" " + junk)
            gold.append({"start": pos + 1, "end": pos + 1 + len(junk), "kind": kind, "expect": ""})
            pos += 1 + len(junk)
            last = b
            i += 1
            continue
        if new is None or new == orig:
            i += 1
            continue
        out.append(text[last:a])
        pos += a - last
        gold.append({"start": pos, "end": pos + len(new), "kind": kind, "expect": orig})
        out.append(new)
        pos += len(new)
        last = b
        i += 2 if kind == "join" else 1
    out.append(text[last:])
    return "".join(out), gold


_WS = re.compile(r"\s+")


def _corrects(text: str, f, g: dict, top_only: bool = False) -> bool:
    """True when a suggestion of ``f`` turns the damaged text back into the original locally."""
    want = _WS.sub(" ", text[: g["start"]] + g["expect"] + text[g["end"] :])
    for s in f.suggestions[:1] if top_only else f.suggestions:
        if _WS.sub(" ", text[: f.start] + s.replacement + text[f.end :]) == want:
            return True
    return False


def evaluate(rate: float, seed: int, mode: str, rounds: int) -> dict:
    cfg = Config({"select": ["S", "O"], "mode": mode})
    texts = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("report-*.txt"))]
    clean_words = sum(Document(t).word_count for t in texts)
    clean_findings = sum(len(lint_text(t, cfg)) for t in texts)
    rng = random.Random(seed)
    n_gold = caught = corrected = top1 = false = words = 0
    missed: list[str] = []
    by_kind: Counter = Counter()
    caught_kind: Counter = Counter()
    codes: Counter = Counter()
    for _ in range(rounds):
        for t in texts:
            noisy, gold = damage(t, rate, rng)
            words += Document(noisy).word_count
            findings = lint_text(noisy, cfg)
            for f in findings:
                codes[f.code] += 1
                if not any(g["start"] < f.end and f.start < g["end"] for g in gold):
                    false += 1
            for g in gold:
                n_gold += 1
                by_kind[g["kind"]] += 1
                hits = [f for f in findings if f.start < g["end"] and g["start"] < f.end]
                if hits:
                    caught += 1
                    caught_kind[g["kind"]] += 1
                    if any(_corrects(noisy, f, g) for f in hits):
                        corrected += 1
                    if any(_corrects(noisy, f, g, top_only=True) for f in hits):
                        top1 += 1
                else:
                    missed.append(f"{g['kind']}: {noisy[g['start']:g['end']]!r} (was {g['expect']!r})")
    return {
        "mode": mode,
        "rate": rate,
        "seed": seed,
        "damaged_spans": n_gold,
        "recall": round(caught / max(1, n_gold), 3),
        "corrected_any_suggestion": round(corrected / max(1, n_gold), 3),
        "corrected_top_suggestion": round(top1 / max(1, n_gold), 3),
        "missed_examples": missed[:25],
        "recall_by_kind": {k: f"{caught_kind[k]}/{by_kind[k]}" for k in sorted(by_kind)},
        "false_findings_per_1000_words": round(false * 1000 / max(1, words), 2),
        "findings_per_1000_words": round(sum(codes.values()) * 1000 / max(1, words), 2),
        "clean_findings_per_1000_words": round(clean_findings * 1000 / max(1, clean_words), 2),
        "findings_by_code": dict(sorted(codes.items())),
        "words": words,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rate", type=float, default=0.05, help="share of lower-case words damaged")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--mode", choices=["ocr", "general", "both"], default="both")
    ap.add_argument("--rounds", type=int, default=5, help="damaged copies of each text")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list missed damage")
    args = ap.parse_args(argv)
    modes = ["general", "ocr"] if args.mode == "both" else [args.mode]
    results = [evaluate(args.rate, args.seed, m, args.rounds) for m in modes]
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            print(f"mode={r['mode']} rate={r['rate']} seed={r['seed']} words={r['words']} damaged spans={r['damaged_spans']}")
            print(f"  recall {r['recall']:.1%}  corrected (any suggestion) {r['corrected_any_suggestion']:.1%}"
                  f"  (top suggestion) {r['corrected_top_suggestion']:.1%}")
            print(f"  recall by kind {r['recall_by_kind']}")
            print(f"  findings/1000 words {r['findings_per_1000_words']}  false findings/1000 words {r['false_findings_per_1000_words']}"
                  f"  clean text findings/1000 words {r['clean_findings_per_1000_words']}")
            print(f"  by code {r['findings_by_code']}")
            if args.verbose:
                print("  missed: " + "; ".join(r["missed_examples"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
