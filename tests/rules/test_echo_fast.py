"""R003's search for "X and X" (``rules/echoes._AND_WORD``: from the literal "and", the blank
before it looked behind at) compared with the pattern at 6d2b6d6 (from the blank before "and",
tried at every blank), kept here: the same matches one character later, ending at the same
place, on generated texts; and the rule's findings the same as the old check's."""

from __future__ import annotations

import random
import re

import pytest

from garblint.lint.config import Config
from garblint.lint.textio import make_document
from garblint.rules import echoes as E

_OLD_AND_WORD = re.compile(r"[ \t]and[ \t]([^\W\d_]+(?:['\u2019-][^\W\d_]+)*(?![\w'\u2019-]))?")
_PIECES = ["and", "and", "And", " ", " ", "\t", "\n", "x", "5", "'", "\u2019", "-", "an", "d", "\u00e9", ".", "review", "Smith", "more"]


def test_and_word_matches_one_character_after_the_old_pattern():
    rng = random.Random(0)
    for _ in range(40000):
        t = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 24)))
        old = [(m.start() + 1, m.end(), m.group(1)) for m in _OLD_AND_WORD.finditer(t)]
        assert [(m.start(), m.end(), m.group(1)) for m in E._AND_WORD.finditer(t)] == old, t


def _old_check(text: str) -> list[tuple[int, int, str]]:
    """R003's loop as it was (the findings' spans and messages)."""
    out = []
    for m in _OLD_AND_WORD.finditer(text):
        b = m.group(1)
        if b is None:
            continue
        a_start = m.start() - len(b)
        if a_start < 0:
            continue
        a = text[a_start : m.start()]
        if a.casefold() != b.casefold() or (a_start > 0 and E._continues_word(text[a_start - 1])):
            continue
        if a[:1].isupper() and b[:1].isupper():
            continue
        if E._legit_coordination(a):
            continue
        after = E._NEXT_WORD.match(text, m.end())
        if after and after.group(1).lower() not in E.CLOSED_CLASS:
            continue
        out.append((a_start, m.end(), f"'{a}' coordinated with itself"))
    return out


@pytest.mark.parametrize("seed", range(20))
def test_reduplicated_coordination_same_as_the_old_check(seed):
    rng = random.Random(seed)
    words = ["review", "Review", "quick", "the", "more", "audit", "and", "x", "it\u2019s", "re-view", "5"]
    for _ in range(100):
        text = "".join(rng.choice(words) + rng.choice([" ", " ", " and ", "\tand ", ", ", ".\n"]) for _ in range(rng.randrange(1, 30)))
        doc = make_document(text)
        new = [(f.start, f.end, f.message) for f in E.ReduplicatedCoordination().check(doc, Config({}))]
        assert new == _old_check(doc.text), text


_HEADINGS = [
    "The plan to rebuild the bridge",
    "the plan to rebuild the bridge",
    "\u201cThe plan to rebuild the bridge\u201d",
    "(The) plan to rebuild the bridge",
    "A vote on the new budget",
    "5 things about the vote",
    "\u00c9t\u00e9 plans for the town",
    "_the plan to rebuild the bridge",
    "Notes",
    "Plan to rebuild",
]


def test_echo_first_character_test_changes_no_finding(monkeypatch):
    # R004's heading echo with _leads_differ (a heading and a first sentence whose first word
    # characters differ are never equal in _norm) against the check without it
    rng = random.Random(5)
    texts = []
    for _ in range(300):
        paras = []
        for _ in range(rng.randrange(1, 6)):
            head, first = rng.choice(_HEADINGS), rng.choice(_HEADINGS)
            paras.append(head)
            paras.append(first + rng.choice([".", "!", ""]) + " It was approved on Monday. Work begins soon.")
        texts.append("\n\n".join(paras))
    cfg = Config({})

    def findings():
        return [[(f.start, f.end, f.message) for f in E.Echo().check(make_document(t), cfg)] for t in texts]

    fast = findings()
    monkeypatch.setattr(E, "_leads_differ", lambda a, b: False)
    assert fast == findings()
    assert sum(map(bool, fast)) > 30
