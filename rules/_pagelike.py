"""Can a document be a scraped page at all (B002-B004)? Not a markup file, nor a preformatted
one. Split out of ``_pageshape``, which re-exports these names."""

from __future__ import annotations

import re

from ..lint.lazyre import lazy_re

MARKUP_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".rst", ".rest", ".html", ".htm", ".xml", ".tex")


_INDENTED = lazy_re(r"^[ \t]+\S|\S {3,}\S", re.M)


def page_like(doc) -> bool:
    """Can the text be a scraped page at all? Not a Markdown or reStructuredText file (its
    short lines are the author's structure), nor a preformatted document: indented lines or
    columns aligned with runs of spaces (manual pages, tables of contents) on one line in ten."""
    if (doc.path or "").lower().endswith(MARKUP_SUFFIXES):
        return False
    text = doc.text
    if "   " not in text and "\n " not in text and "\n\t" not in text and text[:1] not in " \t":
        return True  # no indented line and no run of three spaces: nothing _INDENTED can match
    lines = max(len(doc.line_starts), 1)
    return _indented(text, 200_000, lines) * 10 < lines


def _indented(text: str, end: int, lines: int) -> int:
    """``len(_INDENTED.findall(text, 0, end))``, or any count from which on one line in ten is
    reached. The pattern is searched from where its next match can start at the earliest (a
    run of three spaces, a line starting with a space or a tab), not tried at every position."""
    n = p = 0
    search = _INDENTED.search
    find = text.find
    # The next run of three spaces and the next line start with a space or a tab, kept from
    # one match to the next (p only grows) and searched again only once passed: a text without
    # one of them is not scanned to its end again for every match.
    f = g = h = -2
    while n * 10 < lines:
        cands = []
        if -1 != f < p:
            f = find("   ", p, end)
        if f >= 0:
            cands.append(max(p, f - 1))  # (the character before the run)
        s = max(p - 1, 0)
        if -1 != g < s:
            g = find("\n ", s, end)
        if g >= 0:
            cands.append(g + 1)
        if -1 != h < s:
            h = find("\n\t", s, end)
        if h >= 0:
            cands.append(h + 1)
        if p == 0 and text[:1] in (" ", "\t"):
            cands.append(0)
        if not cands:
            break
        m = search(text, min(cands), end)
        if m is None:
            break
        n += 1
        p = m.end()
    return n
