"""Lint corpora on a Dask cluster: a ``dask.bag`` of texts, a Dask DataFrame column, or files.

Install with ``pip install 'garblint[dask]'``. Every function runs in two passes when corpus
rules are selected (rules with ``Rule.corpus = True``, e.g. name variants across documents):

1. every worker collects the corpus facts of its own documents (``Rule.collect``); only those
   small facts travel back to the client, which merges them (``Rule.merge``);
2. the merged facts are sent once to every worker (one graph key, or ``scatter(broadcast=True)``)
   and each worker lints its own documents with them.

The documents themselves never move to one place, so the corpus can be larger than any machine.
Findings are identical to a local run over the same documents in the same order.

    import dask.bag as db
    from garblint.lint import Config
    from garblint.lint.distributed import lint_bag

    findings = lint_bag(db.from_sequence(texts, npartitions=8), Config())  # a Dask DataFrame
    findings.groupby("code").size().compute()
"""
from __future__ import annotations

import json
import os
from typing import Any, Iterable, Sequence

from .config import Config
from .document import Document
from .finding import Finding
from .rule import Rule
from .runner import BATCH_FILES, FileResult, Target, _batches, _collect_one, _lint_many, _size, collect_facts, run_rules, selected_rules

#: the columns of the findings DataFrame, in order, with their pandas dtypes
COLUMNS: dict[str, str] = {
    "doc": "object",
    "code": "object",
    "name": "object",
    "category": "object",
    "severity": "object",
    "message": "object",
    "start": "int64",
    "end": "int64",
    "line": "int64",
    "column": "int64",
    "end_line": "int64",
    "end_column": "int64",
    "text": "object",
    "replacement": "object",
    "safe": "bool",
    "confidence": "float64",
    "fingerprint": "object",
    "suggestions": "object",
}


class DaskUnavailable(Exception):
    """Dask is not installed, or the scheduler cannot be reached; the message is one line."""


def _require_dask() -> None:
    try:
        import dask  # noqa: F401
        import dask.dataframe  # noqa: F401
    except ImportError as exc:
        raise DaskUnavailable(f"the Dask integration needs: pip install 'garblint[dask]' ({exc})") from None


# ------------------------------------------------------------- per document
def _doc_items(part: Any) -> list[tuple[Any, str]]:
    """(doc id or None, text) pairs of a bag partition (texts or (id, text) pairs) or a pandas Series."""
    if hasattr(part, "items") and hasattr(part, "index"):  # a pandas Series: the index is the id
        return [(i, "" if t is None or t != t else str(t)) for i, t in part.items()]
    out = []
    for item in part:
        if isinstance(item, (tuple, list)) and len(item) == 2:
            out.append((item[0], item[1]))
        else:
            out.append((None, item))
    return out


def _text_of(value: Any) -> str:
    if isinstance(value, bytes):
        from .textio import decode_bytes

        return decode_bytes(value).text
    return "" if value is None else str(value)


def _collect_partition(part: Any, config: Config, codes: list[str]) -> tuple[int, list[dict[str, Any]], bool]:
    """Pass 1: the number of documents in the partition, each one's corpus facts, and whether ids were given."""
    items = _doc_items(part)
    has_ids = any(i is not None for i, _ in items)
    if not codes:
        return len(items), [], has_ids
    rules = [r for r in selected_rules(config) if r.code in codes]
    return len(items), [collect_facts(Document(_text_of(t)), config, rules) for _, t in items], has_ids


def lint_document_with_corpus(doc: Document, config: Config, rules: Sequence[Rule], corpus: dict[str, Any]) -> list[Finding]:
    doc.corpus.update(corpus)
    for r in rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    findings, crashes = run_rules(doc, config, rules)
    if crashes:
        raise RuntimeError("; ".join(crashes))
    return findings


def finding_row(doc_id: Any, f: Finding) -> dict[str, Any]:
    first = f.suggestions[0] if f.suggestions else None
    return {
        "doc": doc_id,
        "code": f.code,
        "name": f.name,
        "category": f.category,
        "severity": f.severity,
        "message": f.message,
        "start": f.start,
        "end": f.end,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_line,
        "end_column": f.end_column,
        "text": f.text,
        "replacement": first.replacement if first else None,
        "safe": bool(first.safe) if first else False,
        "confidence": float(f.confidence),
        "fingerprint": f.fingerprint,
        "suggestions": json.dumps([s.to_dict() for s in f.suggestions], ensure_ascii=False),
    }


def findings_frame(rows: list[dict[str, Any]], doc_dtype: Any = "object"):
    """A pandas DataFrame of finding rows with the fixed columns and dtypes (also the Dask meta)."""
    import pandas as pd

    frame = pd.DataFrame({c: [r[c] for r in rows] for c in COLUMNS}, columns=list(COLUMNS))
    return frame.astype({**COLUMNS, "doc": doc_dtype})


def _lint_partition(part: Any, config: Config, corpus: dict[str, Any], offset: int | None, doc_dtype: Any = "object"):
    """Pass 2: lint a partition's documents; ids are the given ones, else offset + position."""
    rules = selected_rules(config)
    rows = []
    for k, (doc_id, text) in enumerate(_doc_items(part)):
        if doc_id is None:
            doc_id = (offset or 0) + k
        doc = Document(_text_of(text), None if doc_id is None else str(doc_id))
        for f in lint_document_with_corpus(doc, config, rules, corpus):
            rows.append(finding_row(doc_id, f))
    return findings_frame(rows, doc_dtype)


def _needs_positions(parts_kind: str) -> bool:
    return parts_kind == "bag"


def _lint_delayed_parts(parts: list[Any], config: Config, kind: str, doc_dtype: Any = None):
    import dask
    import dask.dataframe as dd

    config.vocabulary  # load the names and word lists here: workers may not see the files
    rules = selected_rules(config)
    codes = [r.code for r in rules if r.corpus]
    offsets: list[int | None] = [None] * len(parts)
    corpus: dict[str, Any] = {}
    config_d = dask.delayed(config, pure=True)
    if codes or _needs_positions(kind):
        firsts = dask.compute(*[dask.delayed(_collect_partition, pure=True)(p, config_d, codes) for p in parts])
        pos = 0
        for i, (n, _, _) in enumerate(firsts):
            offsets[i] = pos
            pos += n
        if doc_dtype is None:
            doc_dtype = "object" if any(has_ids for _, _, has_ids in firsts) else "int64"
        if codes:
            per_doc = [f for _, facts, _ in firsts for f in facts]
            if len(per_doc) > 1:
                for r in rules:
                    if r.corpus:
                        corpus[r.code] = r.merge([f[r.code] for f in per_doc])
    doc_dtype = doc_dtype or "object"
    corpus_d = dask.delayed(corpus, pure=True)
    out = [dask.delayed(_lint_partition, pure=True)(p, config_d, corpus_d, off, doc_dtype) for p, off in zip(parts, offsets)]
    return dd.from_delayed(out, meta=findings_frame([], doc_dtype), verify_meta=False)


def lint_bag(bag: Any, config: Config | None = None):
    """Lint a ``dask.bag`` of texts (or of ``(doc_id, text)`` pairs); return a Dask DataFrame of findings.

    Plain texts get their position in the bag as ``doc`` (int64); given ids are kept (as
    strings once Dask converts object columns). The first pass (document counts, corpus facts)
    is computed now; the linting itself is lazy, as Dask DataFrames are.
    """
    _require_dask()
    return _lint_delayed_parts(bag.to_delayed(), config or Config(), "bag")


def lint_series(series: Any, config: Config | None = None):
    """Lint a Dask Series (a DataFrame column) of documents; ``doc`` is the Series' index."""
    _require_dask()
    return _lint_delayed_parts(series.to_delayed(), config or Config(), "series", series._meta.index.dtype)


# -------------------------------------------------------------- files (CLI)
def _collect_chunk(chunk: list[Target], config: Config, codes: list[str]) -> list[Any]:
    return [_collect_one((t, config, codes)) for t in chunk]


def _lint_chunk(chunk: list[Target], config: Config, corpus: dict[str, Any]) -> list[FileResult]:
    # in the runner's batches (every rule over a batch's files before the next rule)
    runs = _batches([_size(t) for t in chunk], BATCH_FILES)
    return [r for run in runs for r in _lint_many(chunk[run.start : run.stop], config, corpus)]


def _chunks(items: list[Any], n: int) -> list[list[Any]]:
    size = max(1, -(-len(items) // n))
    return [items[i : i + size] for i in range(0, len(items), size)]


def lint_targets_dask(targets: list[Target], config: Config, scheduler: Any, *, tasks_per_worker: int = 4) -> list[FileResult]:
    """``garblint check --dask``: lint files on storage the workers share, results in target order.

    ``scheduler`` is an address (``tcp://host:8786``) or a ``distributed.Client``. Connecting
    gives up after ``GARBLINT_DASK_TIMEOUT`` seconds (default 20).
    """
    _require_dask()
    try:
        from distributed import Client
    except ImportError as exc:
        raise DaskUnavailable(f"the Dask integration needs: pip install 'garblint[dask]' ({exc})") from None
    own = not isinstance(scheduler, Client)
    if own:
        try:
            try:
                timeout = float(os.environ.get("GARBLINT_DASK_TIMEOUT", "20"))
            except ValueError:
                timeout = 20.0
            client = Client(scheduler, timeout=f"{timeout}s")
        except (OSError, TimeoutError, ValueError) as exc:
            raise DaskUnavailable(f"cannot connect to the Dask scheduler at {scheduler}: {exc}") from None
    else:
        client = scheduler
    try:
        config.vocabulary  # shipped with the config: workers need not see the list files
        # Workers may run in another folder: give them absolute paths, keep the displayed ones.
        remote = [
            Target(t.path, os.path.abspath(t.fs_path) if t.fs_path else None, t.data, t.error, t.skipped) for t in targets
        ]
        lintable = [t for t in remote if not (t.error or t.skipped)]
        n_workers = max(1, len(client.scheduler_info().get("workers", {})))
        rules = selected_rules(config)
        codes = [r.code for r in rules if r.corpus]
        corpus: dict[str, Any] = {}
        if codes and len(lintable) > 1:
            chunks = _chunks(lintable, n_workers * tasks_per_worker)
            futs = client.map(_collect_chunk, chunks, config=config, codes=codes, pure=False)
            per_doc = [facts for part in client.gather(futs) for facts, _, _ in part if facts is not None]
            for r in rules:
                if r.corpus:
                    corpus[r.code] = r.merge([f[r.code] for f in per_doc])
        corpus_f = client.scatter(corpus, broadcast=True) if corpus else corpus
        chunks = _chunks(remote, n_workers * tasks_per_worker)
        futs = client.map(_lint_chunk, chunks, config=config, corpus=corpus_f, pure=False)
        return [r for part in client.gather(futs) for r in part]
    finally:
        if own:
            client.close()


def lint_texts(texts: Iterable[str], config: Config | None = None) -> list[list[Finding]]:
    """Local reference: lint texts as one corpus in this process (what the Dask functions match)."""
    config = config or Config()
    texts = list(texts)
    rules = selected_rules(config)
    corpus: dict[str, Any] = {}
    if len(texts) > 1 and any(r.corpus for r in rules):
        per_doc = [collect_facts(Document(t), config, rules) for t in texts]
        corpus = {r.code: r.merge([f[r.code] for f in per_doc]) for r in rules if r.corpus}
    return [lint_document_with_corpus(Document(t, str(i)), config, rules, corpus) for i, t in enumerate(texts)]
