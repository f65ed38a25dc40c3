"""The sentence splitter's fast paths (``lint/segment.py``: the word before a full stop when it
follows a space and holds letters and digits only, a plain word before a capital ending the
sentence at once, spans trimmed already) compared with the splitter as it was at 1967ea2, kept
here, on generated texts of abbreviations, initials, acronyms, units, numbers, quotes and odd
white space."""

from __future__ import annotations

import random
import re

import pytest

from garblint.lint import segment as S


def _old_word_before(text: str, lo: int, end: int) -> tuple[int, int]:
    """The span of group 1 of ``_WORD_BEFORE.search(text, lo, end)`` (it always matches), found by
    stepping back from ``end`` instead of trying the pattern at every position from ``lo``: the
    characters other than white space and opening marks that end at ``end``, or before a line
    break there (where ``$`` also matches)."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    p = end
    while p > lo:
        c = text[p - 1]
        if c in S._OPENERS or c.isspace():
            break
        p -= 1
    return p, end


def _old_is_boundary(text: str, m: re.Match) -> bool:
    term = m.group("term")
    close = m.group("close")
    nxt = m.group("next")
    next_is_lower = nxt.islower()
    if term[0] in "!?" or (len(term) > 1 and term[0] != "."):
        # "“Why?” he asked." continues the sentence.
        return not next_is_lower
    if term in ("...", "\u2026") or len(term) >= 3:
        return not next_is_lower
    # A full stop. A spaced ellipsis (". . .", the older typesetting of "...") goes on at
    # its next dot and, like "...", ends the sentence only before a capital.
    s = m.start()
    if nxt == "." and m.group("ws") in (" ", "\u00a0") and not close:
        return False
    if s >= 2 and text[s - 1] in " \u00a0" and text[s - 2] == "." and not close:
        return not next_is_lower
    if close and next_is_lower:
        return False
    lb_start = max(0, m.start() - S._LOOKBEHIND)
    wb_start, wb_end = _old_word_before(text, lb_start, m.start())
    word = text[wb_start:wb_end]
    if not word:
        return True
    low = word.lower()
    if low in S.TITLE_ABBREVIATIONS:
        return False
    if low in S.OTHER_ABBREVIATIONS or low.rstrip(".") in S.OTHER_ABBREVIATIONS:
        return nxt.isupper() or nxt in '"\u201c'
    if next_is_lower and low in S.UNIT_ABBREVIATIONS:
        if S._NUMBER_BEFORE.search(text, max(0, wb_start - 12), wb_start):
            return False  # "1 tsp. olive oil": a unit after a number
    if "-" in word and S._DOTTED.match(word.rsplit("-", 1)[1] + "."):
        word = word.rsplit("-", 1)[1]  # "British-U.S. forces": the acronym ends the compound
    if S._INITIAL.match(word):
        # "Joe F. Smith": an initial before a capitalised word is not an end.
        return not (nxt.isupper() and S._next_word(text, m.end())[:1].isupper())
    if S._DOTTED.match(word + "."):
        if nxt.isdigit() or next_is_lower:
            return False  # "5 p.m. on Monday", "the U.S. economy"
        return S._next_word(text, m.end()).lower() in S.SENTENCE_STARTERS
    if next_is_lower and S._REGNAL.match(word) and S._NAME_BEFORE.search(text, max(0, wb_start - 20), wb_start):
        return False  # "when Charles II. was crowned": a regnal number, written with a stop
    return True


def _old_split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)`` inside ``text[start:end]``, trimmed of white space."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    cur = start
    for m in S._CANDIDATE.finditer(text, start, end):
        if _old_is_boundary(text, m):
            s_end = m.start("ws")
            S._append(text, spans, cur, s_end)
            cur = m.end("ws")
    S._append(text, spans, cur, end)
    return spans


_PIECES = [
    "the",
    "The",
    "said",
    "Mr",
    "mr",
    "Dr",
    "U.S",
    "U.S.",
    "e.g",
    "i.e.",
    "p.m",
    "A",
    "F",
    "J",
    "II",
    "XIV",
    "Charles",
    "tsp",
    "oz",
    "1",
    "2.5",
    "1\u00bd",
    "Jr",
    "Inc",
    "etc",
    "British-U.S",
    "well-known",
    "x",
    "ab1",
    "caf\u00e9",
    " ",
    " ",
    " ",
    " ",
    "  ",
    "\u00a0",
    "\t",
    "\n",
    "\r\n",
    ". ",
    ". ",
    ". ",
    ".  ",
    ".\n",
    "! ",
    "? ",
    "?! ",
    "... ",
    "\u2026 ",
    ". . . ",
    ".\u201d ",
    '." ',
    ".) ",
    ".' ",
    ", ",
    "\u201c",
    "\u2018",
    '"',
    "'",
    "(",
    "[",
    "-",
    "\u2019",
]


@pytest.mark.parametrize("seed", range(300))
def test_split_sentences_same_as_the_old_form(seed):
    rng = random.Random(seed)
    for _ in range(10):
        text = "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 60)))
        start = rng.randrange(0, 3) if text else 0
        assert S.split_sentences(text, start) == _old_split_sentences(text, start), text
        for m in S._CANDIDATE.finditer(text):
            assert S._is_boundary(text, m) == _old_is_boundary(text, m), (text, m)


@pytest.mark.parametrize("seed", range(100))
def test_candidates_by_mark_same_as_the_one_pattern(seed):
    """split_paragraphs' candidates, one scan per sentence-final mark merged by their starts, are
    the matches of _CANDIDATE's one scan, groups and all: runs of mixed marks, marks after
    closing quotes, every kind of white space."""
    rng = random.Random(seed)
    pieces = _PIECES + ["?!", "!?", ".?", "?.", "!.", "\u2026.", ".\u2026", "?\u2026!", "..", "...", "\u201d", ")", "\u00bb", "\u2028", "\r\n", "\t"]
    for _ in range(10):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
        want = [(m.span(), m.groups(), m.span("ws")) for m in S._CANDIDATE.finditer(text)]
        assert [(m.span(), m.groups(), m.span("ws")) for m in S._candidates(text)] == want, text


@pytest.mark.parametrize("seed", range(100))
def test_document_sentences_and_their_paragraph_lists(seed):
    """``Document.sentences`` (tuples made by ``tuple.__new__``, the paragraphs' lists kept) is
    what one ``Sentence`` per span gives, and ``paragraph_sentences`` its grouping, whichever
    is read first."""
    from garblint.lint.document import Document, Sentence

    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES + ["\n\n", "\n \n", "\r\n\r\n"]) for _ in range(rng.randrange(0, 120)))
    doc = Document(text)
    want = [Sentence(a, b, text[a:b], pi) for pi, p in enumerate(doc.paragraphs) for a, b in _old_split_sentences(text, p.start, p.end)]
    groups = [[s for s in want if s.paragraph == pi] for pi in range(len(doc.paragraphs))]
    first_groups = Document(text)
    assert [first_groups.paragraph_sentences(pi) for pi in range(len(groups))] == groups
    assert first_groups.sentences == want
    assert doc.sentences == want and all(type(s) is Sentence for s in doc.sentences)
    assert [doc.paragraph_sentences(pi) for pi in range(len(groups))] == groups
    assert doc.paragraph_sizes == [len(g) for g in groups] == Document(text).paragraph_sizes


_BREAKS = ["\n\n", "\n \n", "\r\n\r\n", "\r\r", "\n\t\n", ".\n\n", '."\n\n', "!\n\n", ".\u201d\r\n\r\n", "\u2028\n\n", ".\u00a0\n\n"]


@pytest.mark.parametrize("seed", range(60))
def test_split_paragraphs_same_as_a_scan_per_paragraph(seed):
    """``split_paragraphs`` (the candidates of all paragraphs found in one scan of the text) gives
    the spans of ``split_sentences`` run on each paragraph in turn, with paragraphs that end on
    sentence punctuation (a match whose white space runs on to the next paragraph) and white
    space of every kind between them."""
    from garblint.lint.document import Document

    rng = random.Random(seed)
    for _ in range(5):
        text = "".join(rng.choice(_PIECES + _BREAKS * 3) for _ in range(rng.randrange(0, 150)))
        paras = Document(text).paragraphs
        want = [S.split_sentences(text, p.start, p.end) for p in paras]
        assert S.split_paragraphs(text, [(p.start, p.end) for p in paras]) == want, text


def test_split_paragraphs_after_every_kind_of_word_and_before_every_kind_of_start():
    """split_paragraphs decides a lone full stop after a plain word before anything but a
    lower-case letter or another stop inline: the same spans as split_sentences (which asks
    _is_boundary) after titles, other abbreviations, units, initials, acronyms and plain words,
    before capitals, digits, quotation marks and brackets."""
    words = (
        sorted(S.TITLE_ABBREVIATIONS)[:8]
        + sorted(S.OTHER_ABBREVIATIONS)[:12]
        + ["etc", "Inc", "tsp", "F", "U.S", "II", "said", "x1", "caf\u00e9", "4"]
    )
    starts = ['"', "\u201c", "\u2018", "'", "(", "[", "1", "A", "a", ".", "\u00c9", "-", "\u00bd"]
    for w in words:
        for c in starts:
            for gap in (" ", "  ", "\n"):
                text = f"We met {w}.{gap}{c}x went on. Then\u00a0{w.capitalize()}. {c}y."
                assert S.split_paragraphs(text, [(0, len(text))]) == [S.split_sentences(text, 0, len(text))], text
