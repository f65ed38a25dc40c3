"""B001-B003's fast paths against the plain forms they stand for, on generated texts."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from garblint.lint.document import Document
from garblint.rules import _bphrases as BP
from garblint.rules import boilerplate as B

_PIECES = [
    "The council met on Tuesday and voted",
    "to close the old bridge",
    "for repairs.",
    "Home",
    "News",
    "a",
    "It rained.",
    "\u201cNo,\u201d she said.",
    "x" * 45,
    "y" * 39,
    "z" * 40,
    "end?\u201d",
    "(so.)",
    "- item",
    "\u2022 Item",
    "# Top",
    "\u2019tis",
    "caf\u00e9",
    "\uff21\uff22",
    "\u2026",
    "!]",
    "\u00a0",
    "\t",
    " ",
    "  ",
    "\u3000",
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\x0b",
    "\u2028",
    "\n \n",
]


def _norm_keep_plain(s: str) -> str:
    """_norm_keep as its docstring defines it."""
    s = unicodedata.normalize("NFKC", s).translate(BP._APOS).casefold()
    return re.sub(r"\s+", " ", re.sub(r"^[\s\-*\u2022\u25cf\u25aa\u25ba\u203a\u00bb>|#]+", "", s)).strip()


def _wrapped_plain(lines: list[str]) -> bool:
    broken = sum(1 for t in lines[:-1] if len(t) >= 40 and not B._ends_sentence(t))
    return broken * 2 >= len(lines) - 1


@pytest.mark.parametrize("seed", range(4))
def test_units_and_their_tests_equal_the_plain_forms(seed):
    """A unit's sentence end, its normalised text, and the wrapped-prose decision on its lines
    (counted until the answer is known) are what the plain forms give."""
    rng = random.Random(seed)
    for _ in range(80):
        paras = []
        for _ in range(rng.randrange(1, 6)):
            paras.append("".join(rng.choice(_PIECES) + rng.choice(["\n", " ", "\n", "  \n", ""]) for _ in range(rng.randrange(1, 12))))
        doc = Document("\n\n".join(paras))
        for u in B._units(doc):
            assert u.punct == B._ends_sentence(u.text)
            head = u.text if u.words <= B.CONTAINS_MAX_WORDS or len(u.text) <= B.NORM_HEAD else u.text[: B.NORM_HEAD]
            assert u.norm == _norm_keep_plain(head)
        for p in doc.paragraphs:
            lines = list(filter(None, map(str.strip, p.text.splitlines())))
            assert B._wrapped_lines(lines) == _wrapped_plain(lines)
            assert B._wrapped_lines(lines[:1]) and B._wrapped_lines([])


def test_norm_keep_of_untrimmed_texts_equals_the_plain_form():
    rng = random.Random(27)
    for _ in range(3000):
        s = "".join(rng.choice(_PIECES) + rng.choice(["\n", " ", ""]) for _ in range(rng.randrange(0, 6)))
        assert BP._norm_keep(s) == _norm_keep_plain(s)


_DASH_PIECES = [
    "A",
    "b",
    "a b",
    "Cd, ef",
    " (x, y) ",
    ",  z",
    ", -",
    ",\t-",
    "( - )",
    "LONDON",
    " ",
    "  ",
    ".",
    "'",
    "\u2019",
    "-",
    "--",
    "\u2013",
    "\u2014",
    ",",
    ", ",
    "(",
    ")",
    "(AP)",
    "30",
    "-30-",
    "\t",
    "\n",
    "\u00a0",
    "x_y",
    "1",
    ";",
    "\u0131",
    "\u017f",
    "\u212a",
    "\u00e9",
    "Q",
    "\u201c",
]


def test_dashed_dateline_test_equals_the_regex():
    """_dashed (the run of letters, then the tail tried where it can start) answers as the
    whole _LEGIT_DASHED pattern does."""
    rng = random.Random(21)
    for _ in range(20000):
        t = "".join(rng.choice(_DASH_PIECES) for _ in range(rng.randrange(0, 14)))
        assert B._dashed(t) == (B._LEGIT_DASHED.match(t) is not None), t


def test_digit_count_equals_findall():
    from garblint.rules import _pageshape as P

    rng = random.Random(7)
    pieces = ["1", "42", "2021", "a", "word", " ", ".", "\u0663", "\uff15", "\u00e9", "-", "\u00bd", "\u00b2"]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert P._digit_count(t) == len(P._NUMERIC.findall(t)), t
