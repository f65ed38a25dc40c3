"""B001-B003's fast paths against the plain forms they stand for, on generated texts."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest

from garblint.lint.document import Document
from garblint.rules import _bphrases as BP
from garblint.rules import boilerplate as B

_PIECES = [
    "The council met on Tuesday and voted",
    "to close the old bridge",
    "for repairs.",
    "Home",
    "News",
    "a",
    "It rained.",
    "\u201cNo,\u201d she said.",
    "x" * 45,
    "y" * 39,
    "z" * 40,
    "end?\u201d",
    "(so.)",
    "- item",
    "\u2022 Item",
    "# Top",
    "\u2019tis",
    "caf\u00e9",
    "\uff21\uff22",
    "\u2026",
    "!]",
    "\u00a0",
    "\t",
    " ",
    "  ",
    "\u3000",
    "\n",
    "\n",
    "\n",
    "\r\n",
    "\x0b",
    "\u2028",
    "\n \n",
]


def _norm_keep_plain(s: str) -> str:
    """_norm_keep as its docstring defines it."""
    s = unicodedata.normalize("NFKC", s).translate(BP._APOS).casefold()
    return re.sub(r"\s+", " ", re.sub(r"^[\s\-*\u2022\u25cf\u25aa\u25ba\u203a\u00bb>|#]+", "", s)).strip()


def _wrapped_plain(lines: list[str]) -> bool:
    broken = sum(1 for t in lines[:-1] if len(t) >= 40 and not B._ends_sentence(t))
    return broken * 2 >= len(lines) - 1


@pytest.mark.parametrize("seed", range(4))
def test_units_and_their_tests_equal_the_plain_forms(seed):
    """A unit's sentence end, its normalised text, and the wrapped-prose decision on its lines
    (counted until the answer is known) are what the plain forms give."""
    rng = random.Random(seed)
    for _ in range(80):
        paras = []
        for _ in range(rng.randrange(1, 6)):
            paras.append("".join(rng.choice(_PIECES) + rng.choice(["\n", " ", "\n", "  \n", ""]) for _ in range(rng.randrange(1, 12))))
        doc = Document("\n\n".join(paras))
        for u in B._units(doc):
            assert u.punct == B._ends_sentence(u.text)
            head = u.text if u.words <= B.CONTAINS_MAX_WORDS or len(u.text) <= B.NORM_HEAD else u.text[: B.NORM_HEAD]
            assert u.norm == _norm_keep_plain(head)
        for p in doc.paragraphs:
            lines = list(filter(None, map(str.strip, p.text.splitlines())))
            assert B._wrapped_lines(lines) == _wrapped_plain(lines)
            assert B._wrapped_lines(lines[:1]) and B._wrapped_lines([])


def test_norm_keep_of_untrimmed_texts_equals_the_plain_form():
    rng = random.Random(27)
    for _ in range(3000):
        s = "".join(rng.choice(_PIECES) + rng.choice(["\n", " ", ""]) for _ in range(rng.randrange(0, 6)))
        assert BP._norm_keep(s) == _norm_keep_plain(s)


_DASH_PIECES = [
    "A",
    "b",
    "a b",
    "Cd, ef",
    " (x, y) ",
    ",  z",
    ", -",
    ",\t-",
    "( - )",
    "LONDON",
    " ",
    "  ",
    ".",
    "'",
    "\u2019",
    "-",
    "--",
    "\u2013",
    "\u2014",
    ",",
    ", ",
    "(",
    ")",
    "(AP)",
    "30",
    "-30-",
    "\t",
    "\n",
    "\u00a0",
    "x_y",
    "1",
    ";",
    "\u0131",
    "\u017f",
    "\u212a",
    "\u00e9",
    "Q",
    "\u201c",
]


def test_dashed_dateline_test_equals_the_regex():
    """_dashed (the run of letters, then the tail tried where it can start) answers as the
    whole _LEGIT_DASHED pattern does."""
    rng = random.Random(21)
    for _ in range(20000):
        t = "".join(rng.choice(_DASH_PIECES) for _ in range(rng.randrange(0, 14)))
        assert B._dashed(t) == (B._LEGIT_DASHED.match(t) is not None), t


def test_digit_count_equals_findall():
    from garblint.rules import _pageshape as P

    rng = random.Random(7)
    pieces = ["1", "42", "2021", "a", "word", " ", ".", "\u0663", "\uff15", "\u00e9", "-", "\u00bd", "\u00b2"]
    for _ in range(3000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert P._digit_count(t) == len(P._NUMERIC.findall(t)), t


_LONG_PIECES = [
    "word",
    "Read",
    "more",
    "subscribe",
    "\u2022",
    "-",
    "*",
    ">",
    "#",
    " ",
    " ",
    " ",
    "  ",
    "\n",
    ".",
    "...",
    "\u201c",
    "\u2019",
    "\ufb01",
    "\u2460",
    "\u00df",
    "\u0130",
    "e\u0301",
    "\u0301\u0302\u0303",
    "\u1100\u1161",
    "\u00a8",
    "\u00a0",
    "\u3000",
    "Stra\u00dfe",
    "x" * 30,
    "See also",
    "Related",
    "(c)",
    "\u00a9",
]


# long runs of what no phrase test reads as a letter, at a unit's start (stripped as leading
# symbols, or left as its edge)
_EDGE_PIECES = [". " * 6, "\u201c" * 9, "- " * 8, "\u2022 " * 5, " " * 7, "e", "e\u0301", "\u0301" * 3, "x y"]


@pytest.mark.parametrize("reach", [1, 12, 42, 140])
def test_long_units_head_norm_is_a_long_enough_prefix(reach):
    """A unit of more than CONTAINS_MAX_WORDS words gets the normalised text of a shorter head
    only when it is a prefix of the old head's and longer than ``reach`` without its edges, so
    every phrase test reads the same characters."""
    rng = random.Random(reach)
    for _ in range(150):
        edge = "".join(rng.choice(_EDGE_PIECES) for _ in range(rng.randrange(0, 12)))
        text = edge + "".join(rng.choice(_LONG_PIECES) + rng.choice([" ", " ", " ", ""]) for _ in range(rng.randrange(20, 120)))
        doc = Document(text)
        for new, old in zip(B._units(doc, reach), B._units(doc)):
            assert (new.start, new.end, new.words) == (old.start, old.end, old.words)
            if new.words <= B.CONTAINS_MAX_WORDS or new.norm == old.norm:
                assert new.norm == old.norm
                continue
            assert old.norm.startswith(new.norm) and len(BP._strip_edges(new.norm)) > reach


def test_classify_with_head_norms_equals_full_heads(monkeypatch):
    from garblint.lint.config import Config

    rng = random.Random(5)
    pieces = _LONG_PIECES + ["Read more", "Related Articles", "Follow us on", "Advertisement", "Source link", "Share this"]
    full = B._units
    for _ in range(60):
        text = "\n\n".join(
            "".join(rng.choice(pieces) + rng.choice([" ", " ", "\n"]) for _ in range(rng.randrange(1, 60))) for _ in range(rng.randrange(1, 8))
        )
        doc = Document(text)
        got = [(u.kind, u.strong, u.header, u.legit) for u in B.classify(doc, Config({}))]
        monkeypatch.setattr(B, "_units", lambda d, reach=0: full(d))
        want = [(u.kind, u.strong, u.header, u.legit) for u in B.classify(Document(text), Config({}))]
        monkeypatch.undo()
        assert got == want


def _spans_before(doc) -> list[tuple[int, int]]:
    """The units' spans as _units made them before a paragraph's lines were counted by
    ``str.splitlines`` (one line when ``str.isprintable``; frozen)."""
    from garblint.lint.segment import trim_span

    out = []
    for p in doc.paragraphs:
        pt = p.text
        if pt.isprintable():
            out.append((p.start, p.end))
            continue
        lines = list(filter(None, map(str.strip, pt.splitlines())))
        if len(lines) > 1 and B._wrapped_lines(lines):
            out.append((p.start, p.end))
            continue
        pos = p.start
        for line in pt.splitlines(keepends=True):
            a, b = pos, pos + len(line.rstrip("\r\n"))
            pos += len(line)
            a, b = trim_span(doc.text, a, b)
            if a < b:
                out.append((a, b))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_unit_spans_equal_the_isprintable_form(seed):
    """Paragraphs of one line with characters that are not printable (tabs, controls, format
    characters, separators that break no line) and of several lines: the same units."""
    rng = random.Random(seed)
    pieces = _PIECES + ["\u200b", "\x00", "\x1f", "\x7f", "\u00ad", "\u202f", "\u2029", "\x85", "\x0c", "\x1c", "\r"]
    for _ in range(300):
        paras = []
        for _ in range(rng.randrange(1, 6)):
            paras.append("".join(rng.choice(pieces) + rng.choice(["", " ", "\t", "\n"]) for _ in range(rng.randrange(1, 8))))
        doc = Document("\n\n".join(paras))
        assert [(u.start, u.end) for u in B._units(doc)] == _spans_before(doc)


def test_contributed_equals_the_plain_search():
    """``_contributed`` (the pattern tried only at each "contr" of the lower-cased line) against
    ``"contr" in text.lower() and _LEGIT_CONTRIBUTED.search(text)`` on lines with several
    "contr", mixed case, a word character before it, characters outside ASCII (U+0130, whose
    lower case is two characters, among them)."""
    from garblint.rules import _blegit as BL

    pieces = ["contr", "Contributed", "CONTRIBUTED", "contributed", " to ", " this ", " the ", "report", "Story", "article"]
    pieces += ["reporting", "x", " ", "\n", ".", "\u201c", "\u0130", "\u0131", "\u212a", "\u00e9", "\u017f", "-", "con", "tr"]
    pieces += ["contributed to this report", "CONTRIBUTED TO THE STORY", "xcontributed to this report"]
    rng = random.Random(3)
    found = 0
    for _ in range(30000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        want = "contr" in t.lower() and BL._LEGIT_CONTRIBUTED.search(t) is not None
        assert BL._contributed(t) == want, repr(t)
        found += want
    assert found > 1000


def test_only_contr_lower_cases_to_contr():
    """A character that "c", "o", "n", "t" or "r" matches ignoring case is one whose lower
    case is that letter (so a match opens at a "contr" of the lower-cased text), and only
    U+0130 lower-cases to more than one character."""
    every = "".join(map(chr, range(0x110000)))
    for ch in set(re.findall("(?i:c|o|n|t|r)", every)):
        assert ch.lower() in "contr", hex(ord(ch))
    assert [c for c in every if len(c.lower()) != 1] == ["\u0130"]


def test_legit_first_character_test_equals_the_pattern():
    """``_legit`` asks _LEGIT_START only of a line opening with one of _LEGIT_FIRST's characters
    or a character outside ASCII: every alternative of the pattern, its first character replaced
    by each ASCII character and by some outside ASCII, gives what the plain test gives."""
    from garblint.rules import _blegit as BL

    openers = ["reporting by", "writing by", "editing by", "compiled by", "produced by", "research by", "translated by"]
    openers += ["photographs by", "photo by", "graphics by", "video by", "interviews by", "additional reporting by", "(Reporting by"]
    openers += ["correction", "Corrections: x", "clarification", "Editor's note", "update", "This story was updated", "* *", "##", "END"]

    def plain(t: str) -> bool:
        if BL._LEGIT_START.match(t) or (t[:1] == "\u00a9" and BL._BARE_CREDIT.match(t)):
            return True
        if ("-" in t or "\u2013" in t or "\u2014" in t) and BL._dashed(t):
            return True
        return "contr" in t.lower() and BL._LEGIT_CONTRIBUTED.search(t) is not None

    hits = 0
    for o in openers:
        for tail in (o[1:], o[1:].upper(), o[2:]):
            for c in [chr(i) for i in range(128)] + ["\u0131", "\u0130", "\u212a", "\u017f", "\u00e9", "\u00a9", ""]:
                t = c + tail
                assert BL._legit(t) == plain(t), repr(t)
                hits += plain(t)
    assert hits > 100


def test_legit_credit_equals_the_plain_patterns():
    """``_pageshape._legit_credit`` (B001's fast forms: the start pattern asked only of a line
    opening with one of _LEGIT_FIRST's characters or one outside ASCII, "contributed ..."
    tried only at each "contr") against ``_LEGIT_START.match(t) or _LEGIT_CONTRIBUTED.search(t)``:
    every opener of the start pattern behind each ASCII character and some outside ASCII, and
    contributor lines with other text before them."""
    from garblint.rules import _blegit as BL
    from garblint.rules import _pageshape as P

    def plain(t: str) -> bool:
        return BL._LEGIT_START.match(t) is not None or BL._LEGIT_CONTRIBUTED.search(t) is not None

    openers = ["reporting by", "Editing by", "(additional reporting by", "correction", "Corrections: x", "update", "* *", "##", "end"]
    openers += ["This story was updated", "editor\u2019s note", "clarification", "photos by", "interview by"]
    tails = ["", " Jane Roe and others contributed to this report", " x CONTRIBUTED TO THE STORY", " contr", ", contributed to this"]
    hits = 0
    for o in openers:
        for tail in tails:
            for c in [chr(i) for i in range(128)] + ["\u0131", "\u0130", "\u212a", "\u017f", "\u00e9", "\u201c", ""]:
                for t in (c + o[1:] + tail, c + o + tail):
                    assert P._legit_credit(t) == plain(t), repr(t)
                    hits += plain(t)
    assert hits > 1000


_JOINER_PIECES = ["a", "Bc", "\u00e9", "1", "\u00b2", "_", "\u02bc", "\u2010", "\u2011", "-", "'", "\u2019", ".", " ", "\n", "\n\n", "\u2010\u2011"]


@pytest.mark.parametrize("seed", range(6))
def test_unit_word_counts_with_the_documents_extra_joiners(seed):
    """A unit holding a joiner of the Document's word pattern that _WORD lacks: its words
    counted from the Document's plus inner_joiners are _WORD's."""
    rng = random.Random(seed)
    for _ in range(300):
        text = "".join(rng.choice(_JOINER_PIECES) for _ in range(rng.randrange(1, 40)))
        doc = Document(text)
        for u in B._units(doc):
            assert u.words == len(B._WORD.findall(u.text))


def test_contributed_starts_leave_out_no_match(monkeypatch):
    """``classify`` asks ``_contributed`` only of a line holding one of ``contributed_starts``
    (where a Document word ending in "contributed", in any case, stands): on generated
    documents with contributor lines in mixed case, after a joiner ("re-contributed"), glued
    to a word, broken by a line break, with U+0130 or U+0131 (which match "i" ignoring case:
    then every line is asked), every line whose plain search matches holds one, and the
    units' classes are those of a run that asks every line."""
    from garblint.lint.config import Config
    from garblint.rules import _blegit as BL

    pieces = ["contributed to this report.", "Contributed to the story", "CONTRIBUTED TO THE ARTICLE", "re-contributed to this report"]
    pieces += ["co\u2019contributed the report", "xcontributed to this report", "contributed\nto this report", "contributed", "Contributed"]
    pieces += [
        "contrib\u0130uted to the story",
        "contr\u0131buted to this report",
        "contr\u0130buted to this report",
        "\u00e9-contributed to the story",
    ]
    pieces += ["Jane Roe", "and", "The council met on Tuesday.", "Home", "\u201cNo,\u201d she said.", "caf\u00e9", "\u212a", "contrast", "-"]
    rng = random.Random(11)
    asked = hits = 0
    for _ in range(600):
        paras = []
        for _ in range(rng.randrange(1, 5)):
            paras.append(" ".join(rng.choice(pieces) for _ in range(rng.randrange(1, 6))))
        text = "\n\n".join(paras)
        doc = Document(text)
        cpos = BL.contributed_starts(doc)
        asked += cpos is None
        for u in B._units(doc):
            if BL._contributed(u.text):
                hits += 1
                assert cpos is None or any(u.start <= p < u.end for p in cpos), (text, u.text)
        got = [(u.kind, u.strong, u.legit) for u in B.classify(doc, Config({}))]
        with monkeypatch.context() as m:
            m.setattr(B, "contributed_starts", lambda doc: None)
            want = [(u.kind, u.strong, u.legit) for u in B.classify(Document(text), Config({}))]
        assert got == want, text
    assert hits > 300 and 50 < asked < 500


def test_contributed_letters_ignoring_case():
    """What "c", "o", "n", "t", "r", "i", "b", "u", "e" and "d" match ignoring case outside ASCII
    is U+0130 and U+0131 alone (contributed_starts asks every line of a text holding them)."""
    every = "".join(map(chr, range(0x80, 0x110000)))
    assert set(re.findall("(?i:c|o|n|t|r|i|b|u|e|d)", every)) == {"\u0130", "\u0131"}


def test_dashed_tail_equals_the_pattern():
    """``_dashed_tail`` (no backtracking over the run after a comma) against
    ``_DASHED_TAIL.match(t, r)`` at every position of generated lines (commas, white space of
    several kinds, parentheses, each dash, characters that ``\\w`` matches ignoring case only
    (U+0345), joiners), and ``_dashed`` against the whole dateline pattern."""
    from garblint.rules import _blegit as BL

    pieces = [",", " ", "  ", "\n", "\t", "-", "\u2013", "\u2014", "(", ")", "(AP)", "a", "Bc", "x y", ".", "'", "\u2019", "_", "1"]
    pieces += ["\u00a0", "\u0345", "\u00e9", ";", "\u2010", "word", ", ", " - ", "\u212a", "\u0130", "LONDON", "-30-"]
    rng = random.Random(5)
    hits = 0
    for _ in range(40000):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 10)))
        for r in range(len(t)):
            want = BL._DASHED_TAIL.match(t, r) is not None
            assert BL._dashed_tail(t, r) == want, (t, r)
            hits += want
        assert BL._dashed(t) == (BL._LEGIT_DASHED.match(t) is not None), t
    assert hits > 20000


def test_dashed_tail_classes():
    """What _dashed_tail reads of the pattern's classes (ignoring case, as the pattern does):
    the one white space character in the run's class is the space, the one dash in it "-",
    and "(", ")" and the dashes match only themselves."""
    from garblint.rules import _blegit as BL

    every = "".join(map(chr, range(0x110000)))
    run = set(re.findall(r"(?i)[\w .'\u2019-]", every))
    assert {c for c in run if c.isspace()} == {" "}
    assert set(re.findall(r"(?i)[\u2014\u2013-]", every)) == set(BL._DASHES)
    assert run & set(BL._DASHES) == {"-"}
    assert re.findall(r"(?i)[()]", every) == ["(", ")"]


def test_legit_three_letter_test_equals_the_pattern():
    """``_legit`` asks _LEGIT_START of a line opening with three ASCII characters only when
    they open one of its words (_LEGIT_OPEN) or the first is "(", "*" or "#": every opener of
    the pattern with its second or third character replaced by each ASCII character and some
    outside ASCII (U+0130 and U+0131 match "i" ignoring case) gives what the pattern gives."""
    from garblint.rules import _blegit as BL

    openers = ["reporting by", "writing by", "editing by", "compiled by", "produced by", "research by", "translated by", "END"]
    openers += ["photographs by", "photo by", "graphics by", "video by", "interviews by", "additional reporting by", "(Reporting by"]
    openers += ["correction", "Corrections: x", "clarification", "Editor's note", "update", "This story was updated", "* *", "##"]
    chars = [chr(i) for i in range(128)] + ["\u0131", "\u0130", "\u212a", "\u017f", "\u00e9", ""]
    hits = 0
    for o in openers:
        for t0 in (o, o.upper(), o.title()):
            for k in (1, 2):
                for c in chars:
                    t = t0[:k] + c + t0[k + 1 :]
                    if BL._LEGIT_START.match(t) is not None:  # (a line the pattern does not match is not asked, or asked in vain)
                        assert BL._legit(t, False), repr(t)
                        hits += 1
    assert hits > 200
