"""B003's dateline patterns with their position pre-tests against the forms they replace."""

from __future__ import annotations

import random
import re

import pytest

from garblint.rules import _datelines as DL

# the patterns before the lookaheads (frozen, built from the same pieces)
_OLD_PIECES = re.compile(rf"{DL._PIECE}")
_OLD_SOLID = re.compile(
    rf"^\s*{DL._BYLINE}|(?i:{DL._TIME}|\d+\s+\w+\s+ago\b|\b{DL._READ}|\d{{1,2}},?\s+\d{{4}}|\b{DL._MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{DL._MONTH}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
)

_WORDS = [
    "by",
    "By",
    "BY",
    "written",
    "Posted",
    "story",
    "words",
    "updated",
    "Last",
    "published",
    "first",
    "created",
    "released",
    "modified",
    "date",
    "at",
    "on",
    "and",
    "an",
    "a",
    "one",
    "Two",
    "three",
    "ten",
    "eleven",
    "few",
    "just",
    "now",
    "yesterday",
    "Today",
    "ago",
    "min",
    "read",
    "reading",
    "time",
    "minutes",
    "hours",
    "Jan",
    "January",
    "feb.",
    "March",
    "may",
    "Sept",
    "Oct",
    "nov",
    "Dec",
    "Mon",
    "tuesday",
    "Thu",
    "Sat.",
    "of",
    "st",
    "nd",
    "th",
    "am",
    "p.m.",
    "PM",
    "GMT",
    "EST",
    "UTC",
    "T",
    "Z",
    "Jane",
    "Doe",
    "de",
    "van",
    "John",
    "\u017f",
    "\u212a",
    "\u0130",
    "\u0131",
    "\u01c5",
    "\u00b5",
    "x",
    "g",
    "h",
    "i",
    "k",
    "q",
    "v",
    "z",
    "1",
    "2",
    "12",
    "2021",
    "3:45",
    "10.30",
    "07",
    "2021-03-04",
    "3/4/21",
    "1,",
    "5-",
    "+05",
    "\u0663",
    "\u00b2",
]
_SEPS = [" ", "  ", ", ", " | ", " - ", "\u2013", "/", ".", ":", "", "\n", "\t", "(", ")", "\u2022", "-", "'"]


@pytest.mark.parametrize("seed", range(4))
def test_dateline_patterns_equal_the_forms_without_lookaheads(seed):
    rng = random.Random(seed)
    found = 0
    for _ in range(10000):
        t = "".join(rng.choice(_WORDS) + rng.choice(_SEPS) for _ in range(rng.randrange(1, 9)))
        a, b = _OLD_SOLID.search(t), DL._SOLID.search(t)
        assert (a and a.span()) == (b and b.span()), t
        assert _OLD_PIECES.sub(" ", t) == DL._PIECES.sub(" ", t), t
        found += a is not None
    assert found > 500


# what follows each piece's or alternative's first letter, so that a match can open with it
_TAILS = [
    "an 5",
    "eb 12, 2021",
    "ar 3",
    "pr 2021",
    "ay 4",
    "un 5",
    "ul 6",
    "ug 7",
    "ep 8",
    "ct 9",
    "ov 1",
    "ec 2",
    "eading time: 5 min",
    "y Jane Doe",
    "ritten by Jo Ann",
    "pdated 3:45",
    "ublished",
    "osted by X",
    "ast updated",
    "odified",
    "irst published",
    "reated",
    "eleased",
    "ate:",
    "n hour ago",
    "ne day ago",
    "wo hours ago",
    "hree",
    "our",
    "ive",
    "ix",
    "even",
    "ight",
    "ine",
    "en",
    "leven",
    "welve",
    "ew days ago",
    "ust now",
    "esterday",
    "oday",
    "on 5",
    "ues",
    "ed",
    "hu",
    "ri",
    "at",
    "t",
    "n",
    "nd",
    "2 min read",
]


def test_dateline_lookaheads_let_every_first_character_through():
    """Each character that matches an ASCII letter or a decimal digit ignoring case (the
    Kelvin sign, the long s, the dotless i ...), and a sample of the others, in front of each
    piece's rest: the lookaheads turn away no position where a piece matches."""
    near = [c for c in range(0x10000) if not 0xD800 <= c < 0xE000 and re.match(r"(?i)[a-z\d]", chr(c))]
    rng = random.Random(5)
    for c in near + [rng.randrange(0x80, 0xD800) for _ in range(300)]:
        for tail in _TAILS:
            t = "x " + chr(c) + tail
            a, b = _OLD_SOLID.search(t), DL._SOLID.search(t)
            assert (a and a.span()) == (b and b.span()), t
            assert _OLD_PIECES.sub(" ", t) == DL._PIECES.sub(" ", t), t


def test_has_digit_equals_the_search():
    rng = random.Random(3)
    pieces = ["a", "B", " ", "1", "0", "9", "\u0663", "\u00b2", "\u00e9", ".", "x5", "\uff11"]
    for _ in range(5000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 10)))
        assert DL._has_digit(t) == (DL._NUMERIC.search(t) is not None), t
