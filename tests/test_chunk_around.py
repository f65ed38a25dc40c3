"""chunk_around against the character walk it replaced for long runs without white space."""

from __future__ import annotations

import random
import re
import sys

import pytest

from garblint.lint import segment
from garblint.lint.segment import chunk_around, chunk_bounds


def _walk(text: str, start: int, end: int) -> str:
    a = start
    while a > 0 and not text[a - 1].isspace():
        a -= 1
    b = end
    while b < len(text) and not text[b].isspace():
        b += 1
    return text[a:b]


def test_regex_white_space_is_str_isspace() -> None:
    # _long_run finds runs with \S; the walk tests str.isspace: the two must agree everywhere.
    space = re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        assert bool(space.match(ch)) == ch.isspace(), hex(cp)


@pytest.mark.parametrize("seed", range(6))
def test_same_chunks_as_the_walk(seed: int) -> None:
    rng = random.Random(seed)
    parts = []
    for _ in range(40):
        n = rng.choice((1, 5, 63, 64, 65, 200, 3000))
        parts.append("".join(rng.choice("abc/.=+09") for _ in range(n)))
        parts.append(rng.choice((" ", "\n", "\u00a0", "  ", "\u2009")))
    text = "".join(parts)
    for _ in range(400):
        start = rng.randrange(len(text) + 1)
        end = min(len(text), start + rng.choice((0, 0, 1, 3, 90)))
        assert chunk_around(text, start, end) == _walk(text, start, end)
        a, b = chunk_bounds(text, start, end)
        assert text[a:b] == _walk(text, start, end) and a <= start and b >= end


def test_another_text_is_not_answered_from_the_last() -> None:
    first = "x" * 500 + " tail"
    second = "y" * 90 + " " + "z" * 600
    assert chunk_around(first, 300, 301) == "x" * 500
    assert chunk_around(second, 400, 400) == "z" * 600
    assert segment._runs[0] is second


def test_code_like_long_chunk_answers_per_text() -> None:
    from garblint.rules._ocrscan import code_like

    blob = "a" * 400 + "_b" + "c" * 400  # one chunk, code-like for its underscore
    plain = "a" * 802
    assert code_like(blob, 10, 11) and code_like(blob, 700, 701)
    # the same span of another text is answered from that text, not the last one's answer
    assert not code_like(plain, 10, 11)
    assert code_like(blob, 10, 11)


def _long_runs_reference(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in segment._LONG_RUN.finditer(text)]


@pytest.mark.parametrize("seed", range(8))
def test_long_runs_as_the_regex(seed: int) -> None:
    # runs of about the walk's length in characters and in bytes, of one- to four-byte
    # characters and lone surrogates, split by ASCII white space (the bytes' own) and by white
    # space outside ASCII (which only the regex sees), the same run written again, at the
    # text's start and end
    rng = random.Random(seed)
    letters = ("a", "b", "é", "中", "\U0001f600", "\ud800", "/")
    spaces = (" ", "\n", "\t", "\x1c", "\x1f", "\x85", "\u00a0", "\u2009", "\u3000", "\u2028")
    for _ in range(60):
        parts = []
        for _ in range(rng.randrange(1, 12)):
            n = rng.choice((1, 5, 16, 21, 22, 31, 32, 33, 62, 63, 64, 65, 66, 130))
            chars = rng.sample(letters, rng.randrange(1, len(letters) + 1))
            run = "".join(rng.choice(chars) for _ in range(n))
            parts.append(run)
            if rng.random() < 0.2:
                parts.append(rng.choice(spaces) + run)  # the same run again
            parts.append("".join(rng.choice(spaces) for _ in range(rng.randrange(0, 3))))
        text = "".join(parts)
        assert segment._long_runs(text) == _long_runs_reference(text), repr(text)
    assert segment._long_runs("") == []
    assert segment._long_runs("x" * 64) == [(0, 64)]
    assert segment._long_runs("x" * 63) == []
    assert segment._long_runs("é" * 32) == []  # 64 bytes, 32 characters
    assert segment._long_runs("x" * 40 + "\u00a0" + "x" * 40) == []
    assert segment._long_runs(" " + "x" * 70 + "\u00a0" + "y" * 64) == [(1, 71), (72, 136)]
