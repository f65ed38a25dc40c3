"""The source text around a quotation mark or a bracket that the masking of code and layout
left in the prose: a partner blanked with the code beside it is no missing half. Used by the
Q rules (rules/quotes.py)."""

from __future__ import annotations

from ..lint.lazyre import lazy_re
from ..lint.markup import is_markdown, is_rst
from ._techterms import technical_prose

_BLANK_LINE = lazy_re(r"\n[ \t]*\n")


class CodeMarks:
    """Straight double quotation marks in the code a technical plain-text document cites
    (`"$foo[*]"', SSL_DIR="/usr/ssl", an empty string ("")): where the source paragraph holds
    an even number of them, the author paired them all; an unpaired one left in the prose is
    a partner lost to the blanking of code, not to damage (which leaves an odd count)."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.on: bool | None = None
        self.even: dict[int, bool] = {}

    def balanced(self, text: str, para, pos: int) -> bool:
        if text[pos] != '"':
            return False
        if self.on is None:
            doc = self.doc
            self.on = bool(doc.masks) and not (is_markdown(doc.path) or is_rst(doc.path)) and technical_prose(doc)
        if not self.on:
            return False
        key = para.start
        if key not in self.even:
            src = self.doc.source
            a, b = source_paragraph(src, para.start, para.end)
            self.even[key] = src.count('"', a, b) % 2 == 0
        return self.even[key]


def source_paragraph(src: str, a: int, b: int, reach: int = 4000) -> tuple[int, int]:
    """The paragraph of the source text around ``[a, b)``: a line blanked whole (a path, a list
    of options) splits a paragraph of the blanked text, not of the source."""
    lo = max(0, a - reach)
    starts = [m.end() for m in _BLANK_LINE.finditer(src, lo, a + 1)]
    start = starts[-1] if starts else lo
    m = _BLANK_LINE.search(src, max(b - 1, start), b + reach)
    return min(start, a), max(m.start() if m else min(len(src), b + reach), b)
