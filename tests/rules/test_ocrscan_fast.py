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
    for _ in range(800):
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


# ------------------------------------------- S001's technical terms: a common word one edit away
from garblint.lint import lexicon  # noqa: E402
from garblint.rules import _techterms as TT  # noqa: E402


def _near_common_old(w: str, freqs) -> bool:
    """``_techterms._near_common`` as it was: every string one edit away (a-z put in) looked up."""
    n = len(w)
    edits = {w[:i] + w[i + 1 :] for i in range(n)}
    edits.update(w[:i] + w[i + 1] + w[i] + w[i + 2 :] for i in range(n - 1))
    edits.update(w[:i] + c + w[i + 1 :] for i in range(n) for c in TT._ALPHABET)
    edits.update(w[:i] + c + w[i:] for i in range(n + 1) for c in TT._ALPHABET)
    edits.discard(w)
    return any(freqs.get(e, 0) >= TT._NEAR for e in edits)


def test_near_common_as_every_edit():
    rng = random.Random(9)
    freqs = lexicon.frequencies()
    common = sorted(w for w, f in freqs.items() if f >= TT._NEAR)
    words = ["", "a", "ab", "libaries", "rythm", "thier", "o'clock", "dont", "don't", "caf\u00e9", "na\u00efve", "\u00e9x", "x\u00e9\u00e9", "q'q"]
    for _ in range(600):
        w = rng.choice(common)
        k = rng.randrange(len(w) + 1)
        op = rng.randrange(5)
        if op == 0:
            w = w[:k] + w[k + 1 :]
        elif op == 1:
            w = w[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz'\u00e9") + w[k:]
        elif op == 2:
            w = w[:k] + rng.choice("abcdefghijklmnopqrstuvwxyz'\u00e9") + w[k + 1 :]
        elif op == 3:
            w = w[:k] + "".join(rng.choice("aeiourstln'") for _ in range(2)) + w[k + 2 :]
        words.append(w)
    seen = 0
    for w in words:
        got = TT._near_common(w, freqs)
        assert got == _near_common_old(w, freqs), w
        seen += got
    assert 100 < seen < len(words) - 100
    # (no word so common holds an apostrophe today: with some made so, a word one "'" away from
    # such a word is still no neighbour, as no a-z letter put in reaches it)
    boosted = {**freqs, **{w: 10**9 for w in freqs if "'" in w}}
    for w in words + ["dont", "isnt", "cant", "wouldnt", "youre", "its", "don't", "hes"]:
        assert TT._near_common(w, boosted) == _near_common_old(w, boosted), w
    edge = {**{w: f for w, f in freqs.items() if f < TT._NEAR}, "libraries": TT._NEAR}  # (just common enough)
    assert TT._near_common("libaries", edge) and _near_common_old("libaries", edge)
