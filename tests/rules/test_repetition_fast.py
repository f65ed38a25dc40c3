"""R002's loop search (``rules/repetition._repetition_loops``: the starts found by a regex that
first asks whether a word comes back within MAX_PHRASE words, then whether a phrase of up to
MAX_PHRASE words comes back once and its first word again, then visited per phrase size only
where that size's first test passes; short gaps classified once per process) compared with the
search as it was at 6d2b6d6, kept here, on generated texts of loops, chants and near-loops
joined by spaces, commas, full stops, dashes and line breaks."""

from __future__ import annotations

import random
import re
from typing import Iterable

import pytest

from garblint.lint.textio import make_document
from garblint.rules import repetition as R

_OLD_TRIPLE = re.compile("(?=(.)(?:" + "|".join(".{%d}\\1.{%d}\\1" % (k, k) for k in range(R.MAX_PHRASE)) + "))", re.S)


def _old_gap_kind(gap: str) -> int:
    return R.WS if R._LOOP_GAP.fullmatch(gap) else R.COMMA if R._COMMA_GAP.fullmatch(gap) else R.OTHER


def _old_loops(doc, chars) -> list[tuple[int, int, int]]:
    """_repetition_loops at 6d2b6d6 (the gaps as a plain list: the lazy forms give the same)."""
    words = doc.words
    n = len(words)
    if isinstance(chars, str):
        starts: Iterable[int] = [m.start() for m in _OLD_TRIPLE.finditer(chars)]
    else:
        starts = range(n)
    gaps = [R.OTHER] + [_old_gap_kind(doc.text[words[i - 1].end : words[i].start]) for i in range(1, n)]
    next_break = [n] * (n + 1)
    for i in range(n - 2, -1, -1):
        next_break[i] = next_break[i + 1] if gaps[i + 1] == R.WS else i + 1
    found: list[tuple[int, int, int]] = []
    taken = bytearray(n)
    for size in range(R.MAX_PHRASE, 0, -1):
        next_i = 0
        for i in starts:
            if i + 3 * size > n:
                break
            if i < next_i or chars[i] != chars[i + size] or chars[i] != chars[i + 2 * size]:
                continue
            if next_break[i] < i + size:
                continue
            copies = R._count(chars, gaps, i, size, False)
            if copies < 3:
                c = R._count(chars, gaps, i, size, True)
                if c >= 3 and (size >= R.COMMA_MIN_WORDS or c >= R.COMMA_MIN_COPIES):
                    copies = c
            if copies >= 3 and taken.find(1, i, i + copies * size) < 0:
                phrase = [w.text.casefold() for w in words[i : i + size]]
                if (
                    not (size == 1 and (phrase[0] in R.LEGIT_TRIPLES or not phrase[0].isalpha()))
                    and not (size == 2 and tuple(phrase) in R.LEGIT_PAIR_LOOPS)
                    and R._minimal(phrase)
                ):
                    found.append((i, size, copies))
                    taken[i : i + copies * size] = b"\x01" * (copies * size)
                    next_i = i + copies * size
                    continue
            next_i = i + max(1, (copies - 2) * size)
    found.sort()
    return found


_WORDS = ["the", "The", "vote", "Oslo", "of", "a", "new", "phone", "no", "la", "on", "and", "rules", "x1"]
_GAPS = [" ", " ", " ", " ", "  ", "\n", ", ", ". ", " - ", " \u2014 ", "; ", ": ", " / ", "\t", " \n ", ",\n"]


def _text(rng: random.Random) -> str:
    vocab = rng.sample(_WORDS, rng.randrange(2, len(_WORDS)))
    out: list[str] = []
    while len(out) < rng.randrange(5, 120):
        if rng.random() < 0.3:  # a loop or near-loop: a phrase said 2-6 times
            phrase = [rng.choice(vocab) for _ in range(rng.randrange(1, 14))]
            sep = rng.choice([" ", " ", ", ", ". ", "\n", " - "])
            for _ in range(rng.randrange(2, 7)):
                out.append(" ".join(phrase) if rng.random() < 0.9 else ", ".join(phrase))
                out.append(sep)
        else:
            out.append(rng.choice(vocab))
            out.append(rng.choice(_GAPS))
    return "".join(out).strip() + "."


@pytest.mark.parametrize("seed", range(6))
def test_loops_same_as_the_old_search(seed, monkeypatch):
    rng = random.Random(seed)
    for _ in range(150):
        text = _text(rng)
        doc = make_document(text, "x.txt")
        chars = R._word_chars(doc.words)
        assert R._repetition_loops(doc) == _old_loops(doc, chars), text
        # the path for a document with more distinct words than characters: a list of numbers
        numbers = list(map(ord, chars))
        doc2 = make_document(text, "x.txt")
        monkeypatch.setattr(R, "word_chars", lambda d: numbers)
        assert R._repetition_loops(doc2) == _old_loops(doc2, numbers), text
        monkeypatch.undo()


def _starts_of_two_copies(s: str) -> list[int]:
    """The positions whose first ``k`` characters (``k`` up to MAX_PHRASE) come back right
    after them, followed by the first one again: what _TRIPLE finds."""
    out = []
    for i in range(len(s)):
        for k in range(1, R.MAX_PHRASE + 1):
            if i + 2 * k < len(s) and s[i : i + k] == s[i + k : i + 2 * k] and s[i + 2 * k] == s[i]:
                out.append(i)
                break
    return out


def test_triple_starts_are_the_starts_of_two_copies():
    rng = random.Random(7)
    fewer = 0
    for _ in range(2000):
        s = "".join(rng.choice("abcd\n") for _ in range(rng.randrange(0, 80)))
        starts = [m.start() for m in R._TRIPLE.finditer(s)]
        assert starts == _starts_of_two_copies(s), s
        old = [m.start() for m in _OLD_TRIPLE.finditer(s)]
        assert set(starts) <= set(old), s  # (each passes the old first test too)
        fewer += len(starts) < len(old)
    assert fewer > 500  # (the generated texts do tell the two apart)


@pytest.mark.parametrize("alphabet", ["abcd\n", "ab\u0161\u0261\ud800\U00010061"])
def test_shifted_bytes_scans_are_the_regexes(alphabet):
    # R002's _triple_starts and R001's _double_seconds against the regexes and their
    # definitions. (The second alphabet's characters share low bytes: a, \u0161 and
    # \U00010061; b and \u0261; \ud800 is a surrogate, as a word's character can be.)
    rng = random.Random(11)
    found = doubled = 0
    for _ in range(600):
        n = rng.choice((rng.randrange(0, 80), rng.randrange(R._TRIPLE_SCAN_MAX, 400)))
        s = "".join(rng.choice(alphabet[: rng.randrange(2, len(alphabet) + 1)]) for _ in range(n))
        if rng.random() < 0.3:  # a phrase said three times or more, somewhere
            k = rng.randrange(len(s) + 1)
            s = s[:k] + s[k : k + rng.randrange(1, R.MAX_PHRASE + 2)] * rng.randrange(2, 5) + s[k:]
        starts = R._triple_starts(s)
        assert starts == [m.start() for m in R._TRIPLE.finditer(s)], s
        assert starts == _starts_of_two_copies(s), s
        seconds = R._double_seconds(s)
        assert seconds == [m.start() + 1 for m in R._DOUBLE.finditer(s)], s
        assert seconds == [i for i in range(1, len(s)) if s[i] == s[i - 1]], s
        found += len(s) >= R._TRIPLE_SCAN_MAX and bool(starts)
        doubled += len(s) >= R._TRIPLE_SCAN_MAX and bool(seconds)
    assert found > 100 and doubled > 100


def test_gap_kinds_kept_are_the_regexes_answers():
    rng = random.Random(3)
    for _ in range(3000):
        gap = "".join(rng.choice(" \t\n\r,;.-\u2013\u2014:/") for _ in range(rng.randrange(0, 6)))
        assert R._gap_kind(gap) == _old_gap_kind(gap), repr(gap)
        assert R._gap_kind(gap) == _old_gap_kind(gap), repr(gap)  # (again: from the table)
