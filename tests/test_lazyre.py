"""Module-level patterns are compiled on first use (lint/lazyre.py): every one must compile,
and a lazy pattern must behave as the compiled one."""

from __future__ import annotations

import pickle
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
