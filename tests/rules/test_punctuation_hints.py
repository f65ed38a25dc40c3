"""P001-P003's pre-tests (``rules/punctuation.py``): a text they pass over holds no match of the
patterns they stand for, so skipping its scan changes nothing. Checked on generated texts of
words, marks, blanks and line breaks, and on the places each pattern matches."""

from __future__ import annotations

import random

from garblint.rules import punctuation as P

_PIECES = [
    "word",
    "Word",
    "Is",
    "ab",
    "x",
    "3",
    "  ",
    " ",
    "\t",
    "\u00a0",
    "\n",
    ",",
    ";",
    ":",
    "!",
    "?",
    ".",
    "...",
    "\u201d",
    "\u2019",
    "(",
    "\u201c",
    "AB",
    "é",
]


def _texts(seed: int, n: int = 4000):
    rng = random.Random(seed)
    for _ in range(n):
        yield "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 25)))


def test_space_before_hint_found_wherever_the_pattern_matches():
    matched = 0
    for t in _texts(1):
        if any(True for _ in P._SPACE_BEFORE.finditer(t)):
            matched += 1
            assert P._SPACE_BEFORE_HINT.search(t), repr(t)
    assert matched > 100


def test_missing_space_hint_found_wherever_either_pattern_matches():
    matched = 0
    for t in _texts(2):
        if any(True for rx in (P._NO_SPACE_SENTENCE, P._NO_SPACE_COMMA) for _ in rx.finditer(t)):
            matched += 1
            assert P._NO_SPACE_HINT.search(t), repr(t)
    assert matched > 100


def test_multi_space_needs_two_spaces():
    matched = 0
    for t in _texts(3):
        if any(True for _ in P._MULTI_SPACE.finditer(t)):
            matched += 1
            assert "  " in t, repr(t)
    assert matched > 100
