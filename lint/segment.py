"""Sentence segmentation tuned for news prose.

A linear, regex-driven segmenter: every run of sentence-final punctuation followed by white
space is a candidate boundary, and a small set of decisions (abbreviations, initials, dotted
acronyms, a closing quote followed by a lower-case word) keeps the candidates that really end a
sentence. Unlike most segmenters it *does* split before a lower-case word after a full stop
("deter Israel. huge pressure."), because garbled text is exactly what garblint must see.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterable, Iterator

from .wordlists import word_set
from .lazyre import lazy_re

# Titles and honorifics: always followed by a name, so never the end of a sentence.
TITLE_ABBREVIATIONS = word_set("title-abbreviations")
# Other abbreviations: they end a sentence only when a capitalised word follows.
OTHER_ABBREVIATIONS = word_set("abbreviations")
# Words that, capitalised after a dotted acronym ("U.S."), make a new sentence likely.
SENTENCE_STARTERS = word_set("sentence-starters")
# Units of measure: after a number ("1 tsp. olive oil", "8 oz. water") their full stop is the
# abbreviation's, and a lower-case word after it goes on with the sentence.
UNIT_ABBREVIATIONS = word_set("unit-abbreviations")

_CANDIDATE = lazy_re(
    r"""(?P<term>[.!?\u2026](?<![.!?\u2026]{2})[.!?\u2026]*)  # sentence-final punctuation (a
                                     # whole run: a match tried inside a run fails as the run's
                                     # start did, and retrying it at each mark was quadratic; the
                                     # test that no mark comes before follows the first mark, so
                                     # the regex engine skips to the marks instead of trying the
                                     # test at every position of the text: 30 -> 10 ms a megabyte)
        (?P<close>[\"'\u201d\u2019)\]\u00bb]*)  # closing quotes and brackets
        (?P<ws>\s+)                      # white space
        (?=(?P<next>\S))""",
    re.VERBOSE,
)
# _CANDIDATE's matches that open with each sentence-final mark, one pattern per mark: a pattern
# that opens with one literal character is searched for by the regex engine's fast scan for that
# character, one that opens with a class of characters is tried at every position of the text
# (about a third of finding the sentences of a long text). Each run of marks is matched by the
# pattern of its first mark alone (the lookbehind refuses a start inside a run), so the four
# scans' matches, sorted by their starts, are _CANDIDATE's (see _candidates).
_CANDIDATE_AFTER_MARK = r"""(?<![.!?\u2026]{2})[.!?\u2026]*)(?P<close>[\"'\u201d\u2019)\]\u00bb]*)(?P<ws>\s+)(?=(?P<next>\S))"""
_CANDIDATES_BY_MARK = tuple((c, lazy_re("(?P<term>" + re.escape(c) + _CANDIDATE_AFTER_MARK)) for c in ".!?\u2026")
_MATCH_START = re.Match.start


def _candidates(text: str) -> list[re.Match[str]]:
    """``list(_CANDIDATE.finditer(text))``, from one scan of the text per sentence-final mark
    (_CANDIDATES_BY_MARK): no two matches overlap (a match after its first mark holds no mark
    that starts a run), and most texts end their sentences with full stops only (a mark the
    text lacks costs a search for it, not a scan of the regex engine: a short text's is mostly
    the scan's setting up)."""
    (_, dots), *others = _CANDIDATES_BY_MARK
    out = list(dots.finditer(text))
    n = len(out)
    for c, p in others:
        if c in text:
            out.extend(p.finditer(text))
    if len(out) > n:
        out.sort(key=_MATCH_START)
    return out


_WORD_BEFORE = lazy_re(r"([^\s\"'\u201c\u2018(\[]*)$")
_OPENERS = frozenset("\"'\u201c\u2018([")


def _word_before(text: str, lo: int, end: int) -> tuple[int, int]:
    """The span of group 1 of ``_WORD_BEFORE.search(text, lo, end)`` (it always matches), found by
    stepping back from ``end`` instead of trying the pattern at every position from ``lo``: the
    characters other than white space and opening marks that end at ``end``, or before a line
    break there (where ``$`` also matches)."""
    if end > lo and text[end - 1] == "\n":
        end -= 1
    # most words follow a space and hold letters and digits only: then the step back would
    # stop at that space (or at ``lo``)
    p = text.rfind(" ", lo, end) + 1 or lo
    if text[p:end].isalnum():
        return p, end
    p = end
    while p > lo:
        c = text[p - 1]
        if c in _OPENERS or c.isspace():
            break
        p -= 1
    return p, end
_DOTTED = lazy_re(r"^(?:[A-Za-z]{1,2}\.){2,}$|^(?:[A-Za-z]\.)+[A-Za-z]$")
_INITIAL = lazy_re(r"^[A-Z]$")
_NEXT_WORD = lazy_re(r"[\"'\u201c\u2018(\[]*([^\W\d_][\w'\u2019-]*)")
# a number (digits, a vulgar fraction, a range "2-3") and white space, just before a unit
_NUMBER_BEFORE = lazy_re(r"(?:\d[\d.,/\u2013-]*|[\u00bc-\u00be\u2150-\u215e])\s+$")

# a Roman numeral of two letters or more (a regnal or volume number: "II", "XIV") after a
# capitalised name
_REGNAL = lazy_re(r"^[IVX]{2,5}$")
_NAME_BEFORE = lazy_re(r"\b[A-Z][a-z]+\s+$")

_LOOKBEHIND = 40


def _next_word(text: str, after: int) -> str:
    """The word after a candidate boundary (past opening quotes and brackets), "" if none:
    asked only after an initial or a dotted acronym."""
    nm = _NEXT_WORD.match(text, after)
    return nm.group(1) if nm else ""


def _is_boundary(text: str, m: re.Match) -> bool:
    term, close, ws, nxt = m.groups()
    next_is_lower = nxt.islower()
    if term[0] in "!?" or (len(term) > 1 and term[0] != "."):
        # "“Why?” he asked." continues the sentence.
        return not next_is_lower
    if term in ("...", "\u2026") or len(term) >= 3:
        return not next_is_lower
    # A full stop. A spaced ellipsis (". . .", the older typesetting of "...") goes on at
    # its next dot and, like "...", ends the sentence only before a capital.
    s = m.start()
    if nxt == "." and ws in (" ", "\u00a0") and not close:
        return False
    if s >= 2 and text[s - 1] in " \u00a0" and text[s - 2] == "." and not close:
        return not next_is_lower
    if close and next_is_lower:
        return False
    wb_start, wb_end = _word_before(text, max(0, s - _LOOKBEHIND), s)
    word = text[wb_start:wb_end]
    if not word:
        return True
    low = word.lower()
    if low in TITLE_ABBREVIATIONS:
        return False
    if low in OTHER_ABBREVIATIONS or low.rstrip(".") in OTHER_ABBREVIATIONS:
        return nxt.isupper() or nxt in "\"\u201c"
    if not next_is_lower and len(word) > 1 and "." not in word:
        # what the tests below end in before a capital: without a full stop inside, neither the
        # word nor its last part after a hyphen is a dotted acronym, and it is no initial
        return True
    if next_is_lower and low in UNIT_ABBREVIATIONS:
        if _NUMBER_BEFORE.search(text, max(0, wb_start - 12), wb_start):
            return False  # "1 tsp. olive oil": a unit after a number
    if "-" in word and _DOTTED.match(word.rsplit("-", 1)[1] + "."):
        word = word.rsplit("-", 1)[1]  # "British-U.S. forces": the acronym ends the compound
    if _INITIAL.match(word):
        # "Joe F. Smith": an initial before a capitalised word is not an end.
        return not (nxt.isupper() and _next_word(text, m.end())[:1].isupper())
    if _DOTTED.match(word + "."):
        if nxt.isdigit() or next_is_lower:
            return False  # "5 p.m. on Monday", "the U.S. economy"
        return _next_word(text, m.end()).lower() in SENTENCE_STARTERS
    if next_is_lower and _REGNAL.match(word) and _NAME_BEFORE.search(text, max(0, wb_start - 20), wb_start):
        return False  # "when Charles II. was crowned": a regnal number, written with a stop
    return True


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Return sentence spans ``(start, end)`` inside ``text[start:end]``, trimmed of white space."""
    if end is None:
        end = len(text)
    spans: list[tuple[int, int]] = []
    cur = start
    for m in _CANDIDATE.finditer(text, start, end):
        if _is_boundary(text, m):
            s_end = m.start("ws")
            # (a sentence starts after white space and ends before it: trimmed already, unless
            # it is the first or empty)
            if cur < s_end and not text[cur].isspace():
                spans.append((cur, s_end))
            else:
                _append(text, spans, cur, s_end)
            cur = m.end("ws")
    # (most often trimmed already: a paragraph's end is, and a sentence after a boundary
    # starts after its white space)
    if cur < end and not text[cur].isspace() and not text[end - 1].isspace():
        spans.append((cur, end))
    else:
        _append(text, spans, cur, end)
    return spans


def split_paragraphs(text: str, paragraphs: Iterable[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """``split_sentences(text, a, b)`` for every paragraph span ``(a, b)``: what
    ``Document.sentences`` reads. The paragraphs are in text order, each trimmed and not empty,
    with only white space between them.

    The candidate boundaries are found in one scan of the text instead of one per paragraph.
    Inside a paragraph the scan finds the same matches (its lookbehind reads before a scan's
    start anyway; a paragraph ends on a character other than white space, so a match's white
    space either ends inside its paragraph or starts where the paragraph ends): the one match
    a paragraph's own scan cannot find is that of a paragraph's last punctuation, whose white
    space runs on to the next paragraph, and it is left out. A paragraph with no candidate is
    one sentence, the paragraph itself. (Its spans need no trimming: each starts on the
    paragraph's first character or on the character after a boundary's white space, and ends
    on the paragraph's last or before such white space.)"""
    out: list[list[tuple[int, int]]] = []
    paras = iter(paragraphs)
    for a, b in paras:
        break
    else:
        return out
    spans: list[tuple[int, int]] = []
    out.append(spans)
    cur = a
    # (one loop over the matches, the paragraph moved on when a match starts after its end)
    for m in _candidates(text):
        s = m.start()
        while s >= b:
            spans.append((cur, b))  # (a paragraph ends on a character other than white space)
            for a, b in paras:
                break
            else:
                return out  # (matches after the last paragraph)
            spans = []
            out.append(spans)
            cur = a
        s_end, e = m.span("ws")
        if s_end >= b:
            continue  # the paragraph's last punctuation, its white space running on
        nxt = text[e]
        if s_end - s == 1 and text[s] == "." and nxt != "." and not nxt.islower():
            # (the commonest candidate, a lone full stop before a capital, a digit or an opening
            # mark: after a word of two letters or digits or more that follows a space,
            # _is_boundary's answer is that it is no title ("Mr. Smith"), and no other
            # abbreviation unless a capital or a double mark follows ("approx. 5"): its other
            # tests do not apply)
            lo = s - _LOOKBEHIND if s > _LOOKBEHIND else 0
            word = text[text.rfind(" ", lo, s) + 1 or lo : s]
            if len(word) > 1 and word.isalnum():
                low = word.lower()
                if low not in TITLE_ABBREVIATIONS and (nxt.isupper() or nxt in '"\u201c' or low not in OTHER_ABBREVIATIONS):
                    spans.append((cur, s_end))
                    cur = e
                continue
        if _is_boundary(text, m):
            # (a sentence starts on a character other than white space, the paragraph's first
            # or the one after a boundary's white space, and ends before that white space: no
            # span to trim, and none empty)
            spans.append((cur, s_end))
            cur = e
    spans.append((cur, b))
    out.extend([(a, b)] for a, b in paras)  # (paragraphs after the last match: one sentence each)
    return out


def trim_span(text: str, a: int, b: int) -> tuple[int, int]:
    """``[a, b)`` without the white space at either end (empty when all white space)."""
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def chunk_around(text: str, start: int, end: int) -> str:
    """The white-space-delimited chunk of ``text`` that holds ``[start, end)`` ("www.x.org/a,b"
    around the comma): what rules test to tell a web address, file name or code from prose."""
    a, b = chunk_bounds(text, start, end)
    return text[a:b]


def chunk_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Where :func:`chunk_around`'s chunk starts and ends. A rule that tests many places of one
    long chunk (every comma of a line of comma-separated values) keys its answer on these, so
    the chunk is neither copied nor searched again for each."""
    a = start
    stop = start - _WALK
    while a > 0 and not text[a - 1].isspace():
        a -= 1
        if a < stop:  # a long run without white space (a blob, a minified script): see _long_run
            a = _long_run(text, a)[0]
            break
    b = end
    n = len(text)
    stop = end + _WALK
    while b < n and not text[b].isspace():
        b += 1
        if b > stop:
            b = _long_run(text, b)[1]
            break
    return a, b


#: characters chunk_bounds walks before it asks the index of long runs instead
_WALK = 64
_LONG_RUN = lazy_re(r"\S{%d,}" % _WALK)
# The text whose long runs were last found, with their starts and ends (the text is kept, so
# the answer can never be another text's; one text at a time).
_runs: list = [None, [], []]


def _long_run(text: str, i: int) -> tuple[int, int]:
    """The start and end of the run of at least ``_WALK`` characters without white space that
    holds position ``i`` (the caller has walked that many). Walking such a run character by
    character for every word in it was quadratic: a 384,000-character blob took minutes; the
    runs of a text are found once, in C (``\\S`` is the complement of ``str.isspace``)."""
    if _runs[0] is not text:
        spans = _long_runs(text)
        _runs[:] = [text, [s for s, _ in spans], [e for _, e in spans]]
    k = bisect_right(_runs[1], i) - 1
    return _runs[1][k], _runs[2][k]


#: each byte of a text's UTF-8 form: b" " for ASCII white space (the characters ``\s`` matches
#: there, as ``str.isspace``), b"x" for any other byte
NONSPACE_BYTES = bytes(32 if i < 128 and chr(i).isspace() else 120 for i in range(256))


def nonspace_runs(text: str, data: bytes, least: int) -> Iterator[tuple[int, int]]:
    """The character spans in ``text`` of the runs of ``least`` bytes or more of its UTF-8 form
    ``data`` (surrogates passed) that hold no ASCII white space, in order: found by
    ``bytes.find`` in the bytes mapped in C to b"x" and b" " (NONSPACE_BYTES). A run of
    ``least`` characters or more without white space lies inside one of them (a character takes
    one byte or more; white space outside ASCII is b"x" bytes too), and each starts after ASCII
    white space or at the text's start and ends at ASCII white space or the text's end: a
    pattern of such runs gives the same matches searched inside them only (``_long_runs``,
    ``rules/_garbage.py``'s long chunks)."""
    marks = data.translate(NONSPACE_BYTES)
    want = b"x" * least
    p = marks.find(want)
    b = 0
    while p >= 0:
        e = marks.find(b" ", p)
        if e < 0:
            e = len(marks)
        # the run's characters, found in the text from the end of the last run (an earlier
        # copy of them would be a run of as many bytes itself, found before this one)
        run = data[p:e].decode("utf-8", "surrogatepass")
        a = text.find(run, b)
        b = a + len(run)
        yield a, b
        p = marks.find(want, e)


def _long_runs(text: str) -> list[tuple[int, int]]:
    """``[m.span() for m in _LONG_RUN.finditer(text)]``, the regex asked only inside the runs
    of ``_WALK`` bytes or more without ASCII white space (``nonspace_runs``). The regex tried
    at every position took 15-25 ms on a text of 800,000 characters; this about 2-4 ms
    (tests/test_chunk_around.py compares the two)."""
    data = text.encode("utf-8", "surrogatepass")
    return [m.span() for a, b in nonspace_runs(text, data, _WALK) for m in _LONG_RUN.finditer(text, a, b)]


def _append(text: str, spans: list[tuple[int, int]], a: int, b: int) -> None:
    a, b = trim_span(text, a, b)
    if a < b:
        spans.append((a, b))
