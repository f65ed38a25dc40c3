"""G002 asks whether a text is English before its first finding, after many candidates, or at
once when the answer is known already: every test before a finding is free of side effects, so
the findings are the same whenever it asks. Checked on generated English, German-like and mixed
texts: a fresh document, one whose English share was asked before, and the question asked after
0, 8, 64 or no candidates."""

from __future__ import annotations

import random

import pytest

from garblint.lint.config import Config
from garblint.lint.textio import make_document
from garblint.rules import _sentences as SA
from garblint.rules import garble as G

_ENGLISH = "the council said This plan would Help residents and the Harbour board met on Monday with Anna Weber this help".split()
_GERMAN = "Der Rat sagte Diese Pläne würden Den Bewohnern helfen und Das Hafenamt traf sich am Montag mit".split()


def _text(rng: random.Random) -> str:
    share = rng.random()
    sents = []
    for _ in range(rng.randrange(1, 12)):
        words = [rng.choice(_ENGLISH if rng.random() < share else _GERMAN) for _ in range(rng.randrange(3, 14))]
        sent = " ".join(words)
        sents.append(sent[0].upper() + sent[1:] + rng.choice([".", ".", "?"]))
    return rng.choice([" ", "\n\n"]).join(sents)


def _findings(text: str, *, asked_before: bool) -> list[tuple]:
    doc = make_document(text)
    if asked_before:
        SA.english_share(doc)
    return [(f.start, f.end, f.message, f.confidence, f.severity) for f in G.CapitalisedCommonWord().check(doc, Config({}))]


@pytest.mark.parametrize("seed", range(30))
def test_g002_findings_whenever_english_is_asked(seed, monkeypatch):
    rng = random.Random(seed)
    for _ in range(20):
        text = _text(rng)
        expected = _findings(text, asked_before=False)
        assert _findings(text, asked_before=True) == expected, text
        for after in (0, 8, 10**9):
            monkeypatch.setattr(G, "_ASK_ENGLISH_AFTER", after)
            assert _findings(text, asked_before=False) == expected, (text, after)
        monkeypatch.undo()


def test_g002_some_texts_have_findings_and_some_are_not_english():
    rng = random.Random(0)
    texts = [_text(rng) for _ in range(300)]
    assert sum(1 for t in texts if _findings(t, asked_before=False)) > 20
    assert sum(1 for t in texts if SA.english_share(make_document(t)) < 0.45) > 20
