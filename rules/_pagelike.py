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


# a run of spaces (_indented skips one whose first candidate failed)
_SPACE_RUN = lazy_re(r" +")


def _indented(text: str, end: int, lines: int) -> int:
    """``len(_INDENTED.findall(text, 0, end))``, or any count from which on one line in ten is
    reached. The pattern is matched only where a match can start (the character before a run
    of three spaces, a line starting with a space or a tab), not tried at every position: where
    it fails, the next such place is found by ``str.find`` (a search from there stepped through
    every character up to the next match, some 450 instructions a character of a text outside
    ASCII)."""
    n = p = 0
    match = _INDENTED.match
    find = text.find
    # The next run of three spaces and the next line start with a space or a tab, kept from
    # one candidate to the next (p only grows) and searched again only once passed: a text
    # without one of them is not scanned to its end again for every match. ``skip``: the end
    # of the last run of spaces whose candidate failed (no match starts inside such a run but
    # at a line start, which the line-start finders give).
    f = g = h = -2
    skip = 0
    while n * 10 < lines:
        cands = []
        q = max(p, skip)
        if -1 != f < q:
            f = find("   ", q, end)
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
        c = min(cands)
        m = match(text, c, end)
        if m is None:
            p = c + 1
            if f >= 0 and c >= f - 1:
                run = _SPACE_RUN.match(text, f, end)  # (three spaces stand at f: it matches)
                skip = run.end() if run is not None else f
            continue
        n += 1
        p = m.end()
    return n
