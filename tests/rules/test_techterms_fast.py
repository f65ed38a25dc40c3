"""``technical_term`` (its tests regrouped: those that read the word only, then those that read
its place), with and without ``known`` (the word-only answers kept by the caller for the
document), against the single body the tests were regrouped from (``_technical_term_old``)."""

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


def _technical_term_old(doc, text, start, end, w, uses, freqs) -> bool:
    """technical_term as one body, before its tests were regrouped (frozen here)."""
    if TT.defined_abbreviation(text, start, end, w) or w in TT.url_words(doc) or TT._part_of_name(doc, w):
        return True
    if TT._MAN_PAGE.match(doc.source, end) or TT._cited_with_section(doc, w):
        return True
    if not TT.technical_prose(doc):
        return False
    if uses >= 2 or TT._ORDINAL.match(w) or TT._affixed_word(w, freqs) or TT._abbreviation_shaped(w, freqs):
        return True
    if (TT.named_by_context(text, start, end, w) or doc.masks and TT._after_option(doc, start)) and not TT._cheap_slip(w):
        return True
    if not doc.masks:
        return False
    terms = TT.masked_words(doc)
    n = len(w)
    return any(w[i:j] in terms for i in range(n - 3) for j in range(i + 4, n + 1) if j - i < n)


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
            want = _technical_term_old(doc, doc.text, t.start, t.end, t.text, uses[t.text], freqs)
            got = TT.technical_term(doc, doc.text, t.start, t.end, t.text, uses[t.text], freqs, known)
            assert got == want, (text, t)
            assert TT.technical_term(doc, doc.text, t.start, t.end, t.text, uses[t.text], freqs) == want, (text, t)
            met.add((want, bool(doc.masks), TT.technical_prose(doc)))
    assert {(True, True, True), (False, True, True), (False, False, False)} <= met
