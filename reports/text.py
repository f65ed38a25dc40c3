"""The text report: ``path:line:col: CODE [severity] message``, the line, the span underlined."""
from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any, Sequence

from . import ReportContext

_COLORS = {"error": "31", "warning": "33", "suggestion": "36", "code": "1", "dim": "2", "fix": "32"}
WINDOW = 100  # characters of a long line shown around the span


def _c(ctx: ReportContext, what: str, s: str) -> str:
    return f"\x1b[{_COLORS[what]}m{s}\x1b[0m" if ctx.color else s


def _cells(s: str) -> str:
    """``s`` with tabs and control or format characters shown as one space each."""
    if s.isprintable():  # no tab, control, format or line/paragraph separator: nothing to replace
        return s
    return "".join(_cell(ch) for ch in s)


def _cell(ch: str) -> str:
    if ch == "\t" or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp"):
        return " "
    return ch


@lru_cache(maxsize=4096)
def _char_width(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1


def _width(s: str) -> int:
    if s.isascii():  # after _cells: every ASCII character is one column
        return len(s)
    return sum(map(_char_width, s))


def _excerpt(line: str, col0: int, col1: int) -> tuple[str, int, int]:
    """The part of ``line`` to show and the span's columns in it (0-based, end exclusive)."""
    if len(line) <= WINDOW:
        return line, col0, col1
    a = max(0, col0 - WINDOW // 3)
    b = min(len(line), max(col1, col0 + 1) + WINDOW // 3)
    prefix = "…" if a > 0 else ""
    suffix = "…" if b < len(line) else ""
    return prefix + line[a:b] + suffix, col0 - a + len(prefix), col1 - a + len(prefix)


def format_finding(path: str, f: Any, source_lines: dict[int, str], ctx: ReportContext) -> list[str]:
    sev = _c(ctx, f.severity, f"[{f.severity}]")
    out = [f"{_c(ctx, 'code', f'{path}:{f.line}:{f.column}:')} {_c(ctx, 'code', f.code)} {sev} {f.message}"]
    line, col0 = f.line, f.column - 1
    source_line = source_lines.get(line)
    if source_line is not None:
        col1 = f.end_column - 1 if f.end_line == line else len(source_line)
        shown, a, b = _excerpt(source_line, col0, col1)
        shown_cells = _cells(shown)
        gutter = f"{line:>5} | "
        out.append(_c(ctx, "dim", gutter) + shown_cells.rstrip("\r\n"))
        pad = " " * _width(shown_cells[:a])
        marks = "^" * max(1, _width(shown_cells[a:b]))
        out.append(" " * (len(gutter) - 2) + _c(ctx, "dim", "| ") + pad + _c(ctx, f.severity, marks))
    for s in f.suggestions[:3]:
        tag = "safe" if s.safe else "unsafe"
        shown = repr(s.replacement) if s.replacement else "(delete)"
        if len(shown) > 120:
            shown = shown[:117] + "..."
        out.append(f"      {_c(ctx, 'fix', '-> ' + shown)} {_c(ctx, 'dim', f'({tag})')}")
    return out


def render(results: Sequence[Any], ctx: ReportContext) -> str:
    lines: list[str] = []
    sev: Counter[str] = Counter()
    codes: Counter[str] = Counter()
    names: dict[str, str] = {}
    fixable = 0
    n_files = 0
    for r in results:
        if r.error or r.skipped:
            continue
        n_files += 1
        for f in r.findings:
            sev[f.severity] += 1
            codes[f.code] += 1
            names[f.code] = f.name
            fixable += f.safe_fix is not None
            if not ctx.quiet:
                lines.extend(format_finding(r.path, f, r.source_lines, ctx))
    if ctx.statistics and codes:
        lines.append("")
        width = max(len(str(n)) for n in codes.values())
        for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"{n:>{width}}  {code}  {names[code]}")
    total = sum(sev.values())
    if total:
        parts = ", ".join(f"{sev[s]} {s}{'s' if sev[s] != 1 else ''}" for s in ("error", "warning", "suggestion") if sev[s])
        summary = f"Found {total} finding{'s' if total != 1 else ''} ({parts}) in {n_files} file{'s' if n_files != 1 else ''}."
        if fixable:
            summary += f" {fixable} fixable with --fix."
    elif any(r.error for r in results) or not n_files:
        # not "All clear" beside an error (a missing path, an unreadable file) or when nothing was linted
        bad = sum(1 for r in results if r.error)
        summary = f"No findings in {n_files} file{'s' if n_files != 1 else ''}" + (
            f"; {bad} input{'s' if bad != 1 else ''} could not be linted." if bad else "."
        )
    else:
        summary = f"All clear: no findings in {n_files} file{'s' if n_files != 1 else ''}."
    if lines and not ctx.quiet:
        lines.append("")
    lines.append(summary)
    return "\n".join(lines) + "\n"
