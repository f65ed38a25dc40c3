"""Every module of the project compiles without a warning: an invalid escape such as "\\s" in a
string or docstring that is not raw is a DeprecationWarning in Python 3.11 and a
SyntaxWarning from 3.12, printed to users when the byte code is first built."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(p for d in ("lint", "rules", "reports") for p in (ROOT / d).rglob("*.py"))


def test_sources_found() -> None:
    assert len(SOURCES) > 50


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_compiles_without_warnings(path: Path) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
