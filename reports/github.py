"""GitHub Actions workflow commands: one annotation a finding (``::warning file=...::msg``).

Columns are UTF-16 code units, 1-based, as GitHub's web pages (JavaScript strings) count
them: a character outside the Basic Multilingual Plane (most emoji) counts two. garblint's own
columns count code points; the two differ only after such a character on the line.
"""
from __future__ import annotations

from typing import Any, Sequence

from . import ReportContext

LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def utf16_column(line_text: str | None, column: int) -> int:
    """The 1-based UTF-16 column of code-point ``column`` on a line (unchanged when the line
    is unknown or holds no astral character before it)."""
    if not line_text:
        return column
    before = line_text[: column - 1]
    return column + sum(1 for ch in before if ord(ch) > 0xFFFF)


def render(results: Sequence[Any], ctx: ReportContext) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"::error file={_escape_prop(r.path)},title=garblint::{_escape_data(r.error)}")
        for f in r.findings:
            props = (
                f"file={_escape_prop(r.path)},line={f.line},col={utf16_column(r.source_lines.get(f.line), f.column)},"
                f"endLine={f.end_line},endColumn={utf16_column(r.source_lines.get(f.end_line), f.end_column)},"
                f"title={_escape_prop(f'{f.code} {f.name}')}"
            )
            msg = f.message
            if f.suggestions:
                msg += " (suggestion: " + " | ".join(repr(s.replacement) for s in f.suggestions[:3]) + ")"
            lines.append(f"::{LEVELS[f.severity]} {props}::{_escape_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")
