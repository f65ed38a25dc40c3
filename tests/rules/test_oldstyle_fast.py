"""The old-style quotation test's short cut (``rules/_oldstyle._paragraph_spans``: the count of
old spellings in a paragraph's quotations read from the document's words, the walk over the
quotations' words only when the count is exactly one or an apostrophe inside a word is a mark)
compared with the walk over every word as it was at 3adb16f, kept here, on generated
paragraphs: old spellings, capitalised common nouns, apostrophes and quotation marks of every
kind, and on marks paired at random (not as the pairing would), so that a mark inside a word
is met too."""

from __future__ import annotations

import random
import re

import pytest

from garblint.lint import lexicon
from garblint.lint.textio import make_document
from garblint.rules import _oldstyle as O
from garblint.rules.quotes import CLOSE, OPEN, Mark, ParagraphQuotes, _MARKS, _filled, _pair, analyse_quotes, paragraph_quotes


def _old_spans(doc, pq, freqs) -> list[tuple[int, int]]:
    """_paragraph_spans at 3adb16f."""
    text = doc.text
    quoted = []
    for m in pq.marks:
        if m.role == OPEN and m.partner is not None and pq.marks[m.partner].pos - m.pos > 1:
            quoted.append((m.pos + 1, pq.marks[m.partner].pos))
    spelled = capitals = 0
    for a, b in quoted:
        words = list(doc.iter_words(a, b))
        for k, w in enumerate(words):
            t = w.text
            if not t.isalpha():
                continue
            if O.old_spelling_base(t, freqs):
                spelled += 1
            elif k > 0 and t[0].isupper() and t[1:].islower() and t != "I":
                before = text[words[k - 1].end : w.start]
                if not any(c in before for c in ".!?:") and freqs.get(t.lower(), 0) >= O._COMMON:
                    capitals += 1
    if spelled >= 1 and spelled + capitals >= 2:
        return sorted(quoted)
    return []


_WORDS = (
    "the well is frozen and we must melt snow for the kitchen it was a cold day in town "
    "worke untill dayes bringeth togeather runne maketh sayth heape confesse monthes evill "
    "Well Kitchin Snow Winter House Angel Work Church King Letter Worke Untill I"
).split()
_JOINS = (" ", " ", " ", ", ", ". ", ": ", "! ", "? ", "'", "\u2019", "-", "")
_MARK_GLYPHS = ('"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", "\u201e")


def _paragraph(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randint(3, 40)):
        r = rng.random()
        if r < 0.2:
            out.append(rng.choice(_MARK_GLYPHS))
        elif r < 0.3:
            out.append(rng.choice(_MARK_GLYPHS) + rng.choice(_WORDS) + rng.choice(_MARK_GLYPHS))
        else:
            out.append(rng.choice(_WORDS))
        out.append(rng.choice(_JOINS))
    return "".join(out).strip() or "x"


def _random_pairs(text: str, ps: int, pe: int, rng: random.Random) -> ParagraphQuotes:
    """Marks at the paragraph's quotation-mark characters, opened and closed at random and
    paired at random (later mark as the partner), whatever a reader would say."""
    pq = ParagraphQuotes(0)
    pos = [i for i in range(ps, pe) if text[i] in _MARKS]
    for i in pos:
        pq.marks.append(Mark(i, "double", rng.choice((OPEN, CLOSE)), text[i]))
    n = len(pq.marks)
    for k, m in enumerate(pq.marks):
        if m.role == OPEN and m.partner is None and k + 1 < n and rng.random() < 0.8:
            j = rng.randrange(k + 1, n)
            if pq.marks[j].partner is None:
                m.partner, pq.marks[j].partner = j, k
    return pq


def _compare(text: str, rng: random.Random) -> int:
    doc = make_document(text)
    freqs = lexicon.counts_for(len(doc.words))
    found = 0
    for pi, para in enumerate(doc.paragraphs):
        for pq in (_pair(text, pi, para.start, para.end), _random_pairs(text, para.start, para.end, rng)):
            old = _old_spans(doc, pq, freqs)
            assert O._paragraph_spans(doc, pq, freqs) == old, (text, [(m.pos, m.role, m.partner) for m in pq.marks])
            found += bool(old)
    return found


@pytest.mark.parametrize("seed", range(6))
def test_old_style_spans_match_the_walk(seed: int) -> None:
    rng = random.Random(seed)
    found = 0
    for _ in range(120):
        text = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 3)))
        found += _compare(text, rng)
    assert found  # (old-style quotations are among the generated ones)


@pytest.mark.parametrize(
    "text",
    [
        "He wrote: \u201cthe Well is frozen, and wee must melt Snow for the Kitchin\u201d.",
        "He wrote: \u201cthe worke untill the dayes\u201d and more.",
        "He wrote: \u201cthe worke of the House\u201d and more.",
        "He wrote: \u201cthe worke of the house\u201d and more.",
        "Her \u2018worke\u2019s\u2019 end: \u2018worke untill\u2019 it",
        "It\u2019s \u2018the dayes\u2019 o\u2019clock \u201cKing worke\u201d.",
        "no marks at all but worke and untill",
    ],
)
def test_old_style_spans_fixed_texts(text: str) -> None:
    _compare(text, random.Random(0))


@pytest.mark.parametrize("seed", range(3))
def test_paragraphs_paired_alone_are_what_analyse_quotes_gives(seed: int) -> None:
    """analyse_quotes takes up the paragraphs paragraph_quotes paired alone before it ran: the
    same marks, pairs and continued quotations as analysing the text afresh."""
    rng = random.Random(seed)
    taken = 0
    for _ in range(150):
        text = "\n\n".join(_paragraph(rng) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.5:  # (Markdown code, blanked, next to quotation marks)
            text = text.replace(" is ", " `is` ").replace("'was", "'`was`")
        fresh = analyse_quotes(make_document(text, "t.md"))
        doc = make_document(text, "t.md")
        asked = rng.sample(range(len(doc.paragraphs)), rng.randint(0, len(doc.paragraphs)))
        alone = [paragraph_quotes(doc, i) for i in asked]
        assert analyse_quotes(doc) == fresh, text
        if _filled(doc) is not doc.text:
            continue  # (code or a link filled in: analyse_quotes pairs another text)
        taken += 1
        assert all(pq is analyse_quotes(doc)[i] for pq, i in zip(alone, asked))
        assert all(paragraph_quotes(doc, i) is analyse_quotes(doc)[i] for i in range(len(doc.paragraphs)))
    assert 20 < taken < 140


@pytest.mark.parametrize("seed", range(4))
def test_dialect_paragraph_short_cut_as_the_regex(seed: int) -> None:
    # _dialect_marks_at_least_two against the regex count it stands for, on paragraphs of
    # dialect marks ("nothin'", "ain't", "'tis", "ye"), apostrophes that are none ("don't",
    # quotes), "ye" inside words and in every case, and the look-alike letters IGNORECASE
    # lets [a-z] match (the dotless i, the long s, the Kelvin sign)
    rng = random.Random(seed)
    pieces = (
        "nothin'",
        "goin\u2019",
        "ain't",
        "AIN\u2019T",
        "'tis",
        "\u2018twas",
        "\u2019twere",
        "'em",
        "ye",
        "Ye",
        "YE",
        "yE",
        "eye",
        "yes",
        "bye",
        "don't",
        "it\u2019s",
        "'",
        "\u2018",
        "\u2019",
        "the",
        "word",
        "in'",
        "xin'x",
        "\u0131n'",
        "\u017fin'",
        "\u212ain'",
        "y",
        "e",
        ".",
        ",",
        "\n",
    )
    for _ in range(400):
        n = rng.randrange(0, 9)
        text = rng.choice(("", " ", "x")) + rng.choice((" ", "")).join(rng.choice(pieces) for _ in range(n)) + rng.choice(("", " ", "y"))
        for a, b in ((0, len(text)), (1, max(1, len(text) - 1))):
            want = len(O._DIALECT.findall(text, a, b)) >= 2
            assert O._dialect_marks_at_least_two(text, a, b) == want, (text, a, b)


#: dialect_marks' pattern as it was written before it was split by apostrophe (one pattern
#: opening with the class of the three)
_FROZEN_DIALECT_MARK = re.compile(
    r"['\u2018\u2019](?:(?<=[a-zA-Z][iI][nN].)(?![a-zA-Z])|(?<=[^a-zA-Z][aA][iI][nN].)[tT](?![a-zA-Z])"
    r"|(?<![a-zA-Z].)(?:[tT](?:were|WERE)|em|EM|Em)(?![a-zA-Z]))"
)


@pytest.mark.parametrize("seed", range(4))
def test_dialect_marks_per_apostrophe_as_the_class_pattern(seed: int) -> None:
    # _count_dialect_marks (one pattern per apostrophe) against the count of the one pattern
    # opening with the class of the three, on texts of dialect marks, apostrophes that are
    # none, marks next to each other ("'''em", "in''"), and texts holding one or two kinds only
    rng = random.Random(seed)
    pieces = ("nothin", "ain", "AIN", "t", "T", "tis", "twere", "TWERE", "em", "Em", "EM", "eM", "in", "xin", "the", " ", "\n", ".")
    marks = ("'", "\u2018", "\u2019")
    for _ in range(500):
        kinds = rng.sample(marks, rng.randrange(1, 4))
        text = "".join(rng.choice(pieces) if rng.random() < 0.6 else rng.choice(kinds) for _ in range(rng.randrange(0, 14)))
        assert O._count_dialect_marks(text) == len(_FROZEN_DIALECT_MARK.findall(text)), text
