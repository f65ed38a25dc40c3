"""Shared test fixtures. Tests that read ../shared skip cleanly where it is absent."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GARBLINT_SHARED", ROOT.parent / "shared"))


@pytest.fixture
def shared_corpus() -> Path:
    d = SHARED / "corpus"
    if not (d / "seed-article.txt").is_file():
        pytest.skip(f"no seed corpus at {d} (a user's clone has no ../shared)")
    return d


@pytest.fixture
def shared_eval() -> Path:
    d = SHARED / "eval"
    if not d.is_dir():
        pytest.skip(f"no evaluation data at {d}")
    return d


def load_gold(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in (corpus / "seed-gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_span(text: str, item: dict) -> tuple[int, int]:
    """Locate a gold item in the seed text, as the corpus README describes."""
    occ = item.get("occurrence", 0)
    if "quote" in item:
        q = item["quote"]
        left = r"(?<!\w)" if q[:1].isalnum() else ""
        right = r"(?!\w)" if q[-1:].isalnum() else ""
        hits = [m.span() for m in re.finditer(left + re.escape(q) + right, text)]
        return hits[occ]
    start_text = item["paragraph_starting"]
    paras = [m for m in re.finditer(r"(?m)^(?=\S)(.+?)(?=\n\s*\n|\Z)", text, re.S)]
    hits = [m.span(1) for m in paras if m.group(1).startswith(start_text)]
    return hits[occ]


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed CLI as a user would (python -m keeps it in this interpreter)."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.pop("GARBLINT_LANGUAGETOOL_URL", None)  # set for the real-server tests only; pass env= to use it
    if env:
        e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "garblint.lint.cli", *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=e,
        timeout=300,
    )
