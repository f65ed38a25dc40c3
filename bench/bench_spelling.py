"""Benchmark: S/O analysis of 1,000 unknown words with ranked suggestions.

Builds a text of 1,000 distinct non-words (seeded random keyboard and OCR edits of common
words, each in a short sentence of known words), then times, in this order:

1. the one-off near-word tables (``nearwords._tables()``: word order, words by length; the
   SymSpell delete index is no longer built, see lint/nearwords.py),
2. linting the text with the S and O rules, caches cleared (every word looked up afresh),
3. a clean text of the same length (the common path: dict look-ups only).

Usage: python bench/bench_spelling.py [--words 1000] [--seed 3] [--repeat 3]
"""
from __future__ import annotations

import argparse
import random
import sys
import time

from garblint.lint import lexicon, nearwords
from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.runner import lint_text
from garblint.rules import _lexcheck


def make_words(n: int, seed: int) -> list[str]:
    freqs = lexicon.frequencies()
    common = [w for w, _ in sorted(freqs.items(), key=lambda kv: -kv[1])[:20000] if w.isalpha() and 5 <= len(w) <= 10]
    rng = random.Random(seed)
    subs = "abcdefghijklmnopqrstuvwxyz"
    out: list[str] = []
    seen: set[str] = set()
    while len(out) < n:
        w = rng.choice(common)
        i = rng.randrange(len(w))
        op = rng.random()
        if op < 0.4:
            t = w[:i] + rng.choice(subs) + w[i + 1 :]
        elif op < 0.6 and i + 1 < len(w):
            t = w[:i] + w[i + 1] + w[i] + w[i + 2 :]
        elif op < 0.8:
            t = w[:i] + w[i + 1 :]
        else:
            t = w[:i] + rng.choice(subs) + w[i:]
        if t in seen or _lexcheck.accepted_form(t) or _lexcheck.closed_compound(t):
            continue
        seen.add(t)
        out.append(t)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    cfg = Config({"select": ["S", "O"]})

    t0 = time.perf_counter()
    lexicon.frequencies()
    t1 = time.perf_counter()
    nearwords._tables()
    t2 = time.perf_counter()
    print(f"load frequencies: {t1 - t0:.3f} s; near-word tables (once per process): {t2 - t1:.3f} s")

    words = make_words(args.words, args.seed)
    # one unknown word a paragraph, so no paragraph looks like another language
    text = "\n\n".join(f"They said the {w} was there." for w in words)
    clean = "\n\n".join("They said the report was there." for _ in words)
    n_words = Document(text).word_count

    best = float("inf")
    findings = []
    for _ in range(args.repeat):
        _lexcheck.symspell_candidates.cache_clear()
        _lexcheck.accepted_form.cache_clear()
        t = time.perf_counter()
        findings = lint_text(text, cfg)
        best = min(best, time.perf_counter() - t)
    with_sugg = sum(1 for f in findings if f.suggestions)
    print(f"{len(words)} unknown words in {n_words} words of text: {best:.3f} s "
          f"({best / len(words) * 1e3:.3f} ms a word); {len(findings)} findings, {with_sugg} with suggestions")

    best_clean = float("inf")
    for _ in range(args.repeat):
        t = time.perf_counter()
        lint_text(clean, cfg)
        best_clean = min(best_clean, time.perf_counter() - t)
    print(f"clean text of the same length ({Document(clean).word_count} words): {best_clean:.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
