"""Character scans of E002 and E004 (rules/encoding.py) and U001 done in C: the characters looked
for are found among the text's characters outside ASCII (its UTF-8 bytes from 0x80 up,
decoded) or, for ASCII controls, among its bytes, then located by ``str.find``; a regex tried at
every position of a long text costs about 12-15 ms per megabyte.
"""

from __future__ import annotations

from typing import Iterator

from ..lint.document import _ASCII_BYTES, outside_ascii as _non_ascii  # noqa: F401  (read by U001 and D001)
from ..lint.lazyre import lazy_re

_INVISIBLE = lazy_re("[\u200b\u2060\ufeff\u180e\u00ad\u200c\u200d\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]+")


def single_spaced(t: str) -> bool:
    """Whether the only white space of ``t`` is single spaces between other characters, so
    that ``" ".join(t.split()) == t`` (``str.isprintable`` allows no white space but the
    space, and scans in C). Most paragraphs and sentences of prose are: the names analysis'
    paragraph keys and the duplicate rules' normalising then need no string for every word."""
    return "  " not in t and t[:1] != " " and t[-1:] != " " and t.isprintable()


def inner_joiners(t: str, joiners: str) -> int:
    """How many of ``t``'s characters in ``joiners`` stand between two word characters
    (``[^\\W_]``, which is ``str.isalnum``), found by ``str.find``.

    B001's units (``boilerplate._units``): for a trimmed unit ``t`` (white space or the text's
    end on both sides, so no word crosses its edges), ``len(_WORD.findall(t))`` is the number
    of the Document's words inside it plus this, ``joiners`` being the inner joiners of the
    Document's word pattern that ``boilerplate._WORD`` lacks and that are no word characters
    themselves (a joiner that is one joins nothing new): each Document word is _WORD's
    words joined at those of its joiners (each between two word characters), and such a
    joiner between two word characters is always inside a Document word. (_WORD tried at every
    position of a unit outside ASCII cost some 400 instructions a character.)"""
    n = 0
    last = len(t) - 1
    for j in joiners:
        p = t.find(j, 1)
        while 0 < p < last:
            if t[p - 1].isalnum() and t[p + 1].isalnum():
                n += 1
            p = t.find(j, p + 1)
    return n


def _positions(text: str, chars: "set[str]") -> list[int]:
    """Where each of ``chars`` stands in ``text``, in text order (``str.find``, in C)."""
    where: list[int] = []
    find = text.find
    for ch in chars:
        p = find(ch)
        while p >= 0:
            where.append(p)
            p = find(ch, p + 1)
    where.sort()
    return where


#: every byte but the ASCII characters of _INVISIBLE (deleted by bytes.translate: what is left
#: of a text's UTF-8 bytes is its ASCII controls, since every byte of a longer character is
#: 0x80 or above)
_NOT_ASCII_CONTROL = bytes(b for b in range(256) if not (b <= 8 or b == 11 or 14 <= b <= 31 or b == 127))
#: a text with more distinct characters of _INVISIBLE than this is searched by the regex
#: (_invisible_runs finds each one by str.find)
_MAX_FIND_CHARS = 24


def _invisible_runs(text: str) -> list[tuple[int, int]]:
    """The spans of ``_INVISIBLE.finditer(text)``: the maximal runs of its characters.

    The regex tried at every position of the bench text took 17 ms. Here, in C: the ASCII
    characters of its class are what is left of the text's UTF-8 bytes once every other byte
    is deleted, the others are among the text's characters outside ASCII (its bytes from 0x80
    up, decoded); each character found is then looked for by ``str.find``, and positions next
    to each other make one run.
    """
    b = text.encode("utf-8", "surrogatepass")
    chars = set(b.translate(None, _NOT_ASCII_CONTROL).decode("ascii"))
    if not text.isascii():
        chars.update("".join(_INVISIBLE.findall(b.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass"))))
    if not chars:
        return []
    if len(chars) > _MAX_FIND_CHARS:
        return [m.span() for m in _INVISIBLE.finditer(text)]
    out: list[tuple[int, int]] = []
    start = end = -1
    for p in _positions(text, chars):
        if p != end:
            if end >= 0:
                out.append((start, end))
            start = p
        end = p + 1
    out.append((start, end))
    return out


def _replacement_runs(text: str) -> "Iterator[tuple[int, int]]":
    """The spans of ``re.finditer("\ufffd+", text)``, found by ``str.find`` (the regex tried
    at every position of the bench text took 14 ms)."""
    find, n = text.find, len(text)
    p = find("\ufffd")
    while p >= 0:
        q = p + 1
        while q < n and text[q] == "\ufffd":
            q += 1
        yield p, q
        p = find("\ufffd", q)
