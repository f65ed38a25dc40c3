"""``rules/_wordindex.word_positions`` (the words of a set found through R001's word characters:
``str.find`` per distinct casefolded word, or one regex of their characters' class, each token
found tested against the set) compared with the test of every token it replaces, kept here, on
generated texts whose words come in several cases (one casefolded form, several texts),
outside ASCII too ("Stra\u00dfe", "STRASSE"), with sets and dicts asked, words absent from the
text, each search forced in turn, no characters made, and a table emptied by another document
since the characters were made."""

from __future__ import annotations

import random

import pytest

from garblint.lint.textio import make_document
from garblint.rules import _wordindex as X
from garblint.rules import repetition as R

_STEMS = [
    "then",
    "than",
    "colour",
    "color",
    "lose",
    "loose",
    "their",
    "there",
    "stra\u00dfe",
    "strasse",
    "a",
    "\u00e9t\u00e9",
    "x1",
    "it's",
    "]",
    "^",
]


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


@pytest.mark.parametrize("how", ["find", "class", "test", None])
@pytest.mark.parametrize("seed", range(4))
def test_positions_match_the_test_of_every_token(seed: int, how: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    if how is not None:
        monkeypatch.setattr(X, "_cost", lambda n, k, uses: how)
    rng = random.Random(seed)
    for n, extra in ((40, 0), (400, 5), (3000, 300)):
        doc = _doc(_text(rng, n, extra))
        assert R.word_char_table(doc) is not None
        for wanted in _sets(rng, doc):
            assert X.word_positions(doc, wanted) == _old_positions(doc, wanted)
            if how in ("find", "class"):
                assert X._found_by_chars(doc, wanted) == _old_positions(doc, wanted)


def test_the_cheapest_search_is_picked() -> None:
    n = 200_000
    assert X._cost(n, 10, 100) == "find"
    assert X._cost(n, 400, 2_600) == "class"
    assert X._cost(n, 1_000, 32_000) == "test"


def test_no_characters_or_a_table_emptied_since(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    plain = make_document(_text(random.Random(4), 300, 2))  # (R001 made no characters for it)
    assert X._found_by_chars(plain, {"then"}) is None
    assert X.word_positions(plain, {"then"}) == _old_positions(plain, {"then"})
    doc = _doc(_text(random.Random(5), 300, 2))
    monkeypatch.setattr(R, "_TABLE_GEN", [R._TABLE_GEN[0] + 1])  # (as another document emptying it does)
    assert R.word_char_table(doc) is None
    assert X.word_positions(doc, {"then", "Then"}) == _old_positions(doc, {"then", "Then"})


def test_characters_made_only_when_r001_makes_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(X, "POSITIONS_MIN_WORDS", 10)
    text = _text(random.Random(6), 300, 2)
    monkeypatch.setattr(R, "_R001_MADE", [False])
    doc = make_document(text)
    assert X.word_positions(doc, {"then"}, make=True) == _old_positions(doc, {"then"})
    assert not doc.memoised("repetition.chars")  # (no R001 in the process: nothing made)
    monkeypatch.setattr(R, "_R001_MADE", [True])
    monkeypatch.setattr(R, "foreign_document", lambda doc: False)
    assert X.word_positions(doc, {"then"}) == _old_positions(doc, {"then"})
    assert not doc.memoised("repetition.chars")  # (not asked to make them)
    assert X.word_positions(doc, {"then"}, make=True) == _old_positions(doc, {"then"})
    assert doc.memoised("repetition.chars")
    assert doc.memo("repetition.chars", lambda: None)[0] == R._word_chars(doc.words)
