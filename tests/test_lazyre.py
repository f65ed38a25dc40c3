"""Module-level patterns are compiled on first use (lint/lazyre.py): every one must compile,
and a lazy pattern must behave as the compiled one."""

from __future__ import annotations

import pickle
from array import array
import re

from garblint.lint import lazyre
from garblint.lint.lazyre import lazy_re
from garblint.lint.rule import load_rules


def test_every_lazy_pattern_compiles() -> None:
    load_rules()  # imports every rule module and the engine modules they use
    from garblint.lint import cli, fixer, rst  # noqa: F401 - modules the rules do not import
    from garblint.reports import html  # noqa: F401

    assert len(lazyre.MADE) > 100
    for p in lazyre.MADE:
        assert isinstance(p.compiled, re.Pattern), p


def test_lazy_pattern_matches_like_the_compiled_one() -> None:
    src = r"(?P<w>[a-z]+)(\d*)"
    lazy, real = lazy_re(src, re.I), re.compile(src, re.I)
    assert "search" not in vars(lazy)  # nothing compiled yet
    text = "abc12 DEF x9"
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in real.finditer(text)]
    assert "search" in vars(lazy)  # compiled once, its methods kept
    assert lazy.sub("-", text) == real.sub("-", text)
    assert lazy.findall(text) == real.findall(text)
    assert lazy.match(text).group("w") == "abc"
    assert lazy.fullmatch("q7") is not None and lazy.split(text) == real.split(text)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (real.pattern, real.flags, real.groups, real.groupindex)
    assert pickle.loads(pickle.dumps(lazy)).pattern == src


def _fresh_codes(monkeypatch, folder) -> None:
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(folder))
    monkeypatch.setattr(lazyre, "_CODES", None)
    monkeypatch.setattr(lazyre, "_ADDED", {})


def test_kept_codes_make_the_same_patterns(monkeypatch, tmp_path) -> None:
    load_rules()
    from garblint.lint import cli, fixer, rst  # noqa: F401
    from garblint.reports import html  # noqa: F401

    sources = [p._source for p in lazyre.MADE] + [(b"(?P<b>x)y+", 0), (r"a(?i:B)", re.M)]
    _fresh_codes(monkeypatch, tmp_path)
    # a first run compiles every pattern and keeps its code (written at exit)
    for src in sources:
        assert lazyre._compile(*src) == re.compile(*src)
    assert len(lazyre._ADDED) == len(set((p, int(f)) for p, f in sources))
    lazyre._write_codes()
    # a later run makes each from the kept code: the same pattern (equality compares the code)
    _fresh_codes(monkeypatch, tmp_path)
    assert set(lazyre._codes()) == set((p, int(f)) for p, f in sources)
    for src in sources:
        rx = lazyre._compile(*src)
        real = re.compile(*src)
        assert rx == real and (rx.flags, rx.groups, rx.groupindex) == (real.flags, real.groups, real.groupindex), src
    assert not lazyre._ADDED  # nothing new to write


def test_damaged_kept_codes_compile_as_usual(monkeypatch, tmp_path) -> None:
    src = r"(?P<w>[a-z]+)-(\d+)"
    _fresh_codes(monkeypatch, tmp_path)
    (tmp_path / lazyre._codes_name()).write_bytes(b"not marshal data")
    assert lazyre._compile(src) == re.compile(src)
    # a well-formed file whose entry is not code the engine takes
    import marshal

    (tmp_path / lazyre._codes_name()).write_bytes(marshal.dumps({(src, 0): (0, array("I", [999999]).tobytes(), 0, {}, ())}))
    _fresh_codes(monkeypatch, tmp_path)
    assert lazyre._compile(src) == re.compile(src)
    # no folder at all
    monkeypatch.setenv("GARBLINT_DATA_CACHE", "")
    monkeypatch.setattr(lazyre, "_CODES", None)
    assert lazyre._compile(src) == re.compile(src)
    lazyre._write_codes()  # (nowhere to write: passes)
