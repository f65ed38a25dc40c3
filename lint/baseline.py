"""Baselines: record today's findings, then report only new ones.

A baseline is a JSON file listing, per file, each finding's rule code, fingerprint (rule +
normalised span text + a little normalised context, see :func:`make_fingerprint`) and
normalised span text. Line numbers are stored for people only; matching never uses them, so
inserting or deleting lines elsewhere does not resurrect old findings.

Matching, per file: first by exact fingerprint, then any baseline entries left over match by
rule code and span text (so an edit right next to an old finding does not resurrect it either).
Each baseline entry hides at most one finding: a second copy of an old problem is new.
Paths are stored relative to the baseline file's folder, so the baseline can be committed.
"""
from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path
from typing import Any, Sequence

from .finding import Finding, normalise_for_fingerprint

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be read or written; the message is one line."""


def _key_path(path: str, base_dir: Path) -> str:
    if path == "-" or not path:
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), base_dir)
    except ValueError:
        rel = os.path.abspath(path)
    return rel.replace(os.sep, "/")


def write_baseline(file: str, results: Sequence[Any]) -> int:
    """Write the findings of ``results`` (FileResults) to ``file``; return how many."""
    base = Path(file).resolve().parent
    files: dict[str, list[dict[str, Any]]] = {}
    n = 0
    for r in results:
        if r.error or r.skipped or not r.findings:
            continue
        entries = files.setdefault(_key_path(r.path, base), [])
        for f in r.findings:
            entries.append(
                {"code": f.code, "fingerprint": f.fingerprint, "text": normalise_for_fingerprint(f.text)[:200], "line": f.line}
            )
            n += 1
    data = {"garblint-baseline": VERSION, "files": dict(sorted(files.items()))}
    tmp = f"{file}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(data, fh, indent=1, ensure_ascii=False)
            fh.write("\n")
        os.replace(tmp, file)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise BaselineError(f"{file}: cannot write baseline: {exc.strerror or exc}") from None
    return n


class Baseline:
    def __init__(self, files: dict[str, list[dict[str, Any]]], base_dir: Path) -> None:
        self.files = files
        self.base_dir = base_dir

    @classmethod
    def load(cls, file: str) -> "Baseline":
        try:
            raw = Path(file).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise BaselineError(f"{file}: baseline file not found (create it with --write-baseline)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise BaselineError(f"{file}: cannot read baseline: {getattr(exc, 'strerror', None) or exc}") from None
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise BaselineError(f"{file}: baseline is not valid JSON (line {exc.lineno})") from None
        if not isinstance(data, dict) or data.get("garblint-baseline") != VERSION or not isinstance(data.get("files"), dict):
            raise BaselineError(f"{file}: not a garblint baseline (version {VERSION}) file")
        files = data["files"]
        for path, entries in files.items():
            if not isinstance(entries, list) or not all(isinstance(e, dict) and "code" in e and "fingerprint" in e for e in entries):
                raise BaselineError(f"{file}: malformed entries for '{path}'")
        return cls(files, Path(file).resolve().parent)

    def filter(self, path: str, findings: Sequence[Finding]) -> list[Finding]:
        """The findings of ``path`` that the baseline does not record."""
        entries = self.files.get(_key_path(path, self.base_dir))
        if not entries:
            return list(findings)
        by_fp = Counter(e["fingerprint"] for e in entries)
        matched = [False] * len(findings)
        for i, f in enumerate(findings):
            if by_fp[f.fingerprint] > 0:
                by_fp[f.fingerprint] -= 1
                matched[i] = True
        # Leftover entries (their context changed) match by code and span text.
        left: Counter = Counter()
        fp_left = +by_fp
        for e in entries:
            if fp_left[e["fingerprint"]] > 0:
                fp_left[e["fingerprint"]] -= 1
                left[(e["code"], e.get("text", ""))] += 1
        for i, f in enumerate(findings):
            if matched[i]:
                continue
            key = (f.code, normalise_for_fingerprint(f.text)[:200])
            if left[key] > 0:
                left[key] -= 1
                matched[i] = True
        return [f for i, f in enumerate(findings) if not matched[i]]
