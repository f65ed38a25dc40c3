"""Word tables kept across documents: R001/R002's word characters and S004's variety candidates.

Two words get the same character exactly when their casefolded forms are equal, in every
document of a run and across a reset of the table; R001's scan for doubled words over those
characters finds what its walk over every word finds (the walk is what it does when the
characters are a list).
"""

from __future__ import annotations

import random

import pytest

from garblint.lint.config import Config
from garblint.lint.textio import make_document
from garblint.rules import repetition as R

_WORDS = ["the", "The", "THE", "vote", "Vote", "straße", "STRASSE", "Strasse", "ǅemal", "ǆemal", "is", "had", "Walla", "a", "ﬁle", "file", "σς", "ΣΣ"]


def _text(rng: random.Random) -> str:
    words = [rng.choice(_WORDS) for _ in range(rng.randrange(1, 60))]
    gaps = [rng.choice([" ", " ", " ", "  ", "\n", ", ", ". "]) for _ in words]
    return "".join(w + g for w, g in zip(words, gaps)).strip() + "."


@pytest.mark.parametrize("table_max", [200_000, 7])
def test_word_chars_equal_exactly_for_equal_casefolds(monkeypatch, table_max):
    monkeypatch.setattr(R, "_CHARS_MAX", table_max)
    monkeypatch.setattr(R, "_CHAR_OF", {})
    monkeypatch.setattr(R, "_FOLD_CHAR", {})
    rng = random.Random(table_max)
    for _ in range(200):
        doc = make_document(_text(rng), "x.txt")
        # (the new words picked out of every word's text, or of the distinct words)
        chars = R._word_chars(doc.words) if rng.random() < 0.5 else R._word_chars_gen(doc.words, doc.word_texts, doc.word_counts)[0]
        folds = [w.text.casefold() for w in doc.words]
        assert len(chars) == len(folds)
        for i in range(len(folds)):
            for j in range(len(folds)):
                assert (chars[i] == chars[j]) == (folds[i] == folds[j])


def test_repeated_word_scan_matches_the_walk(monkeypatch):
    rule = R.RepeatedWord()
    config = Config({})
    rng = random.Random(5)
    texts = [_text(rng) for _ in range(300)]
    fast = [[(f.start, f.end, f.message) for f in rule.check(make_document(t, "x.txt"), config)] for t in texts]
    monkeypatch.setattr(R, "word_chars", lambda doc: list(range(len(doc.words))))
    walk = [[(f.start, f.end, f.message) for f in rule.check(make_document(t, "x.txt"), config)] for t in texts]
    assert fast == walk
    assert sum(map(len, fast)) > 20  # the texts have doubled words to find


@pytest.mark.parametrize("table_max", [262144, 5])
def test_variety_words_are_the_candidates_among_the_words(monkeypatch, table_max):
    from garblint.rules import _variety as V

    from garblint.lint.judged import WordFacts
    from garblint.rules import _lexfacts

    monkeypatch.setattr(_lexfacts, "FACTS", WordFacts(_lexfacts._facts, table_max))
    words = ["colour", "color", "organise", "organize", "theatre", "center", "Colour", "analyse", "the", "realised", "x"]
    rng = random.Random(table_max)
    for _ in range(100):
        doc = make_document(" ".join(rng.choice(words) for _ in range(rng.randrange(1, 20))), "x.txt")
        assert V.variety_words(doc) == set(filter(V.variety_candidate, doc.word_counts))
