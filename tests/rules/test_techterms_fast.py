"""``technical_term`` with ``known`` (the answers that read the word only, kept by the caller
for the document) against its body without it, the form the tests are regrouped from."""

from __future__ import annotations

import random

import pytest

from garblint.lint import lexicon
from garblint.lint.textio import make_document
from garblint.rules import _techterms as TT

_PIECES = [
    "the",
    "a",
    "and",
    "of",
    "run",
    "with",
    "see",
    "is",
    "awk",
    "gawk",
    "sudo",
    "visudo",
    "zorbix",
    "qelm",
    "21st",
    "nvim",
    "Neovim",
    "bce",
    "before",
    "common",
    "era",
    "sed",
    "mrouted",
    "daemon",
    "foo",
    "command",
    "option",
    "package",
    "tool",
    "library",
    "webargs",
    "pyflakes",
    "unzipper",
    "preload",
    "umask",
    "clocale",
    "pytest",
    "docname",
    "subtree",
    "libssl",
    "stdin",
    "setgid",
    "loadavg",
    "fsck",
    "alot",
    "unzipped",
    "reloader",
    "xyzzyq",
]
_GLUE = [
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    ". ",
    ", ",
    "(",
    ")",
    "(8)",
    "(1)",
    " 2.0",
    " --",
    " `",
    "` ",
    "\n```\n",
    "\n    ",
    " https://github.com/x/",
    " `zorbix` ",
    " `unzip` ",
    " `loader` ",
    "# ",
    "\n- ",
    ' "',
    '" ',
]


def _texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rnd.randrange(1, 120)):
            parts.append(rnd.choice(_PIECES))
            parts.append(rnd.choice(_GLUE))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_known_word_answers_give_the_same_answers(seed: int) -> None:
    met = set()
    for i, text in enumerate(_texts(seed, 120)):
        doc = make_document(text, "README.md" if i % 2 else None)
        words = [t for t in doc.words if t.text.isalpha() and t.text.islower()]
        uses: dict[str, int] = {}
        for t in words:
            uses[t.text] = uses.get(t.text, 0) + 1
        freqs = lexicon.counts_for(len(doc.words)) if i % 3 else {"zorbix": 5, "mask": 2_000_000}
        known: dict[str, bool] = {}
        for t in words:
            want = TT.technical_term(doc, doc.text, t.start, t.end, t.text, uses[t.text], freqs)
            got = TT.technical_term(doc, doc.text, t.start, t.end, t.text, uses[t.text], freqs, known)
            assert got == want, (text, t)
            met.add((want, bool(doc.masks), TT.technical_prose(doc)))
    assert {(True, True, True), (False, True, True), (False, False, False)} <= met
