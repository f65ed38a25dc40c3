"""Markdown code in a text (fenced blocks and inline spans), which the lexicon pass and S005
read as no prose."""

from __future__ import annotations

import re
from typing import Any, Iterator

from ..lint.lazyre import lazy_re

_MD_CODE = lazy_re(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n.*?(?:^[ \t]*\1[ \t]*$|\Z)|(`+)[^`\n]+?\2", re.M | re.S)


def md_code_spans(doc: Any) -> list[tuple[int, int]]:
    """The spans of ``_md_code(doc.text)``, found once per document (the lexicon pass and S005
    read them); none in a text without a backtick."""
    return doc.memo("lexcheck.md-code", lambda: [m.span() for m in _md_code(doc.text)] if "`" in doc.text else [])  # type: ignore[no-any-return]


def _md_code(text: str) -> Iterator["re.Match[str]"]:
    """``_MD_CODE.finditer(text)`` (the same matches), tried only where a match can start: at a
    backtick, or at a line start before blanks and a fence (finditer tries every position: 20 ms
    on 200,000 words). A backtick fence is found at the backticks (one search of the text for
    both), a tilde fence by a search of its own."""
    starts: set[int] = set()
    p = text.find("`")
    while p >= 0:
        starts.add(p)
        if text.startswith("```", p):  # (a fence opens its line, after blanks)
            ls = text.rfind("\n", 0, p) + 1
            if ls == p or not text[ls:p].strip(" \t"):
                starts.add(ls)
        p = text.find("`", p + 1)
    p = text.find("~~~")
    while p >= 0:
        ls = text.rfind("\n", 0, p) + 1
        if ls == p or not text[ls:p].strip(" \t"):
            starts.add(ls)
        p = text.find("~~~", p + 1)
    end = 0
    for p in sorted(starts):
        if p >= end and (m := _MD_CODE.match(text, p)) is not None:
            end = m.end()
            yield m
