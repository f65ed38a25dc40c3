"""Inline suppressions, "[sic]", and the findings they hide.

Directives, in any file (the comment form is the natural one in Markdown and HTML, the line
form in plain text)::

    <!-- garblint-disable N001,Q -->  ...  <!-- garblint-enable -->
    <!-- garblint-disable-next-line S -->
    garblint: disable=N001,Q   ...   garblint: enable
    garblint: disable-next-line=S

Codes are rule codes or prefixes (``Q`` is the whole family), separated by commas or spaces;
no codes means every rule. ``enable`` with codes ends only the open ``disable`` directives that
name one of them; without codes it ends all. A directive that hides nothing is itself reported
(rule X001, like ruff's RUF100), so stale suppressions do not pile up.

"[sic]" (or "[sic!]") right after a span hides spelling (S), name (N) and garble (G) findings
on that span: the editor has marked the odd text as intended.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING, Iterator, Sequence

from .finding import Finding
from .lazyre import lazy_re
from ._records import FACTORY, record

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document
    from .rule import Rule

UNUSED_CODE = "X001"
SIC_FAMILIES = ("S", "N", "G")

_HTML_DIRECTIVE = lazy_re(
    r"<!--[ \t]*garblint-(?P<kind>disable-next-line|disable|enable)\b(?P<codes>[^>]*?)[ \t]*-->", re.I
)
_LINE_DIRECTIVE = lazy_re(
    r"^[ \t]*garblint:[ \t]*(?P<kind>disable-next-line|disable|enable)\b"
    r"(?:[ \t]*=[ \t]*(?P<codes>[A-Za-z0-9, \t]*?))?[ \t]*$",
    re.I | re.M,
)
#: a colon after "garblint" (any case): every line directive holds one. Searched from its
#: colon, a character prose has few of, this tells in about a millisecond a megabyte that has no
#: line directive; _LINE_DIRECTIVE, anchored at every line start, takes about ten.
_LINE_DIRECTIVE_HINT = lazy_re(r":(?<=garblint:)", re.I)
_CODE_SPLIT = lazy_re(r"[,\s]+")
_SIC_ANY = lazy_re(r"\[sic!?\]", re.I)
_SIC = lazy_re(r"[\"'\u201d\u2019)\].,;:!?]{0,3}[ \t]*\[sic!?\]", re.I)


@record(("kind", "codes", "start", "end", "used"))
class Directive:
    kind: str  # disable, disable-next-line, enable
    codes: tuple[str, ...] | None  # None: every rule
    start: int  # the directive's own span in the text
    end: int
    used: set[str]  # codes (or "*") that hid a finding (default: a new empty set)

    def __init__(self, kind: str, codes: tuple[str, ...] | None, start: int, end: int, used: set[str] = FACTORY) -> None:
        self.kind = kind
        self.codes = codes
        self.start = start
        self.end = end
        self.used = set() if used is FACTORY else used


@record(("directive", "start", "end"))
class Scope:
    directive: Directive
    start: int
    end: int

    def __init__(self, directive: Directive, start: int, end: int) -> None:
        self.directive = directive
        self.start = start
        self.end = end


def _codes(raw: str | None) -> tuple[str, ...] | None:
    if not raw:
        return None
    codes = tuple(c.upper() for c in _CODE_SPLIT.split(raw.strip()) if c)
    return codes or None


def parse_directives(text: str, exclude: Sequence[tuple[int, int]] = ()) -> list[Directive]:
    """Directives in ``text``, in order, leaving out those starting inside ``exclude`` regions."""
    out = []
    starts = [a for a, _ in exclude]
    for rx in (_HTML_DIRECTIVE, _LINE_DIRECTIVE):
        if rx is _LINE_DIRECTIVE and _LINE_DIRECTIVE_HINT.search(text) is None:
            continue
        for m in rx.finditer(text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < exclude[i][1]:
                continue
            out.append(Directive(m.group("kind").lower(), _codes(m.group("codes")), m.start(), m.end()))
    out.sort(key=lambda d: d.start)
    return out


def directive_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of suppression directives, for masking (rules must not lint them)."""
    if "garblint" not in text:
        return
    for d in parse_directives(text):
        yield d.start, d.end


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end (before the line break) of the line after the one containing ``pos``."""
    nl = re.compile(r"\r\n|\r|\n")
    m = nl.search(text, pos)
    if m is None:
        return len(text), len(text)
    a = m.end()
    m2 = nl.search(text, a)
    return a, (m2.start() if m2 else len(text))


def scopes(text: str, directives: Sequence[Directive]) -> list[Scope]:
    out: list[Scope] = []
    open_: list[Directive] = []
    open_at: dict[int, int] = {}
    for d in directives:
        if d.kind == "disable-next-line":
            a, b = _line_bounds(text, d.end)
            out.append(Scope(d, a, b))
        elif d.kind == "disable":
            open_.append(d)
            open_at[id(d)] = d.end
        else:  # enable
            keep = []
            for o in open_:
                if d.codes is None or o.codes is None or any(_matches(c, o.codes) or _matches(oc, (c,)) for c in d.codes for oc in o.codes):
                    out.append(Scope(o, open_at[id(o)], d.start))
                else:
                    keep.append(o)
            open_ = keep
    for o in open_:
        out.append(Scope(o, open_at[id(o)], len(text)))
    return out


def _matches(code: str, prefixes: tuple[str, ...] | None) -> bool:
    if prefixes is None:
        return True
    return any(p == "ALL" or code.startswith(p) for p in prefixes)


def _sic_follows(text: str, end: int) -> bool:
    return _SIC.match(text, end) is not None


def apply_suppressions(doc: "Document", findings: list[Finding], rules: Sequence["Rule"]) -> list[Finding]:
    """Drop findings on masked text, suppressed ones and "[sic]" ones; add X001 for unused directives."""
    if doc.masks:
        findings = _mask_filter(doc, findings, frozenset(r.code for r in rules if r.structural))
    source = doc.source
    if _SIC_ANY.search(source):
        findings = [f for f in findings if not (f.code[:1] in SIC_FAMILIES and _sic_follows(source, f.end))]
    if "garblint" not in source:
        return findings
    from .markup import code_regions

    # In Markdown, a directive shown in a code block or code span is an example, not a directive.
    parsed = parse_directives(source, code_regions(source, doc.path))
    directives = [d for d in parsed if d.kind != "enable"]
    if not directives:
        return findings
    all_scopes = scopes(source, parsed)
    all_scopes.sort(key=lambda s: s.start)
    out = []
    for f in findings:
        hidden = False
        for s in all_scopes:
            if s.start > f.start:
                break
            if f.start < s.end and _matches(f.code, s.directive.codes):
                hidden = True
                codes = s.directive.codes
                if codes is None:
                    s.directive.used.add("*")
                else:
                    s.directive.used.update(c for c in codes if f.code.startswith(c) or c == "ALL")
        if not hidden:
            out.append(f)
    by_code = {r.code: r for r in rules}
    unused_rule = by_code.get(UNUSED_CODE)
    if unused_rule is None:
        return out
    from .rule import rule_codes

    known = rule_codes()
    selected = list(by_code)
    for d in directives:
        u = d.used
        if d.codes is None:
            if not u:
                out.append(_unused(unused_rule, doc, d, "unused suppression: nothing hidden here"))
            continue
        bad = []
        for c in d.codes:
            if c in u:
                continue
            if c != "ALL" and not any(k.startswith(c) for k in known):
                bad.append(f"{c} (unknown rule code)")
            elif c == "ALL" or any(k.startswith(c) for k in selected):
                bad.append(c)
        if bad:
            out.append(_unused(unused_rule, doc, d, "unused suppression of " + ", ".join(bad) + ": nothing hidden here"))
    return out


#: findings in these categories next to blanked text are artifacts of the blanking
#: ("see `x` here" reads as a run of spaces); longer findings in other categories that
#: wholly contain a blanked region (a duplicated paragraph with a link) are real.
_ARTIFACT_CATEGORIES = frozenset({"whitespace", "punctuation", "repetition", "quote"})
_LONG_SPAN = 40


def _mask_filter(doc: "Document", findings: list[Finding], structural: frozenset[str] = frozenset()) -> list[Finding]:
    masks = doc.masks
    starts = [a for a, _ in masks]
    ends = [b for _, b in masks]
    layout = doc.layout
    out = []
    for f in findings:
        start = f.start
        if layout and f.code in structural and _in_layout(doc, f):
            # encoding damage in code, a table or a banner of plain text: reported, but its
            # repair is never applied unattended (--fix edits only prose)
            unsafe = tuple(replace(g, safe=False) for g in f.suggestions)
            out.append(replace(f, text=doc.source[f.start : f.end], suggestions=unsafe))
            continue
        end = max(f.end, start + 1)
        # the masks are sorted and disjoint: the last one starting before ``end`` ends last of
        # those, so the span meets a mask only if that one ends after its start (most do not)
        k = bisect_left(starts, end) - 1
        if k < 0 or ends[k] <= start:
            out.append(f)
            continue
        i = max(bisect_right(starts, start) - 1, 0)
        hits = []
        while i < len(masks) and masks[i][0] < end:
            if masks[i][1] > f.start:
                hits.append(masks[i])
            i += 1
        if not hits:
            out.append(f)
            continue
        partial = any(a < f.start or b > f.end for a, b in hits)
        if partial or f.end - f.start < _LONG_SPAN or f.category in _ARTIFACT_CATEGORIES:
            continue
        # Kept: quote the original text, and only a deletion may be applied (a rewrite
        # computed from the blanked text would wipe out the code or link inside).
        out.append(
            replace(f, text=doc.source[f.start : f.end], suggestions=tuple(s for s in f.suggestions if s.replacement == ""))
        )
    return out


def _in_layout(doc: "Document", f: Finding) -> bool:
    """The finding lies wholly inside the plain-text layout regions (not in a directive)."""
    layout = doc.layout
    i = bisect_right([a for a, _ in layout], f.start) - 1
    return i >= 0 and f.start >= layout[i][0] and max(f.end, f.start + 1) <= layout[i][1]


def _unused(rule: "Rule", doc: "Document", d: Directive, message: str) -> Finding:
    f = rule.finding(doc, d.start, d.end, message, [("", False)], confidence=1.0)
    # The directive is blanked in ``doc.text``: quote the source, and make the fingerprint from
    # it when it is first read, as for any finding of ``Rule.finding`` (finding._Fingerprint; a
    # text report never reads it). ``f`` is new and ours: its fields are set in place.
    text = doc.source[d.start : d.end]
    f.__dict__.update(text=text, _fingerprint_of=(rule.code, text, doc.source[max(0, d.start - 24) : d.start], doc.source[d.end : d.end + 24]))
    return f

