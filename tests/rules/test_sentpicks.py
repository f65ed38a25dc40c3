"""The sentences rules/_sentpicks.py picks out for the G rules' loops hold every sentence the
loops' first tests let through (so the rules find the same), on generated texts full of the
cases those tests read: dangling last words, bare verbs first, words outside ASCII, sentences
without words, headlines, lists and quotations."""

from __future__ import annotations

import random

import pytest

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.rules import _sentpicks, garble
from garblint.rules import _sentences as SA

_WORDS = "the The of Of and push Push PUSH Add stir See for a deal on tariffs vote Vote \u01c4emal Stra\u00dfe \u212aeep \u017fee 42 x"
_GAPS = [" ", " ", " ", " ", "  ", ". ", ". ", ". ", "! ", "? ", ", ", "\n", "\n\n", "\n\n", "... ", "\u2014. "]
_PIECES = _WORDS.split() + _GAPS + ['"', "\u201c", "\u201d", "* ", "1. "]


def _g004_goes_on(info) -> bool:
    """G004's loop's first tests of a sentence: (a) and (b) up to their word tests."""
    ws = info.words
    if not ws or info.headline:
        return False
    if ws[-1].text in garble.DANGLING_END and len(ws) > 2:
        return True
    low = ws[0].text.casefold()
    return low in SA.VERB_BASES and SA.is_titlecase(ws[0].text)


@pytest.mark.parametrize("seed", range(60))
def test_broken_clause_picks_hold_every_sentence_the_loop_goes_on_with(seed, monkeypatch):
    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 160)))
    doc = Document(text)
    an = SA.analyse(doc)
    picks = _sentpicks.broken_clause_sentences(doc, an, garble.DANGLING_END)
    assert picks == sorted(set(picks))
    assert [g for g, info in enumerate(an.sentences) if _g004_goes_on(info)] == [g for g in picks if _g004_goes_on(an.sentences[g])]
    rule = garble.BrokenClause()
    config = Config({})
    found = list(rule.check(doc, config))
    monkeypatch.setattr(garble, "broken_clause_sentences", lambda doc, an, dangling: range(len(an.sentences)))
    assert found == list(rule.check(Document(text), config))


def _all_paragraphs(doc, an):
    """Every paragraph's sentences (the walk open_end_paragraphs replaced)."""
    out, k = [], 0
    while k < len(an.sentences):
        out.append(an.sentences[k : k + an.sentences[k].para_len])
        k += len(out[-1])
    return out


def _g005_goes_on(doc, infos) -> bool:
    """G005's loop's first tests of a paragraph: its lone opening mark, or a last sentence
    without a sentence end after one with it."""
    t = doc.paragraphs[infos[0].sent.paragraph].text
    if t.rstrip("\n")[-1:] in garble._OPEN_QUOTE_GLYPHS:
        return True
    return len(infos) > 1 and not infos[0].headline and bool(infos[-1].words) and not SA.ends_terminal(infos[-1].sent.text)


@pytest.mark.parametrize("seed", range(60))
def test_open_end_paragraph_picks_hold_every_paragraph_the_loop_goes_on_with(seed, monkeypatch):
    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES + ["\u2019", ")", "\u201d\n\n", ".\u201d\n\n", ":\n\n", " \u201c\n\n"]) for _ in range(rng.randrange(0, 160)))
    doc = Document(text)
    an = SA.analyse(doc)
    picks = _sentpicks.open_end_paragraphs(doc, an)
    every = _all_paragraphs(doc, an)
    assert [g for g in every if _g005_goes_on(doc, g)] == [g for g in picks if _g005_goes_on(doc, g)]
    assert all(g in every for g in picks)
    rule = garble.OrphanTail()
    config = Config({})
    found = list(rule.check(doc, config))
    monkeypatch.setattr(garble, "open_end_paragraphs", _all_paragraphs)
    assert found == list(rule.check(Document(text), config))


def _old_after_blanked_label(doc, pos: int) -> bool:
    """``_capwords._after_blanked_label`` as it was at 6344e5d."""
    text = doc.text
    a = text.rfind("\n", 0, pos) + 1
    return not text[a:pos].strip() and bool(doc.source[a:pos].strip())


@pytest.mark.parametrize("seed", range(30))
def test_after_blanked_label_same_as_the_line_slice(seed):
    from garblint.lint.markup import blank
    from garblint.rules._capwords import _after_blanked_label

    rng = random.Random(seed)
    pieces = ["a", "Word", " ", " ", "\t", "\u00a0", "\u2003", "\n", "\r\n", "\r", "--opt", "-", "|", "`x`"]
    source = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
    cuts = sorted(rng.sample(range(len(source) + 1), min(len(source) + 1, 2 * rng.randrange(0, 6))))
    masks = tuple((a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b)
    doc = Document(blank(source, masks), None, source=source, masks=masks)
    for pos in range(len(source) + 1):
        assert _after_blanked_label(doc, pos) == _old_after_blanked_label(doc, pos), (source, pos)
