"""Start-up work done on demand (lint/lazyimport.py, T002's weaker forms): the lazy forms give
what the eager ones gave, and a one-line file imports none of the heavy modules."""

from __future__ import annotations

import subprocess
import sys

import pytest

from garblint.lint.lazyimport import lazy_module
from garblint.rules import spun


def test_lazy_module_imports_on_first_use() -> None:
    mod = lazy_module("colorsys")
    assert "rgb_to_hsv" not in vars(mod)
    import colorsys

    assert mod.rgb_to_hsv(0.2, 0.4, 0.4) == colorsys.rgb_to_hsv(0.2, 0.4, 0.4)
    assert vars(mod)["rgb_to_hsv"] is colorsys.rgb_to_hsv  # kept: later look-ups are plain


def test_weaker_spun_forms_read_only_for_documents_that_may_be_spun(monkeypatch) -> None:
    """T002 counts the weaker forms only in a document of MIN_WORDS words or more with a
    tortured phrase: a shorter one never reads the 58,000-line list; a few such documents
    look their words up in its lines without building the table."""
    from garblint.lint.config import Config
    from garblint.lint.runner import lint_text

    calls = []
    real = spun._weak_lines.__wrapped__
    monkeypatch.setattr(spun, "_weak_lines", lambda: calls.append(()) or real())
    monkeypatch.setattr(spun, "load_weak", lambda files=(): pytest.fail("the table was built"))
    monkeypatch.setattr(spun, "_looked_up", [0])
    short = "The team trained irregular forest models on the survey answers."
    assert [f.code for f in lint_text(short, Config({"select": ["T"]}))] == ["T001"]
    assert calls == []
    long_text = " ".join([short] + ["The council met on Tuesday to discuss the budget for next year."] * 10)
    assert "T001" in [f.code for f in lint_text(long_text, Config({"select": ["T"]}))]
    assert calls == [()]


def test_one_line_file_imports_no_heavy_module(tmp_path) -> None:
    one = tmp_path / "one.txt"
    one.write_text("The vote was held today.\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from garblint.lint.cli import main\n"
        f"sys.argv = ['garblint', 'check', '--no-cache', '-j', '1', {str(one)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['ftfy', 'rapidfuzz', 'symspellpy', 'wordfreq', 'py3langid', 'sqlite3', 'tomllib', 'garblint.lint.cache', 'garblint.lint.bigfile', 'hashlib']\n"
        "print('HEAVY:' + ' '.join(m for m in heavy if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True).stdout
    assert "All clear" in out
    assert out.strip().splitlines()[-1] == "HEAVY:", out
