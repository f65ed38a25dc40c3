"""P003's no-break-space pairs: ``punctuation._nbsp_pairs`` finds what the pattern it replaced
found (each maximal run of spaces, tabs and no-break spaces holding a no-break space next to a
space or a tab), without that pattern's n * n steps on a long run of spaces."""

from __future__ import annotations

import itertools
import random
import re

import pytest

from garblint.lint.document import Document
from garblint.lint.config import Config
from garblint.rules import punctuation as P

#: the pattern P003 used before (frozen here)
_OLD = re.compile(r"[ \t\u00a0]*(?:[ \t]\u00a0|\u00a0[ \t])[ \t\u00a0]*")
_ALPHABET = ("x", " ", "\t", "\u00a0", "\n", "\u2003")


def _old_pairs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _OLD.finditer(text)]


def test_every_short_text_as_before():
    for n in range(0, 7):
        for chars in itertools.product(_ALPHABET, repeat=n):
            text = "".join(chars)
            assert P._nbsp_pairs(text) == _old_pairs(text), repr(text)


@pytest.mark.parametrize("seed", range(30))
def test_generated_texts_as_before(seed):
    rng = random.Random(seed)
    pieces = ["word", "x", " ", "  ", "\t", "\u00a0", "\u00a0\u00a0", "\n", " \u00a0", "\u00a0 ", ".", "\u202f"]
    for _ in range(40):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
        assert P._nbsp_pairs(text) == _old_pairs(text), repr(text)


def test_long_runs_of_spaces():
    """A long run holding a pair is found whole; long runs without a no-break space are not
    visited (a run as long as a blanked line of code, many times, with one pair in the text)."""
    run = " " * 5000
    text = ("code" + run + "\n") * 40 + "a\u00a0 b" + ("\n" + run + "\u00a0" + run + "x")
    first = text.index("\u00a0")
    second = text.index("\u00a0", first + 1)
    assert P._nbsp_pairs(text) == [(first, first + 2), (second - 5000, second + 5001)]


def test_p003_reports_the_runs():
    text = "One\u00a0 two and three \u00a0\u00a0four, five\u00a0six.\n"
    doc = Document(text)
    found = [(f.start, f.end) for f in P.OddSpacing().check(doc, Config()) if "no-break" in f.message]
    assert found == [(3, 5), (18, 21)]
