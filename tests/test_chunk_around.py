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
