"""The HTML report: one self-contained page (no network, no external assets).

The page has a static part written here (summary, bar chart, rule documentation; everything
escaped with :func:`html.escape`) and a dynamic part drawn by the inline script
``assets/html-report.js`` from data embedded as JSON:

* ``<script type="application/json" id="gl-meta">``: the rules, the categories and one small
  index entry per file (path, counts per rule and severity);
* ``<script type="application/json" id="gl-f-N">``: file N's text and findings, parsed only
  when the reader opens that file, so a report of hundreds of files opens at once.

Every ``<`` in the embedded JSON is written as ``\\u003c`` (so no input can close the script
element), and the script builds the DOM with ``textContent`` only. A Content-Security-Policy
allows just the page's own script (by its hash) and no network at all.

Offsets: findings count code points, JavaScript strings count UTF-16 units. The data carries
both: ``s``/``e`` (UTF-16, for slicing in the browser) and ``a``/``b`` (code points, shown as
``data-start``/``data-end`` on the highlights).

"Suggestions applied" shows garblint's one fix plan (:func:`garblint.lint.fixer.plan_fixes`,
the first pass of ``--fix`` and of ``--fix --unsafe-fixes``): the report computes its edits for
both levels and embeds them (``p``: ``{"safe": [...], "all": [...]}``, each edit
``[start, end, replacement, finding index]`` in UTF-16 units); the page only draws them.
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import html
import json
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from ..lint.fixer import apply_edits, plan_fixes
from . import ReportContext
from ..lint.lazyre import lazy_re

ASSETS = Path(__file__).resolve().parent / "assets"
DEFAULT_PRIORITY = 50
SEVERITY_ORDER = ("error", "warning", "suggestion")

#: category -> colour (strong); the highlight background is the same colour, light
CATEGORY_COLORS = {
    "name": "#7c3aed",
    "duplicate": "#dc2626",
    "repetition": "#ea580c",
    "quote": "#0891b2",
    "garble": "#db2777",
    "untranslated": "#4f46e5",
    "boilerplate": "#78716c",
    "punctuation": "#ca8a04",
    "whitespace": "#0d9488",
    "encoding": "#b45309",
    "ocr": "#2563eb",
    "spelling": "#16a34a",
    "grammar": "#65a30d",
}
_FALLBACK_COLOR = "#6b7280"
_ASTRAL = lazy_re("[\U00010000-\U0010ffff]")


# ------------------------------------------------------------ applying fixes
def apply_plan(
    text: str, findings: Sequence[Any], *, unsafe: bool = True, priority: Callable[[str], int] | None = None
) -> list[tuple[int, int, str, int]]:
    """The edits "suggestions applied" shows: ``(start, end, replacement, finding index)``, by
    start, in code points: the fix plan of one ``--fix`` pass (``unsafe``: with ``--unsafe-fixes``).
    ``priority`` gives a rule's ``fix_priority`` (default: 50 for every rule)."""
    prio = priority or (lambda code: DEFAULT_PRIORITY)
    return [
        (e.start, e.end, e.replacement, fix.index)
        for fix in plan_fixes(findings, text, unsafe=unsafe, priority=prio)
        for e in fix.edits
    ]


def applied_text(
    text: str, findings: Sequence[Any], *, unsafe: bool = True, priority: Callable[[str], int] | None = None
) -> str:
    """``text`` with the suggestions applied as the report's "suggestions applied" view shows it
    (``priority`` as for :func:`apply_plan`)."""
    prio = priority or (lambda code: DEFAULT_PRIORITY)
    return apply_edits(text, plan_fixes(findings, text, unsafe=unsafe, priority=prio))


# ------------------------------------------------------------------ the data
def _utf16_map(text: str) -> Callable[[int], int]:
    """Code-point offset -> UTF-16 offset in ``text``."""
    astral = [m.start() for m in _ASTRAL.finditer(text)]
    if not astral:
        return lambda i: i
    return lambda i: i + bisect.bisect_left(astral, i)


def json_for_script(data: Any) -> str:
    """JSON safe inside ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left raw."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # These characters occur only inside JSON strings, where the escapes mean the same.
    return (
        s.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _rule_info(codes: Iterable[str], ctx: ReportContext, names: dict[str, tuple[str, str]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    by_code = {c.code: c for c in ctx.rules}
    for code in sorted(set(codes) | set(by_code)):
        cls = by_code.get(code) or ctx.rule(code)
        if cls is not None:
            out[code] = {
                "n": cls.name,
                "c": cls.category,
                "s": cls.severity,
                "p": int(getattr(cls, "fix_priority", DEFAULT_PRIORITY)),
            }
        else:  # a finding from a rule this process does not know (should not happen)
            name, cat = names.get(code, ("", ""))
            out[code] = {"n": name, "c": cat, "s": "warning", "p": DEFAULT_PRIORITY}
    return out


def _file_data(r: Any, priority: Callable[[str], int]) -> dict[str, Any]:
    text = getattr(r, "text", None)
    to16 = _utf16_map(text) if text is not None else (lambda i: i)
    findings = []
    for f in r.findings:
        findings.append(
            {
                "s": to16(f.start),
                "e": to16(f.end),
                "a": f.start,
                "b": f.end,
                "c": f.code,
                "v": f.severity,
                "m": f.message,
                "t": f.text,
                "l": f.line,
                "k": f.column,
                "q": round(float(f.confidence), 3),
                "x": [[s.replacement, bool(s.safe)] for s in f.suggestions],
            }
        )
    out: dict[str, Any] = {"t": text, "f": findings}
    if text is not None:
        out["p"] = {
            level: [[to16(a), to16(b), repl, i] for a, b, repl, i in apply_plan(text, r.findings, unsafe=unsafe, priority=priority)]
            for level, unsafe in (("safe", False), ("all", True))
        }
    return out


# ---------------------------------------------------------------- the page
def _e(s: Any) -> str:
    return html.escape(str(s), quote=True)


def _category_css() -> str:
    lines = []
    for cat, color in list(CATEGORY_COLORS.items()) + [("other", _FALLBACK_COLOR)]:
        r, g, b = (int(color[i : i + 2], 16) for i in (1, 3, 5))
        lines.append(f".cat-{cat}{{--c:{color};--bg:rgba({r},{g},{b},.17);--bg2:rgba({r},{g},{b},.32)}}")
    return "\n".join(lines)


def _bar_chart(counts: Counter) -> str:
    """An inline SVG: one horizontal bar per category."""
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if not rows:
        return '<p class="muted">No findings.</p>'
    top = max(n for _, n in rows)
    bar_w, label_w, row_h = 260, 110, 22
    height = row_h * len(rows) + 4
    parts = [
        f'<svg class="chart" role="img" aria-label="Findings by category" width="{label_w + bar_w + 60}" '
        f'height="{height}" viewBox="0 0 {label_w + bar_w + 60} {height}">'
    ]
    for k, (cat, n) in enumerate(rows):
        y = k * row_h + 2
        w = max(2, round(bar_w * n / top))
        color = CATEGORY_COLORS.get(cat, _FALLBACK_COLOR)
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end">{_e(cat)}</text>'
            f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" rx="3" fill="{color}"><title>{_e(cat)}: {n}</title></rect>'
            f'<text x="{label_w + w + 6}" y="{y + 15}">{n}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _summary(results: Sequence[Any], rules: dict[str, Any]) -> str:
    sev: Counter = Counter()
    cats: Counter = Counter()
    codes: Counter = Counter()
    linted = errors = skipped = with_findings = words = fixable = 0
    for r in results:
        if r.error:
            errors += 1
        if r.skipped:
            skipped += 1
            continue
        if not r.error or r.findings:
            linted += 1
        words += getattr(r, "words", 0) or 0
        with_findings += bool(r.findings)
        for f in r.findings:
            sev[f.severity] += 1
            cats[f.category] += 1
            codes[f.code] += 1
            fixable += any(s.safe for s in f.suggestions)
    total = sum(sev.values())
    stats = [
        ("files", len(results)),
        ("linted", linted),
        ("with findings", with_findings),
        ("errors", errors),
        ("skipped", skipped),
        ("words", words),
        ("findings", total),
        ("safely fixable", fixable),
    ]
    out = ['<section id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2><div class="cards">']
    out.append('<dl class="stats">' + "".join(f"<div><dt>{_e(k)}</dt><dd>{v:,}</dd></div>" for k, v in stats) + "</dl>")
    out.append('<div class="card"><h3>By severity</h3><ul class="sevlist">')
    for s in SEVERITY_ORDER:
        out.append(f'<li><span class="badge sev-{s}">{s}</span> {sev[s]:,}</li>')
    out.append("</ul></div>")
    out.append(f'<div class="card"><h3>By category</h3>{_bar_chart(cats)}</div>')
    out.append('<div class="card"><h3>Rules that fired most</h3>')
    if codes:
        out.append('<table class="toprules"><thead><tr><th>Rule</th><th>Name</th><th>Category</th><th class="num">Findings</th></tr></thead><tbody>')
        for code, n in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))[:10]:
            info = rules.get(code, {})
            cat = info.get("c", "")
            out.append(
                f'<tr><td><a class="code" href="#rule-{_e(code)}">{_e(code)}</a></td><td>{_e(info.get("n", ""))}</td>'
                f'<td><span class="swatch cat-{_e(cat if cat in CATEGORY_COLORS else "other")}"></span>{_e(cat)}</td><td class="num">{n:,}</td></tr>'
            )
        out.append("</tbody></table>")
    else:
        out.append('<p class="muted">No findings.</p>')
    out.append("</div></div></section>")
    return "".join(out)


def _rule_docs(rules: dict[str, Any], ctx: ReportContext) -> str:
    out = ['<section id="rules" aria-labelledby="rules-h"><h2 id="rules-h">Rules</h2>']
    for code, info in rules.items():
        cls = ctx.rule(code)
        doc = cls.doc_sections() if cls is not None else {}
        cat = info["c"] if info["c"] in CATEGORY_COLORS else "other"
        out.append(
            f'<article class="ruledoc" id="rule-{_e(code)}"><h3><span class="code">{_e(code)}</span> {_e(info["n"])}</h3>'
            f'<p class="meta"><span class="swatch cat-{_e(cat)}"></span>{_e(info["c"])} · default severity '
            f'<span class="badge sev-{_e(info["s"])}">{_e(info["s"])}</span> · fix priority {info["p"]}</p><dl>'
        )
        for heading in ("What it flags", "Why", "Example", "Fix"):
            if doc.get(heading):
                paras = "".join(f"<p>{_e(p)}</p>" for p in doc[heading].split("\n\n"))
                out.append(f"<dt>{_e(heading)}</dt><dd>{paras}</dd>")
        out.append("</dl></article>")
    out.append("</section>")
    return "".join(out)


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def render(results: Sequence[Any], ctx: ReportContext) -> str:
    names = {f.code: (f.name, f.category) for r in results for f in r.findings}
    rules = _rule_info(names, ctx, names)

    def priority(code: str) -> int:
        return int(rules.get(code, {}).get("p", DEFAULT_PRIORITY))

    files_meta = []
    blocks = []
    for i, r in enumerate(results):
        counts: Counter = Counter((f.code, f.severity) for f in r.findings)
        files_meta.append(
            {
                "p": r.path,
                "err": r.error,
                "skip": r.skipped,
                "enc": getattr(r, "encoding", None),
                "w": getattr(r, "words", 0),
                "n": len(r.findings),
                "c": [[code, s, n] for (code, s), n in sorted(counts.items())],
                "hasText": getattr(r, "text", None) is not None,
            }
        )
        if not r.skipped:
            blocks.append(
                f'<script type="application/json" id="gl-f-{i}">{json_for_script(_file_data(r, priority))}</script>'
            )
    meta = {
        "version": ctx.version,
        "rules": rules,
        "categories": [c for c in CATEGORY_COLORS],
        "severities": list(SEVERITY_ORDER),
        "files": files_meta,
    }
    script = _asset("html-report.js")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    csp = (
        f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    css = _asset("html-report.css") + "\n" + _category_css()
    n_findings = sum(len(r.findings) for r in results)
    title = f"garblint report: {n_findings:,} finding{'s' if n_findings != 1 else ''} in {len(results):,} file{'s' if len(results) != 1 else ''}"
    return "".join(
        [
            "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
            f'<meta http-equiv="Content-Security-Policy" content="{_e(csp)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="referrer" content="no-referrer">',
            f"<title>{_e(title)}</title><style>{css}</style></head><body>",
            f'<header class="top"><h1>garblint report</h1><span class="muted">garblint {_e(ctx.version)}</span>',
            '<nav class="toplinks"><a href="#summary">Summary</a> <a href="#viewer">Files</a> <a href="#rules">Rules</a> '
            '<button type="button" id="help-btn" aria-expanded="false" aria-controls="help">Keys (?)</button></nav></header>',
            '<div id="help" hidden><h2>Keyboard</h2><dl>'
            "<dt>j / n</dt><dd>next finding</dd><dt>k / p</dt><dd>previous finding</dd>"
            "<dt>] / [</dt><dd>next / previous file</dd><dt>1 / 2 / 3</dt><dd>as written / suggestions applied / side-by-side diff</dd>"
            "<dt>s / a</dt><dd>apply safe suggestions only / all suggestions</dd><dt>Esc</dt><dd>close the popup</dd></dl></div>",
            "<main>",
            _summary(results, rules),
            '<section id="viewer" aria-label="Files"><noscript><p>The per-file view needs JavaScript; the summary and rule documentation above and below work without it.</p></noscript></section>',
            _rule_docs(rules, ctx),
            "</main>",
            f'<script type="application/json" id="gl-meta">{json_for_script(meta)}</script>',
            "".join(blocks),
            f"<script>{script}</script>",
            "</body></html>\n",
        ]
    )
