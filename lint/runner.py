"""The runner: finds files, builds Documents, runs the selected rules, filters findings.

Data flows one way: file -> Document -> rules -> Findings. The runner owns selection
(select/ignore by code prefix, as ruff does), severity overrides, per-file ignores and the
confidence threshold; rules only detect.
"""
from __future__ import annotations

import fnmatch
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

from .config import Config
from .document import Document
from .finding import Finding
from .rule import Rule, all_rules
from .suppress import apply_suppressions
from .textio import BinaryFile, InputError, document_from_bytes, make_document, read_document

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


@dataclass
class Target:
    """One input to lint: a file on disk, or text read from standard input."""

    path: str  # as displayed and reported
    fs_path: str | None = None  # None for stdin
    data: bytes | None = None  # stdin's bytes
    error: str | None = None  # a discovery problem (missing path, ...)
    skipped: str | None = None


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
def _excluded(rel: str, patterns: Sequence[str]) -> bool:
    parts = rel.split("/")
    for pat in patterns:
        p = pat.strip()
        if not p:
            continue
        anchored = p.startswith("/")
        p = p.strip("/")
        if "/" in p or anchored:
            if fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(rel, p + "/*"):
                return True
        elif any(fnmatch.fnmatchcase(part, p) for part in parts):
            return True
    return False


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
            found = []
            for root, dirs, files in os.walk(p):
                rel_root = os.path.relpath(root, p).replace(os.sep, "/")
                rel_root = "" if rel_root == "." else rel_root + "/"
                dirs[:] = sorted(d for d in dirs if not _excluded(rel_root + d, excludes))
                for f in sorted(files):
                    if not f.lower().endswith(exts):
                        continue
                    if _excluded(rel_root + f, excludes):
                        continue
                    found.append(os.path.join(root, f))
            if not found:
                targets.append(
                    Target(raw, raw, skipped=f"no files with extensions {', '.join(exts)} found")
                )
            for f in found:
                key = os.path.realpath(f)
                if key not in seen:
                    seen.add(key)
                    targets.append(Target(_display(f), f))
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
def run_rules(doc: Document, config: Config, rules: Sequence[Rule]) -> tuple[list[Finding], list[str]]:
    """Run ``rules`` on ``doc``; return the filtered findings and any rule crash messages."""
    findings: list[Finding] = []
    crashes: list[str] = []
    n = len(doc.text)
    for rule in rules:
        try:
            for f in rule.check(doc, config):
                if 0 <= f.start <= f.end <= n:
                    findings.append(f)
        except Exception as exc:  # a rule bug must not stop the other rules or files
            crashes.append(f"internal error in rule {rule.code} ({rule.name}): {type(exc).__name__}: {exc}")
    findings = apply_suppressions(doc, findings, rules)
    return postprocess(findings, config, doc.path), crashes


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
    findings, crashes = run_rules(doc, config, rules)
    if crashes:
        raise RuntimeError("; ".join(crashes))
    return findings


# ------------------------------------------------------------------- the run
def _load(target: Target) -> Document:
    if target.data is not None:
        return document_from_bytes(target.data, target.path)
    return read_document(target.fs_path or target.path, target.path)


def _collect_one(args: tuple[Target, Config, list[str]]) -> tuple[dict[str, Any] | None, int]:
    target, config, codes = args
    rules = [r for r in selected_rules(config) if r.code in codes]
    try:
        doc = _load(target)
    except InputError:
        return None, 0
    return collect_facts(doc, config, rules), 0


def _lint_one(args: tuple[Target, Config, dict[str, Any]]) -> FileResult:
    target, config, corpus = args
    result = FileResult(target.path, error=target.error, skipped=target.skipped)
    if target.error or target.skipped:
        return result
    try:
        doc = _load(target)
    except BinaryFile as exc:
        result.skipped = str(exc)
        return result
    except InputError as exc:
        result.error = str(exc)
        return result
    except MemoryError:
        result.error = "out of memory while reading"
        return result
    result.encoding = doc.encoding
    rules = selected_rules(config)
    doc.corpus.update(corpus)
    for r in rules:
        if r.corpus and r.code not in doc.corpus:
            doc.corpus[r.code] = r.merge([r.collect(doc, config)])
    findings, crashes = run_rules(doc, config, rules)
    result.findings = findings
    result.words = doc.word_count
    result.source_lines = {ln: doc.source_line_text(ln) for f in findings for ln in range(f.line, f.end_line + 1)}
    if crashes:
        result.error = "; ".join(crashes)
    return result


def effective_jobs(jobs: int, n_targets: int) -> int:
    if jobs <= 0:
        jobs = os.cpu_count() or 1
    return max(1, min(jobs, n_targets))


def lint_targets(targets: list[Target], config: Config, *, jobs: int | None = None) -> list[FileResult]:
    """Lint every target; results come back in the targets' order whatever ``jobs`` is."""
    rules = selected_rules(config)
    n_jobs = effective_jobs(config["jobs"] if jobs is None else jobs, len(targets))
    corpus_codes = [r.code for r in rules if r.corpus]
    lintable = [t for t in targets if not (t.error or t.skipped)]
    corpus: dict[str, Any] = {}
    pool = ProcessPoolExecutor(max_workers=n_jobs) if n_jobs > 1 and len(lintable) > 1 else None
    try:
        if corpus_codes and len(lintable) > 1:
            args = [(t, config, corpus_codes) for t in lintable]
            facts_iter = pool.map(_collect_one, args, chunksize=8) if pool else map(_collect_one, args)
            per_doc = [facts for facts, _ in facts_iter if facts is not None]
            for r in rules:
                if r.corpus:
                    corpus[r.code] = r.merge([f[r.code] for f in per_doc])
        args2 = [(t, config, corpus) for t in targets]
        if pool:
            return list(pool.map(_lint_one, args2, chunksize=4))
        return [_lint_one(a) for a in args2]
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def lint_text(text: str, config: Config | None = None, *, path: str | None = None) -> list[Finding]:
    """Lint ``text`` in memory and return its findings (the Python API)."""
    config = config or Config()
    return lint_document(make_document(text, path), config)


def read_stdin_bytes() -> bytes:
    return sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
