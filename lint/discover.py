"""File discovery: which paths a run lints, and which it skips (and why).

Only regular files are linted. FIFOs, sockets and devices are skipped with a notice, and so are
symbolic links that lead out of the folder being linted (see docs/security.md). Folders are
listed with ``os.scandir``, whose entries carry the file type, so this costs no extra system
call per file on most file systems.
"""
from __future__ import annotations

import fnmatch
import os
import re
import stat
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Sequence

from .config import Config
from .textio import MAX_FILE_BYTES, not_regular_message
from .lazyre import lazy_re
from ._records import record

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



@record(("path", "fs_path", "data", "error", "skipped", "max_bytes"))
class Target:
    """One input to lint: a file on disk, or text read from standard input."""

    path: str  # as displayed and reported
    fs_path: str | None = None  # None for stdin
    data: bytes | None = None  # stdin's bytes
    error: str | None = None  # a discovery problem (missing path, ...)
    skipped: str | None = None
    max_bytes: int | None = None  # the read limit (max-file-size); None: textio's default

    def __init__(
        self,
        path: str,
        fs_path: str | None = None,
        data: bytes | None = None,
        error: str | None = None,
        skipped: str | None = None,
        max_bytes: int | None = None,
    ) -> None:
        self.path = path
        self.fs_path = fs_path
        self.data = data
        self.error = error
        self.skipped = skipped
        self.max_bytes = max_bytes


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
#: the ``error`` of an input that is also the file the run writes its report or baseline to
OUTPUT_IS_INPUT = "is also the file the report or baseline is written to (-o, --write-baseline); refusing to replace an input"

_REPORT_END = lazy_re(rb"(?:\A|\n)(?:All clear: no findings in |Found [0-9]+ findings? \(|No findings in )[^\n]*\n?\Z")
_SUMMARY_STARTS = (b"All clear: no findings in ", b"Found ", b"No findings in ")
_TEXT_REPORT_START = lazy_re(rb"\A[^\n]*:[0-9]+:[0-9]+: [A-Z][0-9]{3} \[(?:error|warning|suggestion)\] ")
_GITHUB_START = lazy_re(rb"\A::(?:error|warning|notice) (?:file|title)=")


def is_report(head: bytes, tail: bytes) -> bool:
    """True when a file starting with ``head`` and ending with ``tail`` reads like a report or
    baseline garblint wrote: a later run over the folder it was written to does not lint it.
    (About 1 microsecond for an ordinary text file: a few prefix tests, no search.)"""
    first = head[:1]
    if first == b":":
        return bool(_GITHUB_START.match(head))  # GitHub annotations
    if first == b"<":
        return head.startswith(b"<!DOCTYPE html>") and b"<title>garblint report" in head
    if head.lstrip()[:1] == b"{":
        return b'"garblint-baseline"' in head[:200] or b'"name": "garblint"' in head  # baseline, JSON, SARIF
    last = tail.rstrip(b"\n").rsplit(b"\n", 1)
    if not last[-1].startswith(_SUMMARY_STARTS):
        return False
    end = _REPORT_END.search(tail)
    if end is None:
        return False
    return len(last) == 1 and len(head) <= len(tail) or bool(_TEXT_REPORT_START.match(head))


def looks_like_report(path: str) -> bool:
    """True when the file at ``path`` is empty or :func:`is_report`."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
            if len(head) == 4096:
                fh.seek(-512, os.SEEK_END)
                tail = fh.read()
            else:
                tail = head
    except OSError:
        return False
    return not head.strip() or is_report(head, tail)


def _walk(top: str):
    """``os.walk`` (top-down, not into linked folders) with the files as ``os.DirEntry``s, whose
    type the folder listing already gives (no stat call per file on most file systems)."""
    stack = [top]
    while stack:
        root = stack.pop()
        try:
            with os.scandir(root) as it:
                entries = list(it)
        except OSError:
            continue
        dirs, links, files = [], set(), []
        for e in entries:
            try:
                is_dir = e.is_dir()
            except OSError:
                is_dir = False
            if is_dir:
                dirs.append(e.name)
                if e.is_symlink():
                    links.add(e.name)
            else:
                files.append(e)
        yield root, dirs, files
        stack.extend(os.path.join(root, d) for d in reversed(dirs) if d not in links)


def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def _link_outside(where: str) -> str:
    return f"symbolic link to a file outside {where}: skipped (name the file it points to, to lint it)"


def _entry_problem(e: os.DirEntry, root_real: str, raw: str) -> tuple[str | None, str]:
    """(why this folder entry is skipped or None, its real path)."""
    if not e.is_symlink():
        try:
            if e.is_file(follow_symlinks=False):
                return None, e.path
            return not_regular_message(e.stat(follow_symlinks=False).st_mode), e.path
        except OSError as exc:
            return f"cannot read: {exc.strerror or exc}", e.path
    real = os.path.realpath(e.path)
    if not _inside(real, root_real):
        return _link_outside(raw), real
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return "broken symbolic link: skipped", real
    return (None if stat.S_ISREG(mode) else not_regular_message(mode)), real


def _named_file_problem(raw: str, real: str) -> str | None:
    """Why a file named on the command line is skipped, or None: it is not a regular file, or
    it is reached through a symbolic link that leads outside the current folder."""
    try:
        mode = os.stat(raw).st_mode
    except OSError:
        return None  # reading it reports the error
    if not stat.S_ISREG(mode):
        return not_regular_message(mode)
    if real != os.path.normpath(os.path.abspath(raw)) and not _inside(real, os.path.realpath(os.getcwd())):
        return _link_outside("the current folder")
    return None


def discover(
    paths: Sequence[str],
    config: Config,
    *,
    stdin_bytes: bytes | None = None,
    stdin_name: str = "-",
    force_exclude: bool = False,
    outputs: Iterable[str] = (),
) -> list[Target]:
    """Expand paths into lintable targets, in a stable order, with errors for bad paths.

    Exclude patterns apply while walking folders; with ``force_exclude`` they also apply to
    files named explicitly (as pre-commit does), which are then skipped with ``EXCLUDED``.
    Only regular files are read: FIFOs, sockets and devices are skipped with a notice, and so
    are symbolic links that lead outside the folder being linted (or, for a file named on the
    command line, outside the current folder) unless the file they point to is named itself.
    Files this run writes (``outputs``: the report, the baseline) are left out of folders.
    """
    excludes = list(DEFAULT_EXCLUDES) + list(config["exclude"]) + list(config["extend-exclude"])
    exts = tuple(e.lower() for e in config["extensions"])
    limit = int(config["max-file-size"] * 1024 * 1024)
    limit = None if limit == MAX_FILE_BYTES else limit
    skip_own = frozenset(os.path.realpath(o) for o in outputs)
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
            found = []  # (path, real path, displayed path, why skipped)
            root_real = os.path.realpath(p)
            for root, dirs, files in _walk(str(p)):
                rel_root = os.path.relpath(root, p).replace(os.sep, "/")
                rel_root = "" if rel_root == "." else rel_root + "/"
                dirs[:] = sorted(d for d in dirs if not _excluded(rel_root + d, excludes))
                # Resolve and display the folder once, not every file in it (2,000 files: 50 ms).
                real_root, shown_root = os.path.realpath(root), _display(root)
                for e in sorted(files, key=lambda e: e.name):
                    f = e.name
                    if not f.lower().endswith(exts):
                        continue
                    if _excluded(rel_root + f, excludes):
                        continue
                    problem, real = _entry_problem(e, root_real, raw)
                    if real == e.path:
                        real = os.path.join(real_root, f)
                    if real in skip_own:
                        if looks_like_report(e.path):
                            continue  # an earlier run's report: never linted
                        problem = OUTPUT_IS_INPUT
                    shown = f if shown_root == "." else f"{shown_root}/{f}"
                    found.append((e.path, real, shown, problem))
            if not found:
                targets.append(
                    Target(raw, raw, skipped=f"no files with extensions {', '.join(exts)} found")
                )
            for f, key, shown, problem in found:
                if key not in seen:
                    seen.add(key)
                    if problem == OUTPUT_IS_INPUT:
                        targets.append(Target(shown, f, error=problem))
                    else:
                        targets.append(Target(shown, f, skipped=problem, max_bytes=limit))
        else:
            key = os.path.realpath(raw)
            if key not in seen:
                seen.add(key)
                shown = _display(raw)
                if key in skip_own:
                    targets.append(Target(shown, raw, error=OUTPUT_IS_INPUT))
                    continue
                if force_exclude and _excluded(shown, excludes):
                    targets.append(Target(shown, raw, skipped=EXCLUDED))
                    continue
                targets.append(Target(shown, raw, skipped=_named_file_problem(raw, key), max_bytes=limit))
    return targets


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel.replace(os.sep, "/")
