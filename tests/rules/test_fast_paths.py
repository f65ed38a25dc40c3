"""Facts the fast paths of the structural and garble rules rely on, checked directly.

The rules' findings on generated inputs full of the cases the fast paths reason about (repeats,
near and truncated copies, odd white space and quotes, case) are in the golden snapshot
(``tests/golden.py``, ``tests/corpus/golden/generated.txt``); the frozen copies of the old code
that were compared with them here are retired.
"""
from __future__ import annotations

import random
import re

import pytest

from garblint.lint.document import Document
from garblint.rules import boilerplate as B

# ------------------------------------------------------- G rules' sentence analysis
from garblint.rules import _sentences as SA  # noqa: E402


@pytest.mark.parametrize("seed", range(200))
def test_ends_terminal_and_quote_state(seed):
    rng = random.Random(seed)
    alphabet = ".!?\u2026:;\"'\u201d\u2019)]\u00bb\u201c a\n"
    for _ in range(50):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8)))
        assert SA.ends_terminal(t) == bool(SA.TERMINAL.search(t))
        for start in (False, True):
            q = start
            for ch in t:
                if ch == "\u201c":
                    q = True
                elif ch == "\u201d":
                    q = False
                elif ch == '"':
                    q = not q
            assert SA._quote_open_after(t, start) == q


# ----------------------------------------------------------------------- B001


_B_PIECES = [
    "Related Articles", "related", "Follow us on", "follow", "See also:", "Read more", "Advertisement",
    "LONDON (Reuters) -", "LONDON", "well-known", "-30-", "Reporting by", "additional reporting by",
    "contributed to this report", "CONTR\u0130BUTED to the story", "contrıbuted to this report", "end", "* * *",
    "###", "Correction:", "update", "©", "Copyright ©", "tags:", "Share", "Facebook", "Twitter", "the", "a",
    "»", "\u2022", "-", "#", " ", "  ", "\t", "\u00a0", "\u2019", "\u2018", "\u02bc", "\u2010", "\u2011", ".", "!",
    "?", "\u2026", "\"", "'", "\u201d", ")", "]", "\n", "_", "x", "42", "\u2014", "\u2013", ",", ":", "k\u212a",
]


@pytest.mark.parametrize("seed", range(100))
def test_boilerplate_word_counts_from_document_words(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_B_PIECES) for _ in range(rng.randrange(0, 80)))
    doc = Document(text)
    for u in B._units(doc):
        assert u.words == len(B._WORD.findall(u.text))


_OS_PIECES = ["the", "Well", "is", "frozen", "and", "wee", "must", "worke", "Kitchin", "Snow", "untill", "he", "said",
              "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", " ", " ", " ", ", ", ". ", "\n\n", "\n", "(", ")"]


# ------------------------------------------------------------- character classes
# (their checks before the tests were reordered, on the old analysis and the old
# whole-document old-style quotation spans; the helpers they call are unchanged)
from garblint.lint.lexicon import frequency  # noqa: E402,F401
from garblint.rules._sentences import (  # noqa: E402,F401
    ARTICLES_AND_POSSESSIVES,
    CLOSED_CLASS,
    DETERMINERS,
    PREPOSITIONS,
    TERMINAL,
    VERB_BASES,
    is_titlecase,
    mid_sentence_context,
)
from garblint.rules.garble import (  # noqa: E402,F401
    _CLOSE_TRAIL,
    _HEADING_LABEL,
    _LONE_OPEN_QUOTE,
    _NAME_LIKE_WORDS,
    DANGLING_END,
    _aux_after_name,
    _grammatical_word,
    _has_verb,
    _imperatives,
    _in_name_phrase,
)


def test_character_classes_the_fast_paths_rely_on():
    """``\\s`` is ``str.isspace`` (so ``split()`` may replace ``\\s+`` substitutions), ``[\\W_]`` is
    "not ``str.isalnum``", and on ASCII ``[^\\W_]`` is ``[A-Za-z0-9]``: over every code point."""
    space, not_alnum = re.compile(r"\s"), re.compile(r"[\W_]")
    for cp in range(0x110000):
        c = chr(cp)
        assert (space.match(c) is not None) == c.isspace(), hex(cp)
        assert (not_alnum.match(c) is not None) == (not c.isalnum()), hex(cp)
        if cp < 128:
            assert (not_alnum.match(c) is None) == bool(re.match(r"[A-Za-z0-9]", c)), hex(cp)
    # B001's _legit: what IGNORECASE takes for c, o, n, t or r lower-cases to that letter
    folds = {x: re.compile(x, re.I) for x in "contr"}
    for cp in range(0x110000):
        c = chr(cp)
        for x, pat in folds.items():
            if pat.fullmatch(c):
                assert c.lower() == x, hex(cp)


# ------------------------------------------------------- broken contractions' hints
@pytest.mark.parametrize("seed", range(50))
def test_contraction_hints_same_as_finditer(seed):
    from garblint.rules import _words as W

    rng = random.Random(seed)
    alphabet = " \t\r\nnt'\u2019\u2018`\u00b4\u02bcxa"
    for _ in range(200):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert [m.span() for m in W._hints(t)] == [m.span() for m in W._HINT.finditer(t)], repr(t)


# ------------------------------------------------------- O004's garbage hints
from garblint.rules import _garbage as GB  # noqa: E402

_GARBAGE_ALPHABET = (
    list("abcdefghijklmnopqrstuvwxyzAEIOU")
    + list("!?.,:;*=+%&#@$~^|\\{}<>`_-'\u2019")
    + [" ", "\n", "\t", "\xa0", "\x1c", "\u2028", "\u3000", "\x85"]
    + ["\u2500", "\u25a0", "\ufffc", "\u00a4", "\u00e9", "\u00df", "1", "2", "\u0663"]
)
_GARBAGE_WEIGHTS = [3] * 26 + [1] * 5 + [1] * 27 + [6, 2, 1, 1, 1, 1, 1, 1] + [1] * 9


@pytest.mark.parametrize("seed", range(40))
def test_garbage_hints_same_as_finditer(seed):
    rng = random.Random(seed)
    for _ in range(250):
        text = "".join(rng.choices(_GARBAGE_ALPHABET, _GARBAGE_WEIGHTS, k=rng.randrange(0, 120)))
        if rng.random() < 0.3:  # the rarer alternatives: repeated letters, consonant runs, long chunks, "?!."
            text = text.replace(rng.choice("abcde"), rng.choice(["aaaa", "bbbbbb", "x" * 50, "bcdfgh", "!!!", "?.!"]))
        doc = Document(text, "x")
        want = [(m.span(), m.groups()) for m in GB._GARBAGE_HINT.finditer(text)]
        assert [(m.span(), m.groups()) for m in GB.garbage_hints(text, doc.words, doc.word_texts)] == want, text


# ------------------------------------------------------- whole-word searches (G007, S003)
from garblint.rules import artefacts as ART  # noqa: E402
from garblint.rules import spelling as SP  # noqa: E402


@pytest.mark.parametrize("seed", range(40))
def test_whole_word_searches_same_as_look_behind_regexes(seed):
    rng = random.Random(seed)
    pieces = ["AB", "ABAB", "ab", "aba", "\u00e9", "'", "\u2019", "-", "_", "1", " ", "\n", ".", "x"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        for word in ("AB", "ABAB", "ab", "aba"):
            assert ART._standalone(text, word) == (re.search(r"(?<![\w'\u2019-])" + re.escape(word) + r"(?![\w'\u2019-])", text) is not None)
            want = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
            assert SP._word_spans(text, word) == want
            assert SP._word_spans(text, word, 1) == want[:1]
