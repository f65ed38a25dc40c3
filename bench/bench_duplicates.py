"""Benchmark: the D rules (and R002) must stay linear in the number of paragraphs.

Builds synthetic articles of N paragraphs (random words, with some exact, near and truncated
copies of earlier paragraphs) and times D001, D002 and R002 on each. Ten times the paragraphs
should cost about ten times the time. Run: python bench/bench_duplicates.py [N ...]
"""
from __future__ import annotations

import random
import sys
import time

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.rule import get_rule

WORDS = (
    "the council city vote said officials report minister harbour ferry bridge budget plan "
    "school board police river market prices workers union talks week month year people "
    "would could after before during against between about under over into from with"
).split()


def make_text(n_paras: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    paras: list[str] = []
    for i in range(n_paras):
        r = rng.random()
        if paras and r < 0.03:
            paras.append(rng.choice(paras))  # exact copy
        elif paras and r < 0.06:
            src = list(rng.choice(paras))
            for _ in range(3):
                k = rng.randrange(len(src))
                src[k] = rng.choice("abcdefghij")
            paras.append("".join(src))  # near copy
        elif paras and r < 0.08:
            src = rng.choice(paras)
            paras.append(src[: int(len(src) * 0.8)])  # truncated copy
        else:
            n = rng.randint(15, 60)
            sents = []
            while n > 0:
                k = min(n, rng.randint(6, 20))
                words = [rng.choice(WORDS) for _ in range(k)]
                words[0] = words[0].capitalize()
                sents.append(" ".join(words) + ".")
                n -= k
            paras.append(" ".join(sents))
    return "\n\n".join(paras) + "\n"


def time_rules(text: str, codes: list[str], repeat: int = 3) -> float:
    config = Config({"select": codes})
    rules = [get_rule(c)() for c in codes]
    best = float("inf")
    for _ in range(repeat):
        doc = Document(text)
        doc.paragraphs, doc.sentences, doc.words  # shared structure, not the rules' cost
        t0 = time.perf_counter()
        n = 0
        for r in rules:
            n += sum(1 for _ in r.check(doc, config))
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [500, 5000, 50000]
    prev = prev_r = None
    print(f"{'paragraphs':>10} {'words':>9} {'D001+D002 s':>12} {'R002 s':>8} {'ratio D':>8} {'ratio R':>8}")
    for n in sizes:
        text = make_text(n)
        d = time_rules(text, ["D001", "D002"])
        r = time_rules(text, ["R002"])
        ratio = f"{d / prev:8.1f}" if prev else f"{'':>8}"
        ratio_r = f"{r / prev_r:8.1f}" if prev_r else f"{'':>8}"
        print(f"{n:>10} {len(text.split()):>9} {d:>12.3f} {r:>8.3f} {ratio} {ratio_r}")
        prev, prev_r = d, r


if __name__ == "__main__":
    main(sys.argv[1:])
