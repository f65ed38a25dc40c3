"""GitHub Actions workflow commands: one annotation a finding (``::warning file=...::msg``)."""
from __future__ import annotations

from typing import Any, Sequence

from . import ReportContext

LEVELS = {"error": "error", "warning": "warning", "suggestion": "notice"}


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[Any], ctx: ReportContext) -> str:
    lines = []
    for r in results:
        if r.error:
            lines.append(f"::error file={_escape_prop(r.path)},title=garblint::{_escape_data(r.error)}")
        for f in r.findings:
            props = (
                f"file={_escape_prop(r.path)},line={f.line},col={f.column},"
                f"endLine={f.end_line},endColumn={f.end_column},title={_escape_prop(f'{f.code} {f.name}')}"
            )
            msg = f.message
            if f.suggestions:
                msg += " (suggestion: " + " | ".join(repr(s.replacement) for s in f.suggestions[:3]) + ")"
            lines.append(f"::{LEVELS[f.severity]} {props}::{_escape_data(msg)}")
    return "\n".join(lines) + ("\n" if lines else "")
