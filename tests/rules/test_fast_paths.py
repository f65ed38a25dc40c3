"""The fast paths of the structural and garble rules give the answers of the code they replaced.

Each reference below is the earlier, slower implementation, kept here verbatim (or nearly) as
the oracle; the property tests run both on many generated inputs full of the cases the fast
paths reason about (repeats, near and truncated copies, odd white space and quotes, case).
"""
from __future__ import annotations

import random
import re
import unicodedata
import zlib

import pytest
from rapidfuzz import fuzz

from garblint.lint.document import Document
from garblint.rules import boilerplate as B
from garblint.rules import duplicates as D
from garblint.rules import repetition as R

# ----------------------------------------------------------------- R002 loops


def _old_repetition_loops(doc) -> list[tuple[int, int, int]]:
    words = doc.words
    text = doc.text
    n = len(words)
    low = [w.text.casefold() for w in words]
    gaps = [R.OTHER]
    for i in range(1, n):
        g = text[words[i - 1].end : words[i].start]
        gaps.append(R.WS if R._LOOP_GAP.fullmatch(g) else R.COMMA if R._COMMA_GAP.fullmatch(g) else R.OTHER)
    ws_run = [0] * (n + 1)
    for i in range(n - 2, -1, -1):
        ws_run[i] = ws_run[i + 1] + 1 if gaps[i + 1] == R.WS else 0
    found = []
    taken = [False] * n
    for size in range(R.MAX_PHRASE, 0, -1):
        i = 0
        while i + 3 * size <= n:
            if low[i] != low[i + size] or low[i] != low[i + 2 * size] or ws_run[i] < size - 1:
                i += 1
                continue
            copies = R._count(low, gaps, i, size, False)
            if copies < 3 and size > 1:
                c = R._count(low, gaps, i, size, True)
                if c >= 3 and (size >= R.COMMA_MIN_WORDS or c >= R.COMMA_MIN_COPIES):
                    copies = c
            if copies >= 3 and not any(taken[i : i + copies * size]):
                phrase = low[i : i + size]
                if not (size == 1 and (phrase[0] in R.LEGIT_TRIPLES or not phrase[0].isalpha())) and R._minimal(phrase):
                    found.append((i, size, copies))
                    for k in range(i, i + copies * size):
                        taken[k] = True
                    i += copies * size
                    continue
            i += max(1, (copies - 2) * size)
    found.sort()
    return found


_LOOP_VOCAB = "the new phone a b no ha very rules parking The NEW Phone STRASSE straße 3 x".split()
_LOOP_GAPS = [" ", " ", " ", " ", ", ", "; ", "\n", " \n ", ". ", " - ", "  ", "\t"]


def _loop_text(rng: random.Random) -> str:
    out: list[str] = []
    for _ in range(rng.randrange(5, 120)):
        r = rng.random()
        if r < 0.25:  # a loop: a phrase said several times
            phrase = [rng.choice(_LOOP_VOCAB) for _ in range(rng.randrange(1, 14))]
            sep = rng.choice([" ", " ", ", ", "\n", ". "])
            for c in range(rng.randrange(2, 7)):
                copy = [w.upper() if rng.random() < 0.1 else w for w in phrase]
                if rng.random() < 0.1 and len(copy) > 1:
                    copy[rng.randrange(len(copy))] = rng.choice(_LOOP_VOCAB)
                out.append(" ".join(copy))
                out.append(sep)
        else:
            out.append(rng.choice(_LOOP_VOCAB))
            out.append(rng.choice(_LOOP_GAPS))
    return "".join(out)


@pytest.mark.parametrize("seed", range(400))
def test_repetition_loops_same_as_the_old_scan(seed):
    doc = Document(_loop_text(random.Random(seed)))
    assert R.repetition_loops(doc) == _old_repetition_loops(doc)


def test_repetition_loops_long_runs():
    for text in ("the " * 3000, "a b " * 2000 + "c", ("one two three, " * 500) + "four", "no " * 7 + "very " * 9):
        doc = Document(text)
        assert R.repetition_loops(doc) == _old_repetition_loops(doc)
