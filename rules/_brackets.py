"""Q004's bracket pairing: the unpaired brackets of a paragraph, the paragraphs that hold any,
and the source-text check for partners blanked as code (used by rules/quotes.py)."""

from __future__ import annotations

from typing import Any, Callable

from ..lint.lazyre import lazy_re
from ._quotesource import source_paragraph

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_BRACKET = lazy_re(r"[()\[\]{}]")
# A list marker "a)", "2)", "iv)" at the start of a line or after white space.
_LIST_MARKER = lazy_re(r"(?:\d{1,3}|[A-Za-z]|[ivxIVX]{1,4})\)")


def _is_list_marker(text: str, ps: int, pos: int) -> bool:
    a = pos
    while a > ps and pos - a < 5 and not text[a - 1].isspace():
        a -= 1
    return (a == ps or text[a - 1].isspace()) and _LIST_MARKER.fullmatch(text, a, pos + 1) is not None


_EMOTICON = lazy_re(r"(?<![\w:])[:;=][-o'^]?$")


def _unpaired_in_source(doc, para, pos: int, paired: list[set[int] | None]) -> bool:
    """Is the bracket at ``pos`` unpaired in the source text too? A partner blanked with code or
    layout beside the prose ("(see /usr/share/doc)", "-c (using the old scheme ...\n quences).
    The -d, -C") is no missing half. ``paired`` keeps the paragraph's answer (computed once)."""
    known = paired[0]
    if known is None:
        src = doc.source
        known = paired[0] = {q for _, q, _ in _bracket_problems(src, *source_paragraph(src, para.start, para.end))}
    return pos in known


def _paired_in_source(doc, para, paired: list[set[int] | None], pos: int) -> bool:
    return not _unpaired_in_source(doc, para, pos, paired)


def _paragraphs_with_brackets(doc) -> list[int]:
    """The indexes of the paragraphs that hold a bracket, in order (no other paragraph can hold
    an unpaired one): found by searching the text for each bracket character in C (str.find,
    going on after the paragraph of each one found), not by trying a class of characters at
    every position of every paragraph."""
    text = doc.text
    paras = doc.paragraphs
    found: set[int] = set()
    for c in "()[]{}":
        i = text.find(c)
        while i >= 0:
            pi = doc.paragraph_at(i)
            if pi is None:
                i = text.find(c, i + 1)
            else:
                found.add(pi)
                i = text.find(c, paras[pi].end)
    return sorted(found)


def _bracket_problems(text: str, ps: int, pe: int, paired_elsewhere: Callable[[int], bool] | None = None) -> list[tuple[str, int, Any]]:
    """The unpaired brackets of ``text[ps:pe]`` in order of the findings: ("unclosed", pos,
    opener), ("wrong", pos, (opener's pos, opener)) for a closer of the wrong kind, ("stray",
    pos, None) for a closer that closes nothing. List markers and emoticons are left out, and
    so is a closer for which ``paired_elsewhere(pos)`` is true (it closes the innermost opener)."""
    out: list[tuple[str, int, Any]] = []
    stack: list[tuple[int, str]] = []
    for m in _BRACKET.finditer(text, ps, pe):
        c, pos = m.group(), m.start()
        before = text[max(ps, pos - 4) : pos]
        if (":" in before or ";" in before or "=" in before) and _EMOTICON.search(before):
            continue  # (the emoticon's eyes asked for first: most brackets follow a word or a space)
        if c in _OPENERS:
            stack.append((pos, c))
            continue
        want = _CLOSERS[c]
        if stack and stack[-1][1] == want:
            stack.pop()
            continue
        if any(o == want for _, o in stack):
            # "( … [ … )": the inner bracket was never closed.
            while stack[-1][1] != want:
                p, o = stack.pop()
                out.append(("unclosed", p, o))
            stack.pop()
            continue
        if c == ")" and _is_list_marker(text, ps, pos):
            continue
        if paired_elsewhere is not None and paired_elsewhere(pos):
            if stack:
                stack.pop()
            continue
        if stack:
            out.append(("wrong", pos, stack.pop()))
            continue
        out.append(("stray", pos, None))
    out.extend(("unclosed", p, o) for p, o in stack)
    return out
