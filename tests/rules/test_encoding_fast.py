"""E002's and E004's scans by str.find against the regexes they replace, and E001's ftfy import
(rules/_ftfyload.py) against a plain one."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pytest

from garblint.rules import _charscan as C

# every character of _INVISIBLE's class, characters next to the class's edges, and ordinary text
_INVISIBLE_CHARS = [chr(c) for c in [*range(0, 9), 11, *range(14, 32), 127, *range(0x80, 0xA0)]] + list(
    "\u200b\u2060\ufeff\u180e\u00ad\u200c\u200d\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
_NEAR = list("\t\n\x0c\r \u00a0\u00ae\u200a\u2010\u2029\u202f\u2065\u206a\ufefe\ufffd\ufffc\U0001f600\u4e2d\u00e9\ud800")
_PLAIN = list("abc xyz.,\n") + ["word ", "caf\u00e9 ", "\u201cq\u201d "]


def _texts(seed: int, n: int):
    rng = random.Random(seed)
    for _ in range(n):
        k = rng.choice((0, 1, 2, 5, 30))  # how many distinct special characters
        special = rng.sample(_INVISIBLE_CHARS, k) if k else []
        pool = _PLAIN * 6 + _NEAR + special * 3
        yield "".join(rng.choice(pool) for _ in range(rng.randint(0, 80)))


@pytest.mark.parametrize("seed", range(5))
def test_invisible_runs_are_the_regex_matches(seed):
    for text in _texts(seed, 400):
        assert C._invisible_runs(text) == [m.span() for m in C._INVISIBLE.finditer(text)], repr(text)


def test_invisible_runs_many_distinct_characters_and_edges():
    text = "".join(_INVISIBLE_CHARS) + "a" + "".join(_INVISIBLE_CHARS[::-1])
    assert C._invisible_runs(text) == [m.span() for m in C._INVISIBLE.finditer(text)]
    for text in ("", "a", "\x00", "a\x00", "\x00a", "\u200b\u200b", "\u200ba\u200b", "\ud800\u200b\udfff"):
        assert C._invisible_runs(text) == [m.span() for m in C._INVISIBLE.finditer(text)], repr(text)


@pytest.mark.parametrize("seed", range(3))
def test_replacement_runs_are_the_regex_matches(seed):
    rng = random.Random(seed)
    for _ in range(500):
        text = "".join(rng.choice(["\ufffd", "\ufffd", "a", " ", "\u00e9", "\n"]) for _ in range(rng.randint(0, 30)))
        assert list(C._replacement_runs(text)) == [m.span() for m in re.finditer("\ufffd+", text)], repr(text)


def test_ftfy_import_without_wcwidth():
    """In a fresh process: E001 repairs mojibake with ftfy imported by _ftfyload, which leaves
    wcwidth unimported and re.compile as it was; ftfy's width helpers still work."""
    probe = (
        "import re, sys\n"
        "compile_ = re.compile\n"
        "from garblint.lint.config import Config\n"
        "from garblint.lint.runner import lint_text\n"
        "found = [f.suggestions[0].replacement for f in lint_text('The caf\\u00c3\\u00a9 reopened.\\n', Config()) if f.code == 'E001']\n"
        "print(found, 'ftfy' in sys.modules, 'wcwidth' in sys.modules, re.compile is compile_)\n"
        "import ftfy.formatting as F\n"
        "print(F.character_width('\\u8eca'), F.display_ljust('ab', 5) + '|', type(sys.modules['wcwidth']).__name__)\n"
        "import wcwidth\n"
        "print(wcwidth.wcswidth('\\u8eca\\u8eca'), type(wcwidth).__name__)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["['caf\u00e9'] True False True", "2 ab   | module", "4 module"]


def test_ftfy_import_when_wcwidth_is_already_there():
    probe = (
        "import sys, wcwidth\n"
        "from garblint.rules._ftfyload import ftfy\n"
        "m = ftfy()\n"
        "print(m.fix_encoding('caf\\u00c3\\u00a9'), sys.modules['wcwidth'] is wcwidth, m.formatting.wcwidth is wcwidth.wcwidth)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["caf\u00e9 True True"]
