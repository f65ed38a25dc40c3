"""Benchmark: name clustering stays near-linear.

Generates N distinct synthetic surnames (random syllables, fixed seed) plus a damaged variant of
every tenth one, then times:

1. ``cluster_spellings`` on all of them (blocked comparisons, no all-pairs);
2. the N rules on one synthetic document in which 2,000 people are introduced by full name
   and mentioned again by surname.

Run: ``python bench/bench_names.py [N]`` (default 10,000).
"""
from __future__ import annotations

import random
import sys
import time

from garblint.lint.config import Config
from garblint.lint.runner import lint_text
from garblint.rules._mentions import cluster_spellings

ONSETS = "b br d dr f fl g gr h k kl l m n p pr r s sk st t tr v w z sh ch".split()
VOWELS = "a e i o u ai ou ei ia".split()
CODAS = ["", "n", "r", "l", "s", "k", "m", "nd", "rt"]
SYLLABLES = [o + v + c for o in ONSETS for v in VOWELS for c in CODAS]


def make_names(n: int, rng: random.Random) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    while len(out) < n:
        s = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


def damage(s: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(s))
    return s[:i] + s[i + 1 :] if rng.random() < 0.5 else s[:i] + s[i - 1] + s[i:]


def main(n: int = 10_000) -> None:
    rng = random.Random(7)
    names = make_names(n, rng)
    variants = [damage(names[i], rng) for i in range(0, n, 10)]
    spellings = names + variants
    t0 = time.perf_counter()
    groups = cluster_spellings(spellings)
    t1 = time.perf_counter()
    multi = sum(1 for g in groups if len(g) > 1)
    print(f"cluster_spellings: {len(spellings):,} spellings ({n:,} distinct names + {len(variants):,} variants) "
          f"in {t1 - t0:.2f} s; {len(groups):,} groups, {multi:,} with more than one spelling")

    people = names[:2000]
    firsts = make_names(2000, random.Random(11))
    paras = []
    for k, s in enumerate(people):
        paras.append(f"Delegate {firsts[k]} {s} spoke on day {k % 30 + 1}. {s} said the vote was close.")
    text = "\n\n".join(paras)
    t2 = time.perf_counter()
    findings = lint_text(text, Config({"select": ["N"]}))
    t3 = time.perf_counter()
    words = len(text.split())
    print(f"N rules on one document: {len(people):,} people, {words:,} words in {t3 - t2:.2f} s; {len(findings)} findings "
          "(people with close names who share a close first name too are reported as one)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
