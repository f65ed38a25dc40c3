"""Big files: the rules that allow it (``Rule.splittable``) lint pieces cut at blank lines, in
worker processes when there are idle ones; the document-level rules run on the whole document,
shared out among the workers by family (``Rule.family``, weighed by ``Rule.family_cost``).
On Linux, while this process runs one thread, a file below ``SPLIT_ALWAYS_CHARS`` is instead
built once and shared with forked children (lint/forkshare.py): no process builds it again.
The findings are the same as one process linting the whole file gives.

Huge files (``WINDOW_MIN_CHARS`` or more) are linted in windows instead: every rule but the
truly document-level ones (``DOCUMENT_LEVEL``) runs on windows of about ``WINDOW_CHARS``
characters cut at blank lines, one window's Document at a time (or one per worker), so memory
holds one window's words and analyses, not the whole file's. Names are checked within each
window, and across windows through N004's per-window facts (each window one document of a
corpus; see ``lint_windows``). A rule's context ends at a window's border: findings differ
from an unwindowed run only where what a rule weighs crosses a border (docs/performance.md).
"""

from __future__ import annotations

from dataclasses import replace
import re
from bisect import bisect_left
from typing import TYPE_CHECKING, Any, NamedTuple, Sequence

from .textio import content_digest
from .config import Config
from .document import Document, para_seps, WindowFacts, paragraph_key
from .finding import Finding, make_fingerprint
from .rule import Rule, _line_context
from . import forkshare, runner
from .runner import (
    _WORKER,
    PIECE_CHARS,
    TEXT_FORMATS,
    FileResult,
    Notice,
    Target,
    _lint_one,
    _target_bytes,
    finish_findings,
    run_rules,
    selected_rules,
)
from .textio import InputError, document_from_bytes

if TYPE_CHECKING:  # pragma: no cover
    from concurrent.futures import ProcessPoolExecutor


def _worker_piece(piece: tuple[str, str | None, str, str | None, bool, str]) -> tuple[list[Finding], list[str]]:
    return _lint_piece(piece, _WORKER["config"])


def _lint_piece(piece: tuple[str, str | None, str, str | None, bool, str], config: Config) -> tuple[list[Finding], list[str]]:
    text, path, encoding, note, bom, newline = piece
    doc = Document(text, path, encoding=encoding, encoding_note=note, bom=bom, newline=newline)
    return run_rules(doc, config, [r for r in selected_rules(config) if r.splittable], finish=False)


#: what a worker pays before its first rule: building the Document's words and sentences again
_WORKER_START_COST = 2.5


def whole_rule_groups(rules: Sequence[Rule], n: int) -> list[list[Rule]]:
    """Share document-level rules out among ``n`` processes (the first is the main one), whole
    families together (they share their analyses), heaviest first onto the least loaded; each
    group keeps the rules' order."""
    families: dict[str, list[Rule]] = {}
    for r in rules:
        families.setdefault(r.family, []).append(r)
    cost = {fam: max(r.family_cost for r in members) for fam, members in families.items()}
    load = [0.0] + [_WORKER_START_COST] * (n - 1)
    chosen: dict[str, int] = {}
    for fam in sorted(families, key=lambda f: -cost[f]):
        k = min(range(n), key=lambda i: load[i])
        load[k] += cost[fam]
        chosen[fam] = k
    return [[r for r in rules if chosen[r.family] == k] for k in range(n)]


def _worker_whole(args: tuple[tuple[Any, ...], list[str]]) -> tuple[list[Finding], list[str], list[Notice]]:
    """Some document-level rules on a copy of the whole document, in a worker process."""
    (text, source, masks, layout, path, encoding, note, bom, newline), codes = args
    config = _WORKER["config"]
    doc = Document(text, path, encoding=encoding, encoding_note=note, bom=bom, newline=newline, source=source, masks=masks, layout=layout)
    rules = [r for r in selected_rules(config) if r.code in codes]
    doc.corpus.update(_WORKER["corpus"])
    for r in rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    notices: list[Notice] = []
    findings, crashes = run_rules(doc, config, rules, notices, finish=False)
    return findings, crashes, notices


def split_spans(text: str, pieces: int) -> list[tuple[int, int]]:
    """Cut ``text`` into about ``pieces`` spans at line starts after blank lines (paragraph breaks)."""
    size = len(text) / max(1, pieces)
    cuts = [0]
    for m in para_seps(text):
        if m.end() - cuts[-1] >= size and len(cuts) < pieces and m.end() < len(text):
            cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _shift(f: Finding, doc: Document, offset: int) -> Finding:
    """A piece's finding, moved to whole-document offsets, lines and fingerprint."""
    text = doc.text
    start, end = f.start + offset, f.end + offset
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    fp = make_fingerprint(f.code, text[start:end], *_line_context(doc, start, end, line, end_line))
    suggestions = f.suggestions
    if any(s.edits for s in suggestions):
        suggestions = tuple(replace(s, edits=tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in s.edits)) for s in suggestions)
    return replace(
        f,
        start=start,
        end=end,
        line=line,
        column=col,
        end_line=end_line,
        end_column=end_col,
        fingerprint=fp,
        suggestions=suggestions,
    )


def lint_split(
    target: Target,
    config: Config,
    corpus: dict[str, Any],
    pool: ProcessPoolExecutor | None,
    pieces: int,
    workers: int = 1,
) -> FileResult:
    """Lint one big file: splittable rules on pieces (in the workers, if a pool is given), the
    others on the whole document, here and (with ``workers`` > 1) in the workers by family."""
    if runner._size(target) >= runner.WINDOW_MIN_BYTES:
        return lint_windows(target, config, corpus, pool)
    result = FileResult(target.path)
    try:
        data = _target_bytes(target)
        doc = document_from_bytes(data, target.path)
    except (InputError, MemoryError):
        return _lint_one((target, config, corpus))
    result.digest = content_digest(data)
    result.encoding = doc.encoding
    rules = selected_rules(config)
    doc.corpus.update(corpus)
    if pool is not None and workers > 1 and len(doc.text) < runner.SPLIT_ALWAYS_CHARS and forkshare.available():
        # every rule on the one Document, its words and sentences built before the fork
        doc.words, doc.sentences
        findings, crashes = forkshare.run_shared(doc, config, rules, workers - 1, result.notices)
        return _finish_split(result, doc, findings, crashes, config, rules)
    spans = split_spans(doc.text, max(pieces, -(-len(doc.text) // PIECE_CHARS)))

    def piece(a: int, b: int) -> tuple[str, str | None, str, str | None, bool, str]:
        return (doc.text[a:b], doc.path, doc.encoding, doc.encoding_note, doc.bom, doc.newline)

    whole_rules = [r for r in rules if not r.splittable]
    others: list[tuple[Any, list[Rule]]] = []
    if pool is not None and workers > 1:
        # the document-level families too are shared out: the heavy ones go to the workers,
        # each on its own copy of the document (the same text, so the same findings)
        groups = whole_rule_groups(whole_rules, workers)
        whole_rules = groups[0]
        whole = (doc.text, doc.source, doc.masks, doc.layout, doc.path, doc.encoding, doc.encoding_note, doc.bom, doc.newline)
        others = [(pool.submit(_worker_whole, (whole, [r.code for r in g])), g) for g in groups[1:] if g]
    futures = [pool.submit(_worker_piece, piece(a, b)) for a, b in spans] if pool is not None else None
    for r in whole_rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    findings, crashes = run_rules(doc, config, whole_rules, result.notices, finish=False)
    for fut, group in others:
        try:
            more, more_crashes, notices = fut.result()
        except Exception:  # a worker lost (killed, out of memory): run its families here
            notices = []
            for r in group:
                if r.corpus and r.code not in doc.corpus:
                    doc.corpus[r.code] = r.merge([r.collect(doc, config)])
            more, more_crashes = run_rules(doc, config, group, notices, finish=False)
        findings.extend(more)
        crashes.extend(c for c in more_crashes if c not in crashes)
        result.notices.extend(notices)
    for k, (a, b) in enumerate(spans):
        if futures is None:
            piece_findings, piece_crashes = _lint_piece(piece(a, b), config)
        else:
            try:
                piece_findings, piece_crashes = futures[k].result()
            except Exception:  # a worker lost: lint the piece here
                piece_findings, piece_crashes = _lint_piece(piece(a, b), config)
        findings.extend(_shift(f, doc, a) for f in piece_findings)
        crashes.extend(c for c in piece_crashes if c not in crashes)
    return _finish_split(result, doc, findings, crashes, config, rules)


def _finish_split(
    result: FileResult, doc: Document, findings: list[Finding], crashes: list[str], config: Config, rules: Sequence[Rule]
) -> FileResult:
    # suppressions, masks and doubles are settled on the whole document, across all rules
    findings = finish_findings(doc, findings, config, rules)
    if config.get("output-format") in TEXT_FORMATS:
        result.text = doc.source
    result.findings = findings
    result.words = doc.word_count
    result.source_lines = {ln: doc.source_line_text(ln) for ln in dict.fromkeys(n for f in findings for n in range(f.line, f.end_line + 1))}
    if crashes:
        result.error = "; ".join(crashes)
    return result


# ------------------------------------------------------------------- windows
#: about this many characters per window (about 120,000 words of prose): a window's Document,
#: words and analyses take less than the benchmark file's, so that a 20 MB file peaks under
#: 400 MB with its findings (1,000,000 peaked at 397 MB)
WINDOW_CHARS = 750_000

_Regions = tuple[tuple[int, int], ...]


class Window(NamedTuple):
    """One window of a huge file, as a worker receives it."""

    text: str
    source: str
    masks: _Regions
    layout: _Regions
    path: str | None
    encoding: str
    #: the file's encoding note, given to the first window only (E003 reports it once)
    encoding_note: str | None
    bom: bool
    newline: str
    #: where the window starts in the file: offset, lines before it, and the column of its
    #: first character (0 unless a line longer than a window had to be cut)
    offset: int
    line_offset: int
    column_offset: int
    #: settle suppressions, masks and doubles in the window (False: the caller does, on the
    #: whole document, because the file holds suppression directives)
    finish: bool
    facts: WindowFacts | None


def window_spans(text: str, size: int | None = None) -> list[tuple[int, int]]:
    """Cut ``text`` into windows of about ``size`` characters at paragraph breaks (at line
    breaks inside a paragraph longer than twice ``size``, at ``size`` inside a line longer
    than that); the windows cover the text exactly, in order."""
    size = size or WINDOW_CHARS
    spans = split_spans(text, max(1, -(-len(text) // size)))
    out: list[tuple[int, int]] = []
    for a, b in spans:
        while b - a > 2 * size:
            cut = text.rfind("\n", a + size // 2, a + size + size // 2)
            cut = cut + 1 if cut > a else a + size
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _clip(regions: _Regions, a: int, b: int) -> _Regions:
    """The (start, end) regions that overlap ``a``-``b``, cut to it and moved to window offsets."""
    lo = bisect_left(regions, (a,)) - 1 if regions else 0
    out = []
    for s, e in regions[max(0, lo) :]:
        if s >= b:
            break
        if e > a:
            out.append((max(s, a) - a, min(e, b) - a))
    return tuple(out)


def window_facts(windows: Sequence[tuple[str, int]]) -> list[WindowFacts]:
    """For each window (its text and where it starts), which of its paragraphs occur in an
    earlier window and which occur more than once in the whole file (the names analysis counts
    a repeated passage once): one 64-bit digest per paragraph, not its text."""
    keys: list[list[int]] = []
    for text, _ in windows:
        keys.append([paragraph_key(p.text) for p in Document(text).paragraphs if len(" ".join(p.text.split())) > 20])
    counts: dict[int, int] = {}
    for ks in keys:
        for h in ks:
            counts[h] = counts.get(h, 0) + 1
    seen: set[int] = set()
    out: list[WindowFacts] = []
    for ks in keys:
        out.append(WindowFacts(frozenset(h for h in ks if h in seen), frozenset(h for h in ks if counts[h] > 1)))
        seen.update(ks)
    return out


def _move(f: Finding, w: Window) -> Finding:
    """A window's finding at whole-file offsets, lines and columns (its fingerprint, made from
    the text of its own lines, is the same)."""
    off, lo, co = w.offset, w.line_offset, w.column_offset
    suggestions = f.suggestions
    if any(s.edits for s in suggestions):
        suggestions = tuple(replace(s, edits=tuple(replace(e, start=e.start + off, end=e.end + off) for e in s.edits)) for s in suggestions)
    return replace(
        f,
        start=f.start + off,
        end=f.end + off,
        line=f.line + lo,
        column=f.column + co if f.line == 1 else f.column,
        end_line=f.end_line + lo,
        end_column=f.end_column + co if f.end_line == 1 else f.end_column,
        suggestions=suggestions,
    )


def prepare_windows(windows: list[Window], config: Config, rules: Sequence[Rule], pool: ProcessPoolExecutor | None = None) -> list[Window]:
    """What each window needs of the others, found before any is checked: which paragraphs
    repeat (for the names analysis, ``window_facts``) and what the rules that look across the
    document collect (``Rule.window_collect`` / ``window_merge``)."""
    if any(r.family == "N" for r in rules):
        facts = window_facts([(w.text, w.offset) for w in windows])
    else:
        facts = [WindowFacts(frozenset(), frozenset()) for _ in windows]
    facts = [f._replace(line_offset=w.line_offset, more=k + 1 < len(windows)) for k, (w, f) in enumerate(zip(windows, facts))]
    windows = [w._replace(facts=f) for w, f in zip(windows, facts)]
    hooks = [r for r in rules if type(r).window_collect is not Rule.window_collect]
    if not hooks:
        return windows
    out: list[dict[str, Any]] | None = None
    if pool is not None:
        try:
            out = list(pool.map(_worker_window_collect, windows))
        except Exception:  # workers lost: collect here
            out = None
    if out is None:
        out = [window_collect(w, config) for w in windows]
    merged = {r.code: r.window_merge([o[r.code] for o in out]) for r in hooks}
    return [w._replace(facts=w.facts._replace(rules={code: m[k] for code, m in merged.items()})) for k, w in enumerate(windows)]  # type: ignore[union-attr]


def window_collect(w: Window, config: Config) -> dict[str, Any]:
    """``Rule.window_collect`` of every selected rule that has one, on one window."""
    doc = _window_document(w)
    doc.window = w.facts
    return {r.code: r.window_collect(doc, config) for r in selected_rules(config) if type(r).window_collect is not Rule.window_collect}


def _worker_window_collect(w: Window) -> dict[str, Any]:
    return window_collect(w, _WORKER["config"])


def _window_document(w: Window) -> Document:
    return Document(
        w.text,
        w.path,
        encoding=w.encoding,
        encoding_note=w.encoding_note,
        bom=w.bom,
        newline=w.newline,
        source=w.source,
        masks=w.masks,
        layout=w.layout,
    )


_WindowResult = tuple[list[Finding], dict[int, str], list[str], list[Notice], int]


def lint_window(w: Window, config: Config, corpus: dict[str, Any]) -> _WindowResult:
    """Every selected rule on one window, as a document of its own: its findings at whole-file
    positions, the source lines they sit on, crash messages, notices and its word count."""
    doc = _window_document(w)
    doc.window = w.facts
    rules = selected_rules(config)
    doc.corpus.update(corpus)
    for r in rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    notices: list[Notice] = []
    findings, crashes = run_rules(doc, config, rules, notices, finish=w.finish)
    lines = (
        {ln + w.line_offset: doc.source_line_text(ln) for ln in dict.fromkeys(n for f in findings for n in range(f.line, f.end_line + 1))}
        if w.finish
        else {}
    )
    return [_move(f, w) for f in findings], lines, crashes, notices, doc.word_count


def _worker_window(w: Window) -> _WindowResult:
    return lint_window(w, _WORKER["config"], _WORKER["corpus"])


_PARA_SEP_BYTES = re.compile(rb"(?:\r\n|\r(?!\n)|\n)(?:[ \t\f\v]*(?:\r\n|\r(?!\n)|\n))+")
_NEWLINE_BYTES = re.compile(rb"\r\n|\r|\n")


def _byte_spans(data: bytes, size: int | None = None) -> list[tuple[int, int]]:
    """``window_spans`` on UTF-8 bytes: cuts after a blank line (else after a line break, else
    at a character boundary), found without decoding the whole file."""
    size = size or WINDOW_CHARS
    cuts = [0]
    for m in _PARA_SEP_BYTES.finditer(data):
        if m.end() - cuts[-1] >= size and m.end() < len(data):
            cuts.append(m.end())
    cuts.append(len(data))
    out: list[tuple[int, int]] = []
    for a, b in zip(cuts, cuts[1:]):
        while b - a > 2 * size:
            cut = data.rfind(b"\n", a + size // 2, a + size + size // 2)
            if cut > a:
                cut += 1
            else:
                cut = a + size
                while data[cut] & 0xC0 == 0x80:  # not inside a character
                    cut += 1
            out.append((a, cut))
            a = cut
        if b > a:
            out.append((a, b))
    return out


def _windows_from_bytes(data: bytes, path: str | None) -> list[Window] | None:
    """Windows decoded and masked one at a time from a UTF-8 plain-text file (the whole text
    never exists as one string); None for any other file (markup, a byte-order mark, another
    encoding, NUL bytes), which is decoded whole as usual."""
    from .inlinecode import SIGNS_WINDOW, code_signs
    from .layout import finish_layout, layout_blocks
    from .markup import blank, embedded_post_regions, is_html, is_markdown, is_rst, merge
    from .suppress import directive_spans
    from .textio import _BOMS

    if is_markdown(path) or is_rst(path) or is_html(path) or any(data.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in data[:8192] or b"\x00" in data[-8192:]:
        return None
    i, j = data.find(b"\n"), data.find(b"\r")
    newline = ("\r\n" if data.startswith(b"\r\n", j) else "\r") if j != -1 and (i == -1 or j < i) else "\n"
    texts: list[tuple[int, int, str, list[tuple[int, int]]]] = []
    strong = 0
    for a, b in _byte_spans(data):
        try:
            text = data[a:b].decode("utf-8")
        except UnicodeDecodeError:
            return None
        if _directives_cross(text, path):
            return None
        blocks, n = layout_blocks(text)
        strong += n
        texts.append((a, b, text, blocks))
    # whether the document is technical is decided on the whole document, as layout_regions does
    if strong < 3:  # (code_signs reads the file's first SIGNS_WINDOW characters)
        head, k = "", 0
        while len(head) < SIGNS_WINDOW and k < len(texts):
            head += texts[k][2][: SIGNS_WINDOW - len(head)]
            k += 1
    technical = strong >= 3 or code_signs(head) >= 3
    windows: list[Window] = []
    offset = line_offset = column = 0
    for a, b, text, blocks in texts:
        regions = list(directive_spans(text))
        regions.extend(embedded_post_regions(text))
        layout = merge(finish_layout(text, blocks, technical))
        regions.extend(layout)
        masks = merge(regions)
        windows.append(
            Window(
                blank(text, masks) if masks else text,
                text,
                tuple(masks),
                tuple(layout),
                path,
                "utf-8",
                None,
                False,
                newline,
                offset,
                line_offset,
                column,
                True,
                None,
            )
        )
        offset += len(text)
        last = None
        for last in _NEWLINE_BYTES.finditer(data, a, b):
            line_offset += 1
        column = len(data[last.end() : b].decode("utf-8")) if last is not None else column + len(text)
    return windows


def _directives_cross(source: str, path: str | None) -> bool:
    """Does a suppression directive in this window's text reach past its end (a ``disable``
    left open, a ``disable-next-line`` on its last line)? Then the window cannot settle its
    findings alone."""
    if "garblint" not in source:
        return False
    from .markup import code_regions
    from .suppress import parse_directives, scopes

    return any(sc.end >= len(source) for sc in scopes(source, parse_directives(source, code_regions(source, path))))


def _windows_from_document(doc: Document) -> tuple[list[Window], bool]:
    """Windows cut from a whole document (a file ``_windows_from_bytes`` does not take), and
    whether a suppression directive crosses a window's border."""
    spans = window_spans(doc.text)
    directives = any(_directives_cross(doc.source[a:b], doc.path) for a, b in spans)
    windows = []
    for k, (a, b) in enumerate(spans):
        text = doc.text[a:b]
        line, col = doc.line_col(a)
        windows.append(
            Window(
                text,
                text if doc.source is doc.text else doc.source[a:b],
                _clip(doc.masks, a, b),
                _clip(doc.layout, a, b),
                doc.path,
                doc.encoding,
                doc.encoding_note if k == 0 else None,
                doc.bom,
                doc.newline,
                a,
                line - 1,
                col - 1,
                not directives,
                None,
            )
        )
    return windows, directives


def lint_windows(target: Target, config: Config, corpus: dict[str, Any], pool: ProcessPoolExecutor | None) -> FileResult:
    """Lint one huge file in windows, in the workers if a pool is given. A UTF-8 plain-text file
    is decoded window by window; any other is decoded whole and cut, and the whole document is
    dropped once the windows are cut (kept only when the file holds suppression directives,
    whose ranges may cross windows, to settle the findings on it)."""
    result = FileResult(target.path)
    try:
        data = _target_bytes(target)
        result.digest = content_digest(data)
        windows = _windows_from_bytes(data, target.path)
        doc: Document | None = None if windows is not None else document_from_bytes(data, target.path)
    except (InputError, MemoryError):
        return _lint_one((target, config, corpus))
    del data
    whole = None
    if windows is None:
        assert doc is not None
        windows, directives = _windows_from_document(doc)
        whole = doc if directives else None
        del doc  # the windows hold the text now, in the narrowest form each needs
    result.encoding = windows[0].encoding if windows else "utf-8"
    rules = selected_rules(config)
    windows = prepare_windows(windows, config, rules, pool)
    futures = [pool.submit(_worker_window, w) for w in windows] if pool is not None else None
    keep_text = config.get("output-format") in TEXT_FORMATS
    findings: list[Finding] = []
    crashes: list[str] = []
    words = 0
    seen_notices: set[Notice] = set()
    for k in range(len(windows)):
        out = None
        if futures is not None:
            try:
                out = futures[k].result()
            except Exception:  # a worker lost (killed, out of memory): lint the window here
                out = None
        if out is None:
            out = lint_window(windows[k], config, corpus)
        more, lines, more_crashes, notices, n = out
        if not keep_text:
            windows[k] = windows[k]._replace(text="", source="")  # done with: free it
        words += n
        findings.extend(more)
        result.source_lines.update(lines)
        crashes.extend(c for c in more_crashes if c not in crashes)
        for nt in notices:  # one notice per rule, as for one document
            if nt not in seen_notices:
                seen_notices.add(nt)
                result.notices.append(nt)
    if whole is not None:
        findings = finish_findings(whole, findings, config, rules)
        result.source_lines = {ln: whole.source_line_text(ln) for ln in dict.fromkeys(n for f in findings for n in range(f.line, f.end_line + 1))}
    if keep_text:
        result.text = "".join(w.source for w in windows)
    result.findings = findings
    result.words = words
    if crashes:
        result.error = "; ".join(crashes)
    return result
