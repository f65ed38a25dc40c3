"""``rules/_wordindex.word_positions`` (the words of a set found through R001's word characters:
``str.find`` per distinct casefolded word, each token found tested against the set) compared
with the test of every token it replaces, kept here, on generated texts whose words come in
several cases (one casefolded form, several texts), outside ASCII too ("Stra\u00dfe", "STRASSE"),
with sets and dicts asked, words absent from the text, too many distinct words for the
search, and a table emptied by another document since the characters were made."""

from __future__ import annotations

import random

import pytest

from garblint.lint.textio import make_document
from garblint.rules import _wordindex as X
from garblint.rules import repetition as R

_STEMS = ["then", "than", "colour", "color", "lose", "loose", "their", "there", "stra\u00dfe", "strasse", "a", "\u00e9t\u00e9", "x1", "it's"]


def _old_positions(doc, wanted) -> list[int]:
    """What word_positions replaces: every token tested."""
    return [i for i, t in enumerate(doc.word_texts) if t in wanted]


def _forms(stem: str) -> list[str]:
    return [stem, stem.capitalize(), stem.upper()]


def _text(rng: random.Random, n: int, extra: int) -> str:
    vocab = [f for s in _STEMS for f in _forms(s)] + [f"w{k}" for k in range(extra)]
    return " ".join(rng.choice(vocab) for _ in range(n)) + ".\n"


def _doc(text: str):
    doc = make_document(text)
    R.word_chars(doc)  # (what R001 makes before S004, S005 and U001 ask)
    return doc


def _sets(rng: random.Random, doc) -> list:
    texts = sorted(set(doc.word_texts))
    out: list = [set(), {"absent", "Absent"}, set(texts), frozenset(["then", "Then"]), {"THEN"}, {"stra\u00dfe", "STRASSE"}]
    for _ in range(12):
        pick = set(rng.sample(texts, rng.randint(1, min(20, len(texts)))))
        out.append(pick)
        out.append(pick | {"never-in-it", "Never"})
        out.append({w: (w, "x") for w in pick})  # (a dict: its keys asked)
    return out


@pytest.mark.parametrize("seed", range(6))
def test_positions_match_the_test_of_every_token(seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    rng = random.Random(seed)
    for n, extra in ((40, 0), (400, 5), (3000, 300)):
        doc = _doc(_text(rng, n, extra))
        assert R.word_char_table(doc) is not None
        for wanted in _sets(rng, doc):
            assert X.word_positions(doc, wanted) == _old_positions(doc, wanted)


def test_the_characters_are_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the fast path is taken: a set of a few words in a long enough text is found by str.find)
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    doc = _doc(_text(random.Random(7), 500, 3))
    wanted = {"Then", "colour", "STRASSE"}
    assert X._found_by_chars(doc, wanted) == _old_positions(doc, wanted)
    assert X._found_by_chars(doc, set()) == []


def test_too_many_distinct_words_or_no_characters(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    monkeypatch.setattr(X, "FIND_MAX", 3)
    doc = _doc(_text(random.Random(3), 800, 40))
    many = set(doc.word_texts)
    assert X._found_by_chars(doc, many) is None  # (more than FIND_MAX casefolded words)
    assert X.word_positions(doc, many) == _old_positions(doc, many)
    plain = make_document(_text(random.Random(4), 300, 2))  # (R001 made no characters for it)
    assert X._found_by_chars(plain, {"then"}) is None
    assert X.word_positions(plain, {"then"}) == _old_positions(plain, {"then"})


def test_a_table_emptied_since(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    doc = _doc(_text(random.Random(5), 300, 2))
    monkeypatch.setattr(R, "_TABLE_GEN", [R._TABLE_GEN[0] + 1])  # (as another document emptying it does)
    assert R.word_char_table(doc) is None
    assert X.word_positions(doc, {"then", "Then"}) == _old_positions(doc, {"then", "Then"})
