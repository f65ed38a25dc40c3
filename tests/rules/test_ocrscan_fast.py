"""The O001 digit test's manual-section look-up (``_ocrscan._cited_names``) against the search it
replaced, on generated texts."""

from __future__ import annotations

import random
import re

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.rules import _lexcheck as LX
from garblint.rules import _ocrscan as O

_PIECES = ["a2ps", "po4a", "tty0", "b", "x", "é9", "_", "-", "\u2010", "\u2011", "(1)", "(1p)", "(12)", "(", ")", " ", " ", "\n", ".", "2", "sha1"]


def _old(text: str, w: str) -> bool:
    return w + "(" in text and re.search(r"(?<![\w-])" + re.escape(w) + r"\(\d[a-z]?\)", text) is not None


def test_cited_names_as_the_search():
    rng = random.Random(3)
    for _ in range(1500):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 30)))
        doc = Document(text, "x")
        names = O._cited_names(text)
        asked = set(doc.word_counts) | {p for p in _PIECES if p.strip()} | {t[i:] for t in doc.word_counts for i in range(1, len(t))}
        for w in asked:
            if O._WORD_CHARS.fullmatch(w):
                assert (w in names) == _old(text, w), (text, w)
        an = LX._Analysis(doc, Config({}))
        for w in asked:  # (the method: the look-up, or the search for a word with U+2010 in it)
            assert an._cited_name(w) == (doc.word_counts.get(w, 0) >= 3 or _old(text, w)), (text, w)
