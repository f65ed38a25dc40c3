"""Verse set line by line: poems and songs quoted in prose (fiction, old books).

A poem capitalises the first word of every line, and a quoted song opens each line with a
quotation mark and closes only the last one, so G002 (capital mid-sentence) and Q001 (a mark
never closed) must know a line of verse. A line counts as verse beside a neighbour of the same
shape: both begin with a capital (after white space and quotation or emphasis marks), and
both are indented or both are short. Hard-wrapped prose has long lines set flush left.
"""

from __future__ import annotations

_LINE_MARKS = " \t\"'_*\u201c\u2018"
_SHORT = 50  # characters: a line of verse, not a line of hard-wrapped prose


def _line_at(text: str, a: int) -> str:
    b = text.find("\n", a)
    return text[a : b if b >= 0 else len(text)]


def _verse_pair(line: str, other: str) -> bool:
    """Whether two neighbouring lines read as verse: both begin with a capital after white
    space and marks, both indented (two characters or more) or both short."""
    if not other.lstrip(_LINE_MARKS)[:1].isupper() or not line.lstrip(_LINE_MARKS)[:1].isupper():
        return False
    ind = len(line) - len(line.lstrip(" \t"))
    oind = len(other) - len(other.lstrip(" \t"))
    return (ind >= 2 and oind >= 2) or (len(line.strip()) <= _SHORT and len(other.strip()) <= _SHORT)


def verse_line_start(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` begins a line of verse: only white space and quotation or
    emphasis marks before it on its line, and the line above, in the same block, verse too."""
    a = text.rfind("\n", 0, pos) + 1
    if a < 2 or text[a:pos].strip(_LINE_MARKS):
        return False
    p = text.rfind("\n", 0, a - 1) + 1
    return _verse_pair(_line_at(text, a), text[p : a - 1])


def verse_quote_continues(text: str, pos: int) -> bool:
    """Whether the opening mark at ``pos`` begins a line of quoted verse whose next line opens
    with the same mark: the quotation goes on there (only its last line closes it)."""
    if pos and text[pos - 1] not in " \t\n":
        return False  # (what the test below finds, without reading the line back to its start)
    a = text.rfind("\n", 0, pos) + 1
    if text[a:pos].strip(" \t"):
        return False
    b = text.find("\n", pos)
    if b < 0:
        return False
    nxt = _line_at(text, b + 1)
    if nxt.lstrip(" \t")[:1] != text[pos]:
        return False
    return _verse_pair(_line_at(text, a), nxt)
