"""The runner: finds files, builds Documents, runs the selected rules, filters findings.

Data flows one way: file -> Document -> rules -> Findings. The runner owns selection
(select/ignore by code prefix, as ruff does), severity overrides, per-file ignores and the
confidence threshold; rules only detect.
"""
from __future__ import annotations

import os
import signal
import sys
import warnings
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Sequence

from ._records import FACTORY, record
from .config import Config
from .document import Document
from .finding import Finding
from .rule import Rule, RuleUnavailable
from .selection import finish_findings, selected_rules
from .discover import DEFAULT_EXCLUDES, EXCLUDED, Target, discover, is_report  # noqa: F401  (re-exported)
from .textio import BinaryFile, InputError, content_digest, document_from_bytes, make_document, read_bytes, read_document
from .workers import available_cores, die_with_parent, startup_failure, stop_pool

if TYPE_CHECKING:  # pragma: no cover
    from .cache import Cache
    from concurrent.futures import ProcessPoolExecutor

class Notice(NamedTuple):
    """A rule could not run (its backend is unavailable); ``required`` makes it an error."""

    code: str
    message: str
    required: bool = False


@record(("path", "findings", "error", "skipped", "encoding", "words", "source_lines", "text", "notices", "digest"))
class FileResult:
    """What linting one input gave: findings, or an error, or a notice that it was skipped."""

    path: str
    findings: list[Finding]
    error: str | None = None
    skipped: str | None = None
    encoding: str | None = None
    words: int = 0
    #: the source lines the findings sit on (1-based line -> text), for reports that quote them
    source_lines: dict[int, str]
    #: the decoded text, kept only for output formats that show it (see TEXT_FORMATS)
    text: str | None = None
    #: rules that could not run on this file (see RuleUnavailable); the CLI prints each once
    notices: list[Notice]
    #: SHA-256 of the bytes that were linted (the cache's key), when they could be read
    digest: str | None = None

    def __init__(
        self,
        path: str,
        findings: list[Finding] = FACTORY,
        error: str | None = None,
        skipped: str | None = None,
        encoding: str | None = None,
        words: int = 0,
        source_lines: dict[int, str] = FACTORY,
        text: str | None = None,
        notices: list[Notice] = FACTORY,
        digest: str | None = None,
    ) -> None:
        self.path = path
        self.findings = [] if findings is FACTORY else findings
        self.error = error
        self.skipped = skipped
        self.encoding = encoding
        self.words = words
        self.source_lines = {} if source_lines is FACTORY else source_lines
        self.text = text
        self.notices = [] if notices is FACTORY else notices
        self.digest = digest


#: the FileResult fields a cache hit restores: a new field that ``_lint_one`` fills belongs here
#: (``text`` is not cached: it is re-read for the formats that show it)
CACHED_FIELDS = ("findings", "encoding", "words", "source_lines")


#: output formats whose report shows the whole document text (the runner keeps it on FileResult)
TEXT_FORMATS = ("html",)


# --------------------------------------------------------------- per document
def run_rules(
    doc: Document, config: Config, rules: Sequence[Rule], notices: list[Notice] | None = None, *, finish: bool = True
) -> tuple[list[Finding], list[str]]:
    """Run ``rules`` on ``doc``; return the filtered findings and any rule crash messages.

    A rule that raises :class:`RuleUnavailable` adds a :class:`Notice` to ``notices`` instead.
    With ``finish=False`` the raw findings come back, for a caller that combines several runs
    and then calls :func:`finish_findings` once.
    """
    findings: list[Finding] = []
    crashes: list[str] = []
    n = len(doc.text)
    for rule in rules:
        try:
            for f in rule.check(doc, config):
                if 0 <= f.start <= f.end <= n:
                    findings.append(f)
        except RuleUnavailable as exc:
            if notices is not None:
                notices.append(Notice(rule.code, str(exc), exc.required))
        except Exception as exc:  # a rule bug must not stop the other rules or files
            crashes.append(f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc}")
    if not finish:
        return findings, crashes
    return finish_findings(doc, findings, config, rules), crashes


def run_rules_batch(
    docs: Sequence[Document], config: Config, rules: Sequence[Rule], notices: Sequence[list[Notice]]
) -> list[tuple[list[Finding], list[str]]]:
    """:func:`run_rules` on each of ``docs`` (``notices``: one list per document), rule by rule:
    every rule runs over all the documents before the next one starts. Each document gets the
    findings, notices and crash messages, in the same order, that :func:`run_rules` gives it
    alone; on many small documents this takes a fifth less CPU, because each rule's code and
    tables stay in the processor's caches from one document to the next."""
    found: list[list[Finding]] = [[] for _ in docs]
    crashes: list[list[str]] = [[] for _ in docs]
    sizes = [len(doc.text) for doc in docs]
    for rule in rules:
        for doc, out, n, crashed, noted in zip(docs, found, sizes, crashes, notices):
            try:
                for f in rule.check(doc, config):
                    if 0 <= f.start <= f.end <= n:
                        out.append(f)
            except RuleUnavailable as exc:
                noted.append(Notice(rule.code, str(exc), exc.required))
            except Exception as exc:  # a rule bug must not stop the other rules or files
                crashed.append(f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc}")
    return [(finish_findings(doc, out, config, rules), crashed) for doc, out, crashed in zip(docs, found, crashes)]


def collect_facts(doc: Document, config: Config, rules: Sequence[Rule]) -> dict[str, Any]:
    return {r.code: r.collect(doc, config) for r in rules if r.corpus}


def lint_document(doc: Document, config: Config, rules: Sequence[Rule] | None = None) -> list[Finding]:
    """Lint one Document on its own (corpus rules see just this document)."""
    if rules is None:
        rules = selected_rules(config)
    corpus_rules = [r for r in rules if r.corpus]
    for r in corpus_rules:
        doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    notices: list[Notice] = []
    findings, crashes = run_rules(doc, config, rules, notices)
    crashes += [n.message for n in notices if n.required]
    if crashes:
        raise RuntimeError("; ".join(crashes))
    for n in notices:
        warnings.warn(f"{n.code}: {n.message}", RuntimeWarning, stacklevel=2)
    return findings


# ------------------------------------------------------------------- the run
def _target_bytes(target: Target) -> bytes:
    if target.data is not None:
        return target.data
    data = read_bytes(target.fs_path or target.path, target.max_bytes)
    if is_report(data[:4096], data[-512:]):  # constant work per file
        raise BinaryFile("a report garblint wrote: skipped")
    return data


def _load(target: Target) -> Document:
    if target.data is not None:
        return document_from_bytes(target.data, target.path)
    return read_document(target.fs_path or target.path, target.path, target.max_bytes)


def _collect_one(
    args: tuple[Target, Config, list[str]], lint: bool = False, digest: bool = True, selected: Sequence[Rule] | None = None
) -> tuple[dict[str, Any] | None, str | None, FileResult | None]:
    """First pass for corpus rules: this file's facts and the digest of the bytes they came from;
    with ``lint``, also the file's result as a single-document run gives it (its corpus rules
    seeing its own facts only), which the runner keeps where no corpus rule may flag the file
    (``Rule.may_flag``): most files are then read and analysed once, not twice. ``digest``:
    the SHA-256 of the bytes (the result cache's key) is computed; without the cache it is None.
    ``selected``: ``selected_rules(config)``, when the caller has it (worked out once per run,
    not once per file)."""
    target, config, codes = args
    return _collect_many([(target, lint)], config, codes, digest, selected)[0]


def _collect_many(
    items: Sequence[tuple[Target, bool]], config: Config, codes: list[str], digest: bool = True, selected: Sequence[Rule] | None = None
) -> list[tuple[dict[str, Any] | None, str | None, FileResult | None]]:
    """:func:`_collect_one` of each ``(target, lint)``; the files to lint are linted together
    (see :func:`run_rules_batch`)."""
    if selected is None:
        selected = selected_rules(config)
    rules = [r for r in selected if r.code in codes]
    out: list[tuple[dict[str, Any] | None, str | None, FileResult | None]] = []
    batch: list[tuple[int, Target, Document, str | None]] = []
    read: list[tuple[Target, bool, Document | None, str | None]] = []
    for target, lint in items:
        try:
            data = _target_bytes(target)
            doc = document_from_bytes(data, target.path)
        except InputError:
            read.append((target, lint, None, None))
            continue
        read.append((target, lint, doc, content_digest(data) if digest else None))
    # every file read before the facts are collected: the corpus rules' analyses then run one
    # document after another, their code and tables staying in the processor's caches
    for target, lint, doc, sha in read:
        if doc is None:
            out.append((None, None, None))
            continue
        facts = collect_facts(doc, config, rules)
        out.append((facts, sha, None))
        if lint:
            for r in rules:
                doc.corpus[r.code] = r.merge([facts[r.code]])
            batch.append((len(out) - 1, target, doc, sha))
    if batch:
        results = _lint_docs([(target, doc, sha) for _, target, doc, sha in batch], config, selected)
        for (i, _, _, sha), result in zip(batch, results):
            out[i] = (out[i][0], sha, result)
    return out


def _lint_one(args: tuple[Target, Config, dict[str, Any]], digest: bool = True, selected: Sequence[Rule] | None = None) -> FileResult:
    """One file, linted with the merged corpus facts ``corpus``; ``digest`` and ``selected`` as
    in ``_collect_one``."""
    target, config, corpus = args
    return _lint_many([target], config, corpus, digest, selected)[0]


def _lint_many(
    targets: Sequence[Target], config: Config, corpus: dict[str, Any], digest: bool = True, selected: Sequence[Rule] | None = None
) -> list[FileResult]:
    """:func:`_lint_one` of each target, the files linted together (see :func:`run_rules_batch`)."""
    out: list[FileResult] = []
    batch: list[tuple[int, Target, Document, str | None]] = []
    _LAST_DOCUMENTS.clear()  # (the batch before is freed before this one is read)
    for target in targets:
        result = FileResult(target.path, error=target.error, skipped=target.skipped)
        out.append(result)
        if target.error or target.skipped:
            continue
        try:
            data = _target_bytes(target)
            if digest:
                result.digest = content_digest(data)
            doc = document_from_bytes(data, target.path)
        except BinaryFile as exc:
            result.skipped = str(exc)
            continue
        except InputError as exc:
            result.error = str(exc)
            continue
        except MemoryError:
            result.error = "out of memory while reading"
            continue
        doc.corpus.update(corpus)
        batch.append((len(out) - 1, target, doc, result.digest))
    if batch:
        results = _lint_docs([(target, doc, sha) for _, target, doc, sha in batch], config, selected)
        for (i, _, _, _), result in zip(batch, results):
            out[i] = result
        if KEEP_LAST_DOCUMENTS:
            _LAST_DOCUMENTS.extend(doc for _, _, doc, _ in batch)
    return out


#: Set by the ``garblint`` command, which leaves the process without freeing its objects
#: (``cli.entry``): the last batch's Documents are then kept, not freed one object at a time
#: (about 1% of a run on one big file). Each batch frees the one before it before reading its
#: files, so no more is held at once than without it.
KEEP_LAST_DOCUMENTS = False
_LAST_DOCUMENTS: list[Document] = []


def _lint_docs(items: Sequence[tuple[Target, Document, str | None]], config: Config, rules: Sequence[Rule] | None = None) -> list[FileResult]:
    """Every selected rule on each ``(target, doc, digest)`` (corpus rules read ``doc.corpus``;
    where a corpus rule has no entry there, it sees this document's own facts only).
    ``rules``: ``selected_rules(config)``."""
    if rules is None:
        rules = selected_rules(config)
    results: list[FileResult] = []
    for target, doc, digest in items:
        result = FileResult(target.path, digest=digest)
        result.encoding = doc.encoding
        for r in rules:
            if r.corpus and r.code not in doc.corpus:
                doc.corpus[r.code] = r.merge([r.collect(doc, config)])
        results.append(result)
    docs = [doc for _, doc, _ in items]
    keep_text = config.get("output-format") in TEXT_FORMATS
    for doc, result, (findings, crashes) in zip(docs, results, run_rules_batch(docs, config, rules, [r.notices for r in results])):
        result.findings = findings
        result.words = doc.word_count
        result.source_lines = {ln: doc.source_line_text(ln) for ln in dict.fromkeys(n for f in findings for n in range(f.line, f.end_line + 1))}
        if keep_text:
            result.text = doc.source
        if crashes:
            result.error = "; ".join(crashes)
    return results


def effective_jobs(jobs: int, n_targets: int) -> int:
    """Processes for ``n_targets`` inputs: at most ``jobs`` (0: all), the cores and the inputs."""
    cores = available_cores()
    if jobs <= 0:
        jobs = cores
    return max(1, min(jobs, cores, n_targets))


def _digest_or_none(target: Target) -> str | None:
    try:
        return content_digest(_target_bytes(target))
    except (InputError, MemoryError):
        return None


#: a file of at least this many bytes is linted in pieces, split at blank lines, by the
#: rules that allow it (``Rule.splittable``) when worker processes would otherwise sit idle
SPLIT_MIN_CHARS = 400_000
#: a file of this many bytes is split even with one job, in pieces of at most PIECE_CHARS characters: the
#: word lists of a piece are freed before the next piece is built, so memory stays bounded
SPLIT_ALWAYS_CHARS = 1_600_000
PIECE_CHARS = 250_000
#: a file of this many bytes or more is linted in windows by every rule (lint/bigfile.py): far
#: above the benchmark's 200,000-word file (1.3 MB), whose findings stay those of one pass
WINDOW_MIN_BYTES = 3_000_000

# Worker processes get the config and corpus facts once, through the pool's initializer, rather
# than pickled again with every file.
_WORKER: dict[str, Any] = {}


def tune_gc() -> None:
    """Fewer garbage collector passes for a lint run (the CLI and its worker processes).

    A Document holds hundreds of thousands of small tuples (tokens, sentences) and the rules
    build more; with the default thresholds the collector walks them over and over although
    they form no cycles (about 5-10% of a run on a big file). Modules loaded so far are frozen
    out of collection, and a collection starts after 1,000,000 net allocations instead of 700.
    (At 100,000 a 200,000-word file still paid 5 collections, 0.03-0.07 s of CPU, and the
    20 MB file 104, 1.4 s of its 39 s; at 1,000,000 none and one, with the same peak memory:
    377.6 MB on the 20 MB file, 144 MB on the 2,000 small files.) Cyclic garbage is still
    collected, only less often. Not called for the Python API, where the caller owns the
    process.
    """
    import gc

    gc.freeze()
    gc.set_threshold(1_000_000, 50, 100)


def freeze_for_exit() -> None:
    """Keep the interpreter's shutdown from walking the objects still alive: the CLI calls it
    when a run is over, just before it exits.

    Shutdown collects garbage more than once (before and while the modules are torn down), and
    each pass walks every tracked object made since ``tune_gc`` froze the start-up objects: the
    lexicon's dict, the per-word caches, the regexes, hundreds of thousands of objects after a
    big file (about 0.06 s of CPU on a 200,000-word file). Frozen, they are left to the
    ordinary teardown, which frees them as it does now; only cyclic garbage among them is
    left for the operating system to reclaim with the process. ``atexit`` handlers run as
    before.
    """
    import gc

    gc.freeze()


def _init_worker(config: Config, corpus: dict[str, Any], codes: list[str], parent: int = 0, digest: bool = True) -> None:
    if parent:
        die_with_parent(parent)  # no worker outlives the main process (SIGTERM, SIGKILL)
    tune_gc()
    # Ctrl-C reaches the whole process group: the main process handles it (and stops the
    # pool); a worker printing its own KeyboardInterrupt traceback would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(config=config, corpus=corpus, codes=codes, digest=digest, rules=selected_rules(config))


def _worker_collect(items: list[tuple[Target, bool]]) -> list[tuple[dict[str, Any] | None, str | None, FileResult | None]]:
    return _collect_many(items, _WORKER["config"], _WORKER["codes"], _WORKER.get("digest", True), _WORKER.get("rules"))


def _worker_lint(targets: list[Target]) -> list[FileResult]:
    return _lint_many(targets, _WORKER["config"], _WORKER["corpus"], _WORKER.get("digest", True), _WORKER.get("rules"))


#: files linted together (see run_rules_batch): at most this many, of at most BATCH_BYTES bytes
#: in all (a bigger file is linted on its own), so that a batch's Documents and their analyses,
#: all alive until the batch is done, stay a few megabytes
BATCH_FILES = 64
BATCH_BYTES = 65_536


def _batches(sizes: Sequence[int], most: int) -> list[range]:
    """The items in runs of consecutive ones to lint together: at most ``most`` (and BATCH_FILES)
    items, whose ``sizes`` add up to at most BATCH_BYTES unless the run is one item."""
    most = max(1, min(most, BATCH_FILES))
    out: list[range] = []
    start = total = 0
    for i, n in enumerate(sizes):
        if i > start and (i - start >= most or total + n > BATCH_BYTES):
            out.append(range(start, i))
            start, total = i, 0
        total += n
    if start < len(sizes):
        out.append(range(start, len(sizes)))
    return out


def _size(target: Target) -> int:
    if target.data is not None:
        return len(target.data)
    try:
        return os.path.getsize(target.fs_path or target.path)
    except OSError:
        return 0


def lint_targets(
    targets: list[Target], config: Config, *, jobs: int | None = None, cache: "Cache | None" = None,
    notify: Callable[[str], None] | None = None, progress: Callable[[str, int, int], None] | None = None,
) -> list[FileResult]:
    """Lint every target; results come back in the targets' order whatever ``jobs`` is.

    With a ``cache``, the main process hashes each file and answers from the cache what it can;
    only the misses go to the worker processes, and their results are stored. When there are
    fewer files to lint than jobs, a big file is split at paragraph breaks for the rules that
    allow it; the output is the same as with one job. Worker processes that cannot be started
    (too many open files, no memory) leave the work to this process, with one ``notify``.
    ``progress(phase, done, total)`` is called after each file (the CLI shows it on a terminal).
    """
    rules = selected_rules(config)
    jobs = config["jobs"] if jobs is None else jobs
    max_jobs = effective_jobs(jobs, 1 << 30)
    corpus_codes = [r.code for r in rules if r.corpus]
    lintable = [i for i, t in enumerate(targets) if not (t.error or t.skipped)]
    digests: dict[int, str | None] = {i: _digest_or_none(targets[i]) for i in lintable} if cache else {}
    want_digest = cache is not None  # (the digest is the cache's key: nothing else reads it)
    pool: ProcessPoolExecutor | None = None
    pool_corpus: dict[str, Any] | None = None
    pool_failed = False
    sizes_known: dict[int, int] = {}

    def size_of(i: int) -> int:
        n = sizes_known.get(i)
        if n is None:
            n = sizes_known[i] = _size(targets[i])
        return n

    def get_pool(corpus: dict[str, Any]) -> ProcessPoolExecutor:
        nonlocal pool, pool_corpus
        if pool is not None and pool_corpus is not corpus:
            pool.shutdown()
            pool = None
        if pool is None:
            from concurrent.futures import ProcessPoolExecutor  # only when needed: 10 ms of start-up

            pool = ProcessPoolExecutor(
                max_workers=max_jobs, initializer=_init_worker, initargs=(config, corpus, corpus_codes, os.getpid(), want_digest)
            )
            pool_corpus = corpus
        return pool

    def lost_pool(exc: BaseException) -> None:
        nonlocal pool, pool_failed
        if pool is not None:
            stop_pool(pool)
            pool = None
        pool_failed = True
        if notify is not None:
            notify(startup_failure(exc))

    def pool_or_none(corpus: dict[str, Any]) -> ProcessPoolExecutor | None:
        if pool_failed:
            return None
        try:
            return get_pool(corpus)
        except OSError as exc:
            lost_pool(exc)
            return None

    def run(fn: Any, local: Any, items: list[Any], sizes: list[int], corpus: dict[str, Any], chunksize: int, phase: str = "linting") -> list[Any]:
        # ``fn`` (in a worker) and ``local`` (here) take a list of items, a batch (see _batches),
        # and give one result per item
        n_jobs = effective_jobs(jobs, len(items))
        out: list[Any] = []
        if n_jobs > 1 and len(items) > 1 and not pool_failed:
            from concurrent.futures.process import BrokenProcessPool

            batches = [items[r.start : r.stop] for r in _batches(sizes, len(items) // (n_jobs * 4) or 1)]
            try:
                for got in get_pool(corpus).map(fn, batches, chunksize=max(1, chunksize // BATCH_FILES)):
                    for x in got:
                        out.append(x)
                        if progress is not None:
                            progress(phase, len(out), len(items))
                return out
            except (OSError, BrokenProcessPool) as exc:  # workers could not start, or died: do it here
                lost_pool(exc)
                out = []
        for r in _batches(sizes, BATCH_FILES):
            for x in local(items[r.start : r.stop]):
                out.append(x)
                if progress is not None:
                    progress(phase, len(out), len(items))
        return out

    # reference files (``corpus`` key, ``--corpus DIR``): corpus rules read them, nothing lints them
    reference: list[Target] = []
    if corpus_codes and config.get("corpus"):
        linted_paths = {os.path.realpath(targets[i].fs_path) for i in lintable if targets[i].fs_path}
        for t in discover(config["corpus"], config):
            if not t.error and not t.skipped and t.fs_path and os.path.realpath(t.fs_path) not in linted_paths:
                reference.append(t)
    try:
        corpus: dict[str, Any] = {}
        kept: dict[int, FileResult] = {}  # first-pass results no corpus rule may change
        if corpus_codes and len(lintable) + len(reference) > 1:
            facts: dict[int, dict[str, Any] | None] = {}
            todo = []
            for i in lintable:
                d = digests.get(i)
                hit = cache.get(cache.facts_key(d)) if cache and d else None
                if hit is not None:
                    facts[i] = hit
                else:
                    todo.append(i)
            # files that are never split are linted in this pass too (see _collect_one)
            sizes = [size_of(i) for i in todo] + [_size(t) for t in reference]
            items = [(targets[i], n < SPLIT_MIN_CHARS) for i, n in zip(todo, sizes)] + [(t, False) for t in reference]
            out = run(_worker_collect, lambda batch: _collect_many(batch, config, corpus_codes, want_digest, rules), items, sizes, corpus, 16)
            first: dict[int, FileResult] = {}
            for i, (f, d, r) in zip(todo, out):
                facts[i] = f
                if cache and f is not None and d:
                    cache.put(cache.facts_key(d), f)
                if r is not None:
                    first[i] = r
            per_doc = [facts[i] for i in lintable if facts.get(i) is not None]
            per_doc += [f for f, _, _ in out[len(todo):] if f is not None]
            corpus_rules = [r for r in rules if r.corpus]
            corpus = {r.code: r.merge([f[r.code] for f in per_doc]) for r in corpus_rules}
            for i, r in first.items():
                if not any(rule.may_flag(facts[i][rule.code], corpus[rule.code]) for rule in corpus_rules):
                    kept[i] = r
            if cache:
                cache.set_corpus(corpus)
        results: list[FileResult | None] = [None] * len(targets)
        todo = []
        for i, t in enumerate(targets):
            if i in kept:
                results[i] = kept[i]
                continue
            d = digests.get(i)
            hit = cache.get(cache.result_key(t.path, d)) if cache and d else None
            if hit is not None:
                results[i] = FileResult(t.path, digest=d, **hit)
            else:
                todo.append(i)
        big: list[int] = []
        spare = max_jobs > 1 and len(todo) < max_jobs
        use_pool = spare
        if rules:
            # huge files are linted in windows by every rule (lint/bigfile.py); big ones in
            # pieces by the rules that allow it
            limit = (SPLIT_MIN_CHARS if spare else SPLIT_ALWAYS_CHARS) if any(r.splittable for r in rules) else WINDOW_MIN_BYTES
            big = [i for i in todo if not (targets[i].error or targets[i].skipped) and size_of(i) >= min(limit, WINDOW_MIN_BYTES)]
            todo = [i for i in todo if i not in big]
        lint_sizes = [0 if targets[i].error or targets[i].skipped else size_of(i) for i in todo]
        out = run(
            _worker_lint, lambda batch: _lint_many(batch, config, corpus, want_digest, rules), [targets[i] for i in todo], lint_sizes, corpus, 8
        )
        for i, r in zip(todo, out):
            results[i] = r
        if big:
            from . import bigfile  # not at the top: bigfile imports this module (and only big files need it)
        for i in big:
            results[i] = bigfile.lint_split(
                targets[i], config, corpus, pool_or_none(corpus) if use_pool else None, max_jobs * 2, max_jobs if use_pool else 1
            )
        if config.get("output-format") in TEXT_FORMATS:
            for i in range(len(targets)):  # cache hits: the text is not cached, read it again
                r = results[i]
                if r is not None and r.text is None and not (r.error or r.skipped):
                    try:
                        r.text = _load(targets[i]).source
                    except InputError:
                        pass
        if cache:
            for i in todo + big + list(kept):
                r = results[i]
                # a result made while a rule was unavailable (LanguageTool down) is not kept
                if r is not None and r.digest and not r.error and not r.skipped and not r.notices:
                    cache.put(cache.result_key(r.path, r.digest), {k: getattr(r, k) for k in CACHED_FIELDS})
            cache.flush()
            cache.close()
        return results  # type: ignore[return-value]
    except BaseException:  # Ctrl-C, SIGTERM (see cli.py), a bug: stop the workers now
        if pool is not None:
            stop_pool(pool)
            pool = None
        raise
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def lint_text(text: str, config: Config | None = None, *, path: str | None = None) -> list[Finding]:
    """Lint ``text`` in memory and return its findings (the Python API)."""
    config = config or Config()
    return lint_document(make_document(text, path), config)


def read_stdin_bytes() -> bytes:
    return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
