"""Quotations written in an older house style (early modern English, period letters).

Historians quote sources as written: "the Well is frozen, and wee must melt Snow for the
Kitchin". Such a quotation capitalises common nouns and spells words with a final -e, a
doubled consonant or -eth; a spelling or capitalisation rule must leave it alone, while the
same forms in ordinary prose stay suspect. The quotations of a paragraph count as old style
when they show at least two of these hallmarks, one of them a spelling (capitals alone are
too often names); the test is local, so one odd word in a modern quotation is still checked.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import compress
from operator import not_
from typing import Mapping

from ..lint import lexicon
from ..lint.lazyre import lazy_re
from .quotes import OPEN, paragraph_quotes

_COMMON = 20_000  # a word this frequent in lower case is a common word, not a name


def old_spelling_base(w: str, freqs: Mapping[str, int]) -> str | None:
    """The modern word an early modern spelling stands for ("worke" -> "work"), or None."""
    low = w.lower()
    if len(low) < 4 or low in freqs:
        return None
    cands = []
    if low.endswith("e"):
        cands.append(low[:-1])  # worke, heape, mischiefe, confesse
        if len(low) > 4 and low[-2] == low[-3]:
            cands.append(low[:-2])  # runne, stoppe
    if low.endswith("ll"):
        cands.append(low[:-1])  # untill, evill
    if low.endswith("es"):
        cands.append(low[:-2] + "s")  # dayes, monthes
    if low.endswith("eth"):
        cands += [low[:-3], low[:-3] + "e", low[:-3] + "s"]  # bringeth, maketh
        if len(low) > 6 and low[-4] == low[-5]:
            cands.append(low[:-4])  # runneth
    elif low.endswith("th"):
        cands.append(low[:-2] + "s")  # sayth
    if "ea" in low:
        cands.append(low.replace("ea", "e", 1))  # togeather
    if "ie" in low:
        cands.append(low.replace("ie", "y", 1))
    for c in cands:
        if freqs.get(c, 0) >= _COMMON:
            return c
    return None


def _paragraph_spans(doc, pq, freqs: Mapping[str, int]) -> list[tuple[int, int]]:
    """The quotations of one paragraph's marks, sorted, when they read as old style; else []."""
    text = doc.text
    # a source quoted in several pieces ("...," he writes, "...") is judged as a whole
    quoted = []
    for m in pq.marks:
        if m.role == OPEN and m.partner is not None and pq.marks[m.partner].pos - m.pos > 1:
            quoted.append((m.pos + 1, pq.marks[m.partner].pos))
    if not quoted:
        return []
    # (the walk below counts the capitals only to add them to the old spellings: its answer
    # is known from their count alone unless there is exactly one)
    known = _spelled(doc, pq, quoted, freqs)
    if known == 0:
        return []
    if known is not None and known >= 2:
        return sorted(quoted)
    spelled = capitals = 0
    for a, b in quoted:
        words = list(doc.iter_words(a, b))
        for k, w in enumerate(words):
            t = w.text
            if not t.isalpha():
                continue
            if old_spelling_base(t, freqs):
                spelled += 1
            elif k > 0 and t[0].isupper() and t[1:].islower() and t != "I":
                before = text[words[k - 1].end : w.start]
                if not any(c in before for c in ".!?:") and freqs.get(t.lower(), 0) >= _COMMON:
                    capitals += 1  # "the Well is frozen": a capitalised common noun (or a name)
    # an old spelling is required: names alone capitalise words in any modern quotation
    if spelled >= 1 and spelled + capitals >= 2:
        return sorted(quoted)
    return []


def _old_spellings(doc, freqs: Mapping[str, int]) -> set[str]:
    """The document's distinct words that are all letters and an old spelling
    (old_spelling_base), once per document: only the words not in ``freqs`` in lower case are
    asked, since old_spelling_base answers None for a word there."""
    alpha = list(filter(str.isalpha, doc.word_counts))
    unknown = compress(alpha, map(not_, map(lexicon.member_test(freqs), map(str.lower, alpha))))
    return {t for t in unknown if old_spelling_base(t, freqs)}


def _spelled(doc, pq, quoted: list[tuple[int, int]], freqs: Mapping[str, int]) -> int | None:
    """The walk's count of old spellings among the words of the quotations ``quoted``, found
    from the document's words (_old_spellings; None when they cannot tell). A quotation's
    words (``iter_words`` between its marks) are the document's words that start there,
    unless a mark is an inner apostrophe of a word (between two letters or digits, where the
    document's word runs on through it): such a paragraph gets None (the full walk).
    tests/rules/test_oldstyle_fast.py compares it with the walk over every word."""
    text = doc.text
    last = len(text) - 1
    for m in pq.marks:
        p = m.pos
        if m.glyph in _INNER_MARKS and 0 < p < last and text[p - 1].isalnum() and text[p + 1].isalnum():
            return None
    olds = doc.memo("oldstyle.old-spellings", lambda: _old_spellings(doc, freqs))
    if not olds:
        return 0
    starts, texts = doc.word_starts, doc.word_texts
    spelled = 0
    for a, b in quoted:
        spelled += sum(map(olds.__contains__, texts[bisect_left(starts, a) : bisect_left(starts, b)]))
    return spelled


#: the quotation marks that a word token may hold inside it (as an apostrophe)
_INNER_MARKS = frozenset("'\u2019")


def in_old_style_quote(doc, pos: int) -> bool:
    """Whether ``pos`` lies inside a quotation written in an older house style.

    Worked out for the paragraph of ``pos`` only, when first asked (once per paragraph), so a
    rule that asks about a few words does not judge every quotation of the document. The
    answer is the one the whole-document span list gave: quotation spans never leave their
    paragraph, a paragraph's marks and partners are what :func:`analyse_quotes` gives for it
    (its cross-paragraph pass only marks continued quotations, which no span uses), and the
    test is still "the last span starting at or before ``pos`` contains it" (for nested
    quotations that is the inner one).
    """
    pi = doc.paragraph_at(pos)
    if pi is None:
        return False  # between paragraphs: no span covers it
    per_para: dict[int, list[tuple[int, int]]] = doc.memo("oldstyle.quote-spans", dict)
    spans = per_para.get(pi)
    if spans is None:
        pq = paragraph_quotes(doc, pi)
        spans = per_para[pi] = _paragraph_spans(doc, pq, lexicon.counts_for(len(doc.words)))
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


# Eye dialect: speech written as it sounds marks itself with dropped letters ("nothin'",
# "mysel'", "'twere"), "ye" and "ain't"; the odd spellings beside them ("afther", "tould",
# "immejit") are the speaker's, not the writer's slips.
_DIALECT = lazy_re(r"(?i)[a-z]in['\u2019](?![a-z])|(?<![a-z])(?:ye|ain['\u2019]t|['\u2018\u2019](?:tis|twas|twere|em))(?![a-z])")


def in_dialect_paragraph(doc, pos: int) -> bool:
    """The paragraph at ``pos`` writes speech in eye dialect (two or more dialect marks)."""
    starts = doc.memo("oldstyle.paragraph-starts", lambda: [p.start for p in doc.paragraphs])  # (once, not per call)
    i = bisect_right(starts, pos) - 1
    if i < 0:
        return False
    p = doc.paragraphs[i]
    return doc.memo(("oldstyle.dialect", i), lambda: _dialect_marks_at_least_two(doc.text, p.start, p.end))


def _dialect_marks_at_least_two(text: str, a: int, b: int) -> bool:
    """``len(_DIALECT.findall(text, a, b)) >= 2``, the regex (which ``findall`` tries at every
    position: about 50 ms a megabyte) tried only where a match can start. Each match holds an
    apostrophe (', U+2018, U+2019: three characters after the start of "nothin'" and "ain't",
    at the start of "'tis") or starts with "ye" in any case (no other character matches those
    letters under IGNORECASE), so the matches are those ``match`` finds at those starts, in
    order, each start inside the last match skipped, as ``findall`` goes on from a match's end
    (tests/rules/test_oldstyle_fast.py compares)."""
    find = text.find
    starts: list[int] = []
    for mark in ("'", "\u2019", "\u2018"):
        q = find(mark, a, b)
        while q >= 0:
            starts += (q - 3, q)
            q = find(mark, q + 1, b)
    for ye in ("ye", "Ye", "yE", "YE"):
        q = find(ye, a, b)
        while q >= 0:
            starts.append(q)
            q = find(ye, q + 2, b)
    if len(starts) < 2:
        return False  # (a match holds one of them: fewer than two, fewer than two matches)
    match = _DIALECT.match
    found = end = 0
    for s in sorted(set(starts)):
        if s >= a and s >= end:
            m = match(text, s, b)
            if m is not None:
                found += 1
                if found == 2:
                    return True
                end = m.end()
    return False


# _DIALECT's marks but "ye", "'tis" and "'twas" (period markers: rules/data/period-markers.txt),
# found from their apostrophe: what follows the apostrophe, and one pattern per apostrophe that
# opens with it (a pattern opening with one literal character is searched for by the regex
# engine's fast scan for it; one opening with a class of three tests the class at every
# character: 13 ms a megabyte)
_DIALECT_MARK_AFTER = (
    r"(?:(?<=[a-zA-Z][iI][nN].)(?![a-zA-Z])|(?<=[^a-zA-Z][aA][iI][nN].)[tT](?![a-zA-Z])"
    r"|(?<![a-zA-Z].)(?:[tT](?:were|WERE)|em|EM|Em)(?![a-zA-Z]))"
)
_DIALECT_MARKS = tuple((c, lazy_re(c + _DIALECT_MARK_AFTER)) for c in "'\u2018\u2019")


def dialect_marks(doc) -> int:
    """How many marks of speech in eye dialect the whole document writes: dropped letters
    marked by an apostrophe ("nothin'", "'em", "'twere") and "ain't"."""
    return doc.memo("oldstyle.dialect-marks", lambda: _count_dialect_marks(doc.text))


def _count_dialect_marks(text: str) -> int:
    """``len(findall)`` of the three apostrophes' patterns together (``_DIALECT_MARKS``; an
    apostrophe the text lacks costs a search for it, not a scan of the regex engine): the count
    of one pattern opening with the class of the three, as each match holds one apostrophe, at
    its start, and letters after it (no match holds the start of another; findall's matches of
    the class pattern are those of the three, tests/rules/test_oldstyle_fast.py compares)."""
    return sum([len(p.findall(text)) for c, p in _DIALECT_MARKS if c in text])
