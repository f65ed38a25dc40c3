"""P001-P003's pre-tests (``rules/punctuation.py``): a text they pass over holds no match of the
patterns they stand for, so skipping its scan changes nothing. Checked on generated texts of
words, marks, blanks and line breaks, and on the places each pattern matches."""

from __future__ import annotations

import random

import pytest

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


@pytest.mark.parametrize(
    ("seed", "patterns", "pre_test"),
    [
        (1, ("_SPACE_BEFORE",), lambda t: P._SPACE_BEFORE_HINT.search(t)),  # P001
        (2, ("_NO_SPACE_SENTENCE", "_NO_SPACE_COMMA"), lambda t: P._NO_SPACE_HINT.search(t)),  # P002
        (3, ("_MULTI_SPACE",), lambda t: "  " in t),  # P003: a match holds two spaces
    ],
)
def test_pre_test_passes_wherever_a_pattern_matches(seed, patterns, pre_test):
    matched = 0
    for t in _texts(seed):
        if any(True for name in patterns for _ in getattr(P, name).finditer(t)):
            matched += 1
            assert pre_test(t), repr(t)
    assert matched > 100


def test_odd_space_characters_are_what_the_pattern_matches():
    """P003 scans for _ODD_SPACE only in a text that holds one of _ODD_SPACE_CHARS: they are
    every character the pattern matches, and only those (all outside ASCII)."""
    matched = {c for c in map(chr, range(0x110000)) if P._ODD_SPACE.fullmatch(c)}
    assert set(P._ODD_SPACE_CHARS) == matched
    assert not any(map(str.isascii, matched))


@pytest.mark.parametrize("odd", ["", "\u2003", "\u3000", "\u205f", "\u00a0"])
def test_odd_spaces_of_a_long_text_found_from_its_character_set(odd, monkeypatch):
    """From _SET_FROM characters on, P003 asks Document.non_ascii whether the text has an odd
    space character at all: the same findings as searching the text for each one."""
    from garblint.lint.config import Config
    from garblint.lint.document import Document
    from garblint.lint.rule import get_rule
    from garblint.rules import punctuation as PU

    body = "A plain sentence about the council’s vote, with a café. " * 1300
    text = body[:40_000] + f"word{odd}word and more" + body[40_000:]
    assert len(text) >= PU._SET_FROM
    rule = get_rule("P003")()
    got = [(f.start, f.end, f.message) for f in rule.check(Document(text), Config())]
    monkeypatch.setattr(PU, "_SET_FROM", len(text) + 1)  # the search for each character
    want = [(f.start, f.end, f.message) for f in rule.check(Document(text), Config())]
    assert got == want
    assert bool(got) == (odd not in ("", "\u00a0"))
