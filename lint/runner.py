"""The runner: finds files, builds Documents, runs the selected rules, filters findings.

Data flows one way: file -> Document -> rules -> Findings. The runner owns selection
(select/ignore by code prefix, as ruff does), severity overrides, per-file ignores and the
confidence threshold; rules only detect.
"""
from __future__ import annotations

import fnmatch
import os
import re
import signal
import sys
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, NamedTuple, Sequence

from .cache import content_digest
from .config import Config
from .document import Document
from .finding import Finding
from .rule import Rule, RuleUnavailable, all_rules
from .suppress import apply_suppressions
from .textio import BinaryFile, InputError, document_from_bytes, make_document, read_bytes, read_document

if TYPE_CHECKING:  # pragma: no cover
    from .cache import Cache
    from concurrent.futures import ProcessPoolExecutor

DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".svn",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    "node_modules",
    "__pycache__",
    ".garblint_cache",
    ".pytest_cache",
    ".mypy_cache",
    ".ruff_cache",
    "site-packages",
)


class Notice(NamedTuple):
    """A rule could not run (its backend is unavailable); ``required`` makes it an error."""

    code: str
    message: str
    required: bool = False


@dataclass
class FileResult:
    """What linting one input gave: findings, or an error, or a notice that it was skipped."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    skipped: str | None = None
    encoding: str | None = None
    words: int = 0
    #: the source lines the findings sit on (1-based line -> text), for reports that quote them
    source_lines: dict[int, str] = field(default_factory=dict)
    #: the decoded text, kept only for output formats that show it (see TEXT_FORMATS)
    text: str | None = None
    #: rules that could not run on this file (see RuleUnavailable); the CLI prints each once
    notices: list[Notice] = field(default_factory=list)
    #: SHA-256 of the bytes that were linted (the cache's key), when they could be read
    digest: str | None = None


#: the FileResult fields a cache hit restores: a new field that ``_lint_one`` fills belongs here
#: (``text`` is not cached: it is re-read for the formats that show it)
CACHED_FIELDS = ("findings", "encoding", "words", "source_lines")


@dataclass
class Target:
    """One input to lint: a file on disk, or text read from standard input."""

    path: str  # as displayed and reported
    fs_path: str | None = None  # None for stdin
    data: bytes | None = None  # stdin's bytes
    error: str | None = None  # a discovery problem (missing path, ...)
    skipped: str | None = None


#: output formats whose report shows the whole document text (the runner keeps it on FileResult)
TEXT_FORMATS = ("html",)


# ------------------------------------------------------------------ selection
def _longest_prefix(code: str, prefixes: Iterable[str]) -> int:
    best = -1
    for p in prefixes:
        if p == "ALL":
            best = max(best, 0)
        elif code.startswith(p):
            best = max(best, len(p))
    return best


def selected_rules(config: Config) -> list[Rule]:
    """Instances of the rules that ``select``/``extend-select``/``ignore`` leave on."""
    select = config["select"]
    extend = config["extend-select"]
    ignore = config["ignore"]
    out = []
    for cls in all_rules():
        sel = _longest_prefix(cls.code, (select or []) + extend)
        ign = _longest_prefix(cls.code, ignore)
        if sel < 0 and ign < 0:
            on = select is None and cls.default_enabled
        elif sel > ign:
            on = True
        elif ign > sel:
            on = False
        else:  # same length: ignore wins, as in ruff
            on = False
        if on:
            out.append(cls())
    return out


# ------------------------------------------------------------------ discovery
@lru_cache(maxsize=64)
def _exclude_matchers(patterns: tuple[str, ...]) -> tuple[Any, Any]:
    """Compile exclude patterns once: (whole-path regex, path-part regex), either may be None."""
    whole, part = [], []
    for pat in patterns:
        p = pat.strip()
        if not p:
            continue
        anchored = p.startswith("/")
        p = p.strip("/")
        if "/" in p or anchored:
            whole += [fnmatch.translate(p), fnmatch.translate(p + "/*")]
        else:
            part.append(fnmatch.translate(p))
    return (
        re.compile("|".join(f"(?:{r})" for r in whole)) if whole else None,
        re.compile("|".join(f"(?:{r})" for r in part)) if part else None,
    )


def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    whole, part = _exclude_matchers(tuple(patterns))
    if whole is not None and whole.match(rel):
        return True
    return part is not None and any(part.match(p) for p in rel.split("/"))


#: the ``skipped`` reason of an explicitly named file that ``--force-exclude`` leaves out
EXCLUDED = "excluded by the configuration (--force-exclude)"


def discover(
    paths: Sequence[str],
    config: Config,
    *,
    stdin_bytes: bytes | None = None,
    stdin_name: str = "-",
    force_exclude: bool = False,
) -> list[Target]:
    """Expand paths into lintable targets, in a stable order, with errors for bad paths.

    Exclude patterns apply while walking folders; with ``force_exclude`` they also apply to
    files named explicitly (as pre-commit does), which are then skipped with ``EXCLUDED``.
    """
    excludes = list(DEFAULT_EXCLUDES) + list(config["exclude"]) + list(config["extend-exclude"])
    exts = tuple(e.lower() for e in config["extensions"])
    targets: list[Target] = []
    seen: set[str] = set()
    for raw in paths:
        if raw == "-":
            targets.append(Target(stdin_name, None, stdin_bytes if stdin_bytes is not None else b""))
            continue
        p = Path(raw)
        if not p.exists():
            targets.append(Target(raw, raw, error="no such file or directory"))
            continue
        if p.is_dir():
            found = []  # (path, real path, displayed path)
            for root, dirs, files in os.walk(p):
                rel_root = os.path.relpath(root, p).replace(os.sep, "/")
                rel_root = "" if rel_root == "." else rel_root + "/"
                dirs[:] = sorted(d for d in dirs if not _excluded(rel_root + d, excludes))
                # Resolve and display the folder once, not every file in it (2,000 files: 50 ms).
                real_root, shown_root = os.path.realpath(root), _display(root)
                for f in sorted(files):
                    if not f.lower().endswith(exts):
                        continue
                    if _excluded(rel_root + f, excludes):
                        continue
                    path = os.path.join(root, f)
                    real = os.path.realpath(path) if os.path.islink(path) else os.path.join(real_root, f)
                    shown = f if shown_root == "." else f"{shown_root}/{f}"
                    found.append((path, real, shown))
            if not found:
                targets.append(
                    Target(raw, raw, skipped=f"no files with extensions {', '.join(exts)} found")
                )
            for f, key, shown in found:
                if key not in seen:
                    seen.add(key)
                    targets.append(Target(shown, f))
        else:
            key = os.path.realpath(raw)
            if key not in seen:
                seen.add(key)
                shown = _display(raw)
                if force_exclude and _excluded(shown, excludes):
                    targets.append(Target(shown, raw, skipped=EXCLUDED))
                    continue
                targets.append(Target(shown, raw))
    return targets


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel.replace(os.sep, "/")


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


def finish_findings(doc: Document, findings: list[Finding], config: Config, rules: Sequence[Rule]) -> list[Finding]:
    """Suppressions (and unused-suppression findings), selection filters, severities, doubles."""
    findings = apply_suppressions(doc, findings, rules)
    return drop_doubles(postprocess(findings, config, doc.path), rules)


def drop_doubles(findings: list[Finding], rules: Sequence[Rule]) -> list[Finding]:
    """Let rules that override :meth:`Rule.drop_doubles` remove their doubles of other rules' findings."""
    for rule in rules:
        if type(rule).drop_doubles is Rule.drop_doubles:
            continue
        mine = [f for f in findings if f.code == rule.code]
        if mine:
            keep = {id(f) for f in rule.drop_doubles(mine, [f for f in findings if f.code != rule.code])}
            findings = [f for f in findings if f.code != rule.code or id(f) in keep]
    return findings


def postprocess(findings: list[Finding], config: Config, path: str | None) -> list[Finding]:
    overrides = config["severity"]
    min_conf = config["min-confidence"]
    ignores: list[str] = []
    if path:
        rel = path.replace(os.sep, "/")
        for glob, codes in config["per-file-ignores"].items():
            if fnmatch.fnmatchcase(rel, glob) or fnmatch.fnmatchcase(os.path.basename(rel), glob):
                ignores.extend(codes)
    out = []
    for f in findings:
        if f.confidence < min_conf:
            continue
        if ignores and _longest_prefix(f.code, ignores) >= 0:
            continue
        if overrides:
            sev = overrides.get(f.code) or overrides.get(f.code[0])
            if sev and sev != f.severity:
                f = f.with_severity(sev)
        out.append(f)
    out.sort(key=lambda f: (f.start, f.end, f.code))
    return out


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
    return read_bytes(target.fs_path or target.path)


def _load(target: Target) -> Document:
    if target.data is not None:
        return document_from_bytes(target.data, target.path)
    return read_document(target.fs_path or target.path, target.path)


def _collect_one(
    args: tuple[Target, Config, list[str]], lint: bool = False
) -> tuple[dict[str, Any] | None, str | None, FileResult | None]:
    """First pass for corpus rules: this file's facts and the digest of the bytes they came from;
    with ``lint``, also the file's result as a single-document run gives it (its corpus rules
    seeing its own facts only), which the runner keeps where no corpus rule may flag the file
    (``Rule.may_flag``): most files are then read and analysed once, not twice."""
    target, config, codes = args
    rules = [r for r in selected_rules(config) if r.code in codes]
    try:
        data = _target_bytes(target)
        doc = document_from_bytes(data, target.path)
    except InputError:
        return None, None, None
    digest = content_digest(data)
    facts = collect_facts(doc, config, rules)
    result = None
    if lint:
        for r in rules:
            doc.corpus[r.code] = r.merge([facts[r.code]])
        result = _lint_doc(target, config, doc, digest)
    return facts, digest, result


def _lint_one(args: tuple[Target, Config, dict[str, Any]]) -> FileResult:
    target, config, corpus = args
    result = FileResult(target.path, error=target.error, skipped=target.skipped)
    if target.error or target.skipped:
        return result
    try:
        data = _target_bytes(target)
        result.digest = content_digest(data)
        doc = document_from_bytes(data, target.path)
    except BinaryFile as exc:
        result.skipped = str(exc)
        return result
    except InputError as exc:
        result.error = str(exc)
        return result
    except MemoryError:
        result.error = "out of memory while reading"
        return result
    doc.corpus.update(corpus)
    return _lint_doc(target, config, doc, result.digest)


def _lint_doc(target: Target, config: Config, doc: Document, digest: str | None) -> FileResult:
    """Every selected rule on ``doc`` (corpus rules read ``doc.corpus``; where a corpus rule has
    no entry there, it sees this document's own facts only)."""
    result = FileResult(target.path, digest=digest)
    result.encoding = doc.encoding
    rules = selected_rules(config)
    for r in rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    findings, crashes = run_rules(doc, config, rules, result.notices)
    result.findings = findings
    result.words = doc.word_count
    result.source_lines = {ln: doc.source_line_text(ln) for ln in dict.fromkeys(n for f in findings for n in range(f.line, f.end_line + 1))}
    if config.get("output-format") in TEXT_FORMATS:
        result.text = doc.source
    if crashes:
        result.error = "; ".join(crashes)
    return result


def effective_jobs(jobs: int, n_targets: int) -> int:
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, n_targets))


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

# Worker processes get the config and corpus facts once, through the pool's initializer, rather
# than pickled again with every file.
_WORKER: dict[str, Any] = {}


def tune_gc() -> None:
    """Fewer garbage collector passes for a lint run (the CLI and its worker processes).

    A Document holds hundreds of thousands of small tuples (tokens, sentences) and the rules
    build more; with the default thresholds the collector walks them over and over although
    they form no cycles (about 5-10% of a run on a big file). Modules loaded so far are frozen
    out of collection, and a collection starts after 100,000 net allocations instead of 700.
    Cyclic garbage is still collected, only less often. Not called for the Python API, where
    the caller owns the process.
    """
    import gc

    gc.freeze()
    gc.set_threshold(100_000, 50, 100)


def _init_worker(config: Config, corpus: dict[str, Any], codes: list[str]) -> None:
    tune_gc()
    # Ctrl-C reaches the whole process group: the main process handles it (and stops the
    # pool); a worker printing its own KeyboardInterrupt traceback would only add noise.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER.update(config=config, corpus=corpus, codes=codes)


def _worker_collect(item: tuple[Target, bool]) -> tuple[dict[str, Any] | None, str | None, FileResult | None]:
    target, lint = item
    return _collect_one((target, _WORKER["config"], _WORKER["codes"]), lint)


def _worker_lint(target: Target) -> FileResult:
    return _lint_one((target, _WORKER["config"], _WORKER["corpus"]))


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
    (text, source, masks, path, encoding, note, bom, newline), codes = args
    config = _WORKER["config"]
    doc = Document(text, path, encoding=encoding, encoding_note=note, bom=bom, newline=newline, source=source, masks=masks)
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
    from .document import _PARA_SEP

    size = len(text) / max(1, pieces)
    cuts = [0]
    for m in _PARA_SEP.finditer(text):
        if m.end() - cuts[-1] >= size and len(cuts) < pieces and m.end() < len(text):
            cuts.append(m.end())
    cuts.append(len(text))
    return [(a, b) for a, b in zip(cuts, cuts[1:]) if b > a]


def _shift(f: Finding, doc: Document, offset: int) -> Finding:
    """A piece's finding, moved to whole-document offsets, lines and fingerprint."""
    from dataclasses import replace

    from .finding import make_fingerprint
    from .rule import _line_context

    text = doc.text
    start, end = f.start + offset, f.end + offset
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    fp = make_fingerprint(f.code, text[start:end], *_line_context(doc, start, end, line, end_line))
    suggestions = f.suggestions
    if any(s.edits for s in suggestions):
        suggestions = tuple(
            replace(s, edits=tuple(replace(e, start=e.start + offset, end=e.end + offset) for e in s.edits))
            for s in suggestions
        )
    return replace(
        f, start=start, end=end, line=line, column=col, end_line=end_line, end_column=end_col, fingerprint=fp,
        suggestions=suggestions,
    )


def _lint_split(
    target: Target, config: Config, corpus: dict[str, Any], pool: ProcessPoolExecutor | None, pieces: int,
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
        whole = (doc.text, doc.source, doc.masks, doc.path, doc.encoding, doc.encoding_note, doc.bom, doc.newline)
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


def _size(target: Target) -> int:
    if target.data is not None:
        return len(target.data)
    try:
        return os.path.getsize(target.fs_path or target.path)
    except OSError:
        return 0


def lint_targets(
    targets: list[Target], config: Config, *, jobs: int | None = None, cache: "Cache | None" = None
) -> list[FileResult]:
    """Lint every target; results come back in the targets' order whatever ``jobs`` is.

    With a ``cache``, the main process hashes each file and answers from the cache what it can;
    only the misses go to the worker processes, and their results are stored. When there are
    fewer files to lint than jobs, a big file is split at paragraph breaks for the rules that
    allow it; the output is the same as with one job.
    """
    rules = selected_rules(config)
    jobs = config["jobs"] if jobs is None else jobs
    max_jobs = effective_jobs(jobs, 1 << 30)
    corpus_codes = [r.code for r in rules if r.corpus]
    lintable = [i for i, t in enumerate(targets) if not (t.error or t.skipped)]
    digests: dict[int, str | None] = {i: _digest_or_none(targets[i]) for i in lintable} if cache else {}
    pool: ProcessPoolExecutor | None = None
    pool_corpus: dict[str, Any] | None = None

    def get_pool(corpus: dict[str, Any]) -> ProcessPoolExecutor:
        nonlocal pool, pool_corpus
        if pool is not None and pool_corpus is not corpus:
            pool.shutdown()
            pool = None
        if pool is None:
            from concurrent.futures import ProcessPoolExecutor  # only when needed: 10 ms of start-up

            pool = ProcessPoolExecutor(max_workers=max_jobs, initializer=_init_worker, initargs=(config, corpus, corpus_codes))
            pool_corpus = corpus
        return pool

    def run(fn: Any, local: Any, items: list[Target], corpus: dict[str, Any], chunksize: int) -> list[Any]:
        n_jobs = effective_jobs(jobs, len(items))
        if n_jobs > 1 and len(items) > 1:
            chunksize = max(1, min(chunksize, len(items) // (n_jobs * 4) or 1))
            return list(get_pool(corpus).map(fn, items, chunksize=chunksize))
        return [local(t) for t in items]

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
            items = [(targets[i], _size(targets[i]) < SPLIT_MIN_CHARS) for i in todo] + [(t, False) for t in reference]
            out = run(_worker_collect, lambda item: _collect_one((item[0], config, corpus_codes), item[1]), items, corpus, 16)
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
        if any(r.splittable for r in rules):
            spare = max_jobs > 1 and len(todo) < max_jobs
            limit = SPLIT_MIN_CHARS if spare else SPLIT_ALWAYS_CHARS
            big = [i for i in todo if not (targets[i].error or targets[i].skipped) and _size(targets[i]) >= limit]
            todo = [i for i in todo if i not in big]
            use_pool = spare
        out = run(_worker_lint, lambda t: _lint_one((t, config, corpus)), [targets[i] for i in todo], corpus, 8)
        for i, r in zip(todo, out):
            results[i] = r
        for i in big:
            results[i] = _lint_split(
                targets[i], config, corpus, get_pool(corpus) if use_pool else None, max_jobs * 2, max_jobs if use_pool else 1
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
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)


def lint_text(text: str, config: Config | None = None, *, path: str | None = None) -> list[Finding]:
    """Lint ``text`` in memory and return its findings (the Python API)."""
    config = config or Config()
    return lint_document(make_document(text, path), config)


def read_stdin_bytes() -> bytes:
    return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
