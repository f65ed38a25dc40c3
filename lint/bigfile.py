"""Big files: the rules that allow it (``Rule.splittable``) lint pieces cut at blank lines, in
worker processes when there are idle ones; the document-level rules run on the whole document,
shared out among the workers by family (``Rule.family``, weighed by ``Rule.family_cost``).
The findings are the same as one process linting the whole file gives.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any, Sequence

from .textio import content_digest
from .config import Config
from .document import _PARA_SEP, Document
from .finding import Finding, make_fingerprint
from .rule import Rule, _line_context
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
    for m in _PARA_SEP.finditer(text):
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
    result = FileResult(target.path)
    try:
        data = _target_bytes(target)
        doc = document_from_bytes(data, target.path)
    except (InputError, MemoryError):
        return _lint_one((target, config, corpus))
    result.digest = content_digest(data)
    result.encoding = doc.encoding
    spans = split_spans(doc.text, max(pieces, -(-len(doc.text) // PIECE_CHARS)))

    def piece(a: int, b: int) -> tuple[str, str | None, str, str | None, bool, str]:
        return (doc.text[a:b], doc.path, doc.encoding, doc.encoding_note, doc.bom, doc.newline)

    rules = selected_rules(config)
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
    doc.corpus.update(corpus)
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
