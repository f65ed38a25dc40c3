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
from garblint.rules._namesim import cluster_spellings

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
    bench_names_list(names, make_names(n, random.Random(13)))
    print(f"N rules on one document: {len(people):,} people, {words:,} words in {t3 - t2:.2f} s; {len(findings)} findings "
          "(people with close names who share a close first name too are reported as one)")


def bench_names_list(names: list[str], firsts: list[str]) -> None:
    """A 10,000-entry names list: index it and check a document against it."""
    import tempfile
    from pathlib import Path

    entries = [f"{f} {s}" for f, s in zip(firsts, names)]
    with tempfile.TemporaryDirectory() as tmp:
        lst = Path(tmp) / "names.txt"
        lst.write_text("\n".join(entries) + "\n", encoding="utf-8")
        rng = random.Random(5)
        paras = []
        damaged = 0
        for k in range(0, 2000, 10):
            f, s = firsts[k], names[k]
            s2 = damage(s, rng) if k % 20 == 0 else s
            damaged += s2 != s
            paras.append(f"Delegate {f} {s2} spoke on day {k % 30 + 1}. {s2} said the vote was close.")
        text = "\n\n".join(paras)
        t0 = time.perf_counter()
        findings = lint_text(text, Config({"select": ["N"], "names": [str(lst)]}))
        t1 = time.perf_counter()
    n002 = sum(1 for f in findings if f.code == "N002")
    print(f"names list of {len(entries):,} entries, document of {len(paras)} people (half with a damaged surname): "
          f"{t1 - t0:.2f} s including loading the list; {n002} N002 findings "
          f"({2 * damaged} mentions of {damaged} damaged surnames expected)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
