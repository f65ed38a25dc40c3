"""The process' table of word facts (``rules/_wordfacts``): after ``judge`` has seen a
document's distinct words, the sets answer for them what each word's own test answers, from
document to document, also when the table is emptied for its size bound between them."""

from __future__ import annotations

import random

import pytest

from garblint.lint.document import Document
from garblint.rules import _wordfacts as WF

_PIECES = (
    "the The THE Hague council Council REPORTs REPORTed ABCDing McREPORTs xREPORTs REPORT Report "
    "straße Straße STRASSE ǅemal ǅ é É ÉCOLEs caf\u00e9 na\u00efve A I a x 42 2024 O'Neill "
    "it's self-defense ABCDes ÀBCDEs Ab aB iPhone eBay"
).split()


def _title(t: str) -> bool:
    return t[0].isupper() and t[1:].islower()


def _mixed(t: str) -> bool:
    return not (t.islower() or t.istitle() or t.isupper()) and WF.MIXED_IN_WORD.search(t) is not None


def _lower_not_ascii(t: str) -> bool:
    return not t.isascii() and t.islower()


@pytest.mark.parametrize("most", [WF._MOST, 40, 7])
def test_word_facts_are_the_tests(monkeypatch, most: int) -> None:
    monkeypatch.setattr(WF, "_MOST", most)
    for name in ("_JUDGED", "TITLE", "MIXED", "LOWER_NOT_ASCII"):
        monkeypatch.setattr(WF, name, set())  # (an empty table, restored after the test)
    rng = random.Random(most)
    largest = 0
    for _ in range(300):
        words = [rng.choice(_PIECES) + rng.choice(("", "", "", "s", "ing", "\u00e9", "X")) for _ in range(rng.randrange(1, 25))]
        counts = Document(" ".join(words)).word_counts
        WF.judge(counts)
        assert WF.TITLE.intersection(counts) == set(filter(_title, counts))
        assert (counts.keys() & WF.LOWER_NOT_ASCII) == set(filter(_lower_not_ascii, counts))
        assert counts.keys().isdisjoint(WF.MIXED) == (not any(map(_mixed, counts)))
        largest = max(largest, len(counts))
        assert len(WF._JUDGED) <= max(most, largest)  # (a document's words are judged whatever their number)
        assert WF._JUDGED.issuperset(WF.TITLE) and WF._JUDGED.issuperset(WF.MIXED) and WF._JUDGED.issuperset(WF.LOWER_NOT_ASCII)
