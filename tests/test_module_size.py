"""The engine, the rules and the reports keep each module at or under 700 lines: a module that
grows past it is split into private modules by topic (as rules/_bunit.py and rules/_preview.py
were), not squeezed."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIMIT = 700


@pytest.mark.parametrize("package", ["lint", "rules", "reports"])
def test_modules_at_most_700_lines(package):
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in sorted((ROOT / package).glob("*.py"))}
    assert sizes, f"no modules found in {package}/"
    over = {name: n for name, n in sizes.items() if n > LIMIT}
    assert not over, f"{package}/ modules over {LIMIT} lines: {over}"
