"""Q: quotation marks and brackets that do not pair up.

Every mark in a paragraph is classified by its glyph and its neighbours: an opening or a
closing quotation mark, an apostrophe ("it’s", "’90s", "rock ’n’ roll"), or a prime (5' 11",
a 12" pipe). Opening and closing marks are then paired with a stack, per paragraph, so nested
quotes pair inside out. A quotation that runs over several paragraphs in the standard style
(each paragraph opens with a mark, only the last one closes) is accepted: a paragraph may
leave a quotation open when the next paragraph starts with an opening mark of the same kind.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import partial
from operator import attrgetter
from dataclasses import dataclass, field

from ..lint.markup import is_markdown, is_rst
from ..lint.rule import Rule
from ..lint.lazyre import lazy_re
from ._sentences import foreign_document
from ._verse import verse_quote_continues
from ._quotesource import CodeMarks
from ._elisions import elided_start
from ._preview import _preview_at
from ._brackets import _CLOSERS, _OPENERS, _bracket_problems, _paired_in_source, _paragraphs_with_brackets, _unpaired_in_source

DOUBLE, SINGLE, GUILLEMET = "double", "single", "guillemet"
OPEN, CLOSE = "open", "close"

_MARKS = frozenset("\"\u201c\u201d\u201e'\u2018\u2019\u00ab\u00bb")
_KINDS = (DOUBLE, SINGLE, GUILLEMET)
_CLOSE_GLYPH = {DOUBLE: "\u201d", SINGLE: "\u2019", GUILLEMET: "\u00bb"}
# Elisions that start with an apostrophe: not opening quotes.
_ELISION = lazy_re(r"(?:n['\u2019]|em|tis|twas|cause|cos|til|till|bout|round|ere|neath|ow|im|er)\b", re.I)
_AFTER_CLOSE = frozenset(",.;:!?)]\u2014\u2013")
_CURLY_OPEN = ("\u201c", "\u2018")
_CURLY_CLOSE = ("\u201d", "\u2019")
_OPEN_CONTEXT = set(" \t\r\n([{\u2014\u2013-/\u201c\u2018\u00ab\"'")
_BLANK_OR_BRACKET = frozenset(" \t\r\n([{")  # (in _OPEN_CONTEXT: no digit, dash, quotation mark or apostrophe)
_ATTRIBUTION = lazy_re(
    r"\b(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes|noted|notes|explained|"
    r"according|stated|replied|continued|insisted|argued|recalled|warned|declared|posted|tweeted|"
    r"shouted|whispered|answered|remarked)\b",
    re.I,
)
_EDITORIAL_AFTER = lazy_re(r"[ \t]*\[(?P<inner>[^\]\n]{1,40})\][ \t]+[a-z]")
_NOT_EDITORIAL = lazy_re(r"^(?:sic\.?|\d+|[a-z]\d*|citation needed|emphasis (?:added|mine|in original)|\.\.\.|\u2026)$", re.I)
_SENT_END_BEFORE = lazy_re(r"[.!?\u2026][\"'\u201d\u2019)\]]?[ \t]+$")
_MARK_RE = lazy_re("[" + "".join(re.escape(c) for c in sorted(_MARKS)) + "]")


def _wordchar(c: str | None) -> bool:
    return c is not None and c.isalnum()


@dataclass(init=False)
class Mark:
    pos: int
    kind: str
    role: str  # open / close
    glyph: str
    partner: int | None = None  # index of the paired mark in the paragraph's list
    dangling: bool = False
    continued: bool = False  # left open by a multi-paragraph quotation
    mid_sentence: bool = False  # a Q003 close

    def __init__(self, pos: int, kind: str, role: str, glyph: str) -> None:
        # (the other fields read their defaults from the class until set: one is made per mark; the generated __init__ set eight)
        self.pos = pos
        self.kind = kind
        self.role = role
        self.glyph = glyph


@dataclass(init=False)
class ParagraphQuotes:
    index: int
    marks: list[Mark] = field(default_factory=list)
    unmatched_close: list[int] = field(default_factory=list)  # indices into marks
    unclosed: list[int] = field(default_factory=list)
    wrong_pair: list[tuple[int, int]] = field(default_factory=list)

    def __init__(self, index: int) -> None:
        # (one a paragraph: the generated __init__ called each default factory)
        self.index = index
        self.marks = []
        self.unmatched_close = []
        self.unclosed = []
        self.wrong_pair = []


def quotes_analysed(doc) -> bool:
    """Whether :func:`analyse_quotes` has already run on ``doc`` (its result is cached)."""
    return doc.memoised("quotes.pairs")


def analyse_quotes(doc) -> list[ParagraphQuotes]:
    """Classified and paired quotation marks of every paragraph, computed once per Document."""
    return doc.memo("quotes.pairs", lambda: _analyse_quotes(doc))


def paragraph_quotes(doc, index: int) -> ParagraphQuotes:
    """The marks of paragraph ``index`` of ``doc.text`` classified and paired (``_pair``): the paragraph's entry of
    :func:`analyse_quotes` when that has run, else paired alone and kept, for analyse_quotes to take up unchanged where it
    pairs the same text (a rule that asks about one paragraph before Q001 runs: the old-style quotation test)."""
    if quotes_analysed(doc):
        return analyse_quotes(doc)[index]
    alone: dict[int, ParagraphQuotes] = doc.memo("quotes.paragraph-pairs", dict)
    pq = alone.get(index)
    if pq is None:
        para = doc.paragraphs[index]
        pq = alone[index] = _pair(doc.text, index, para.start, para.end)
    return pq


def _filled(doc) -> str:
    """``doc.text`` with each blanked region that held letters or digits (code, an option, a
    path; in plain text any short one) filled with letters, so a quotation mark beside it reads
    as quoting it ("'dbus-daemon --system' has", "'gunzip <foo.zip'"); in Markdown and reST
    blanked marks alone (emphasis, list and quotation markers) stay spaces unless a word
    touches them ("**APIStar**'s")."""
    text = doc.text
    if not doc.masks:
        return text
    src = doc.source
    # in Markdown and reST, blanked marks alone are emphasis and list markers; in plain text
    # they are symbols cited as code ('"/" suffix')
    marks_too = not (is_markdown(doc.path) or is_rst(doc.path))
    out: list[str] = []
    pos = 0
    n = len(text)
    cr = "\r" in text
    for a, b in doc.masks:
        if b - a > 200:
            # blocks of code stand apart from the prose's quotation marks; what the region holds
            # on its last line may be code in a line of prose (merged with the block above it)
            a = max(a, text.rfind("\n", a, b) + 1)
            if b - a > 200 or a == b:
                continue
        if not (marks_too or any(c.isalnum() or c not in _MARKUP_MARKS for c in src[a:b])):
            # an emphasis marker against a word is part of it: "**APIStar**'s"
            if not ((a > 0 and text[a - 1].isalnum()) or (b < n and text[b].isalnum())):
                continue
        out.append(text[pos:a])
        # (a region within one line, most of them, is all letters: no regex call)
        out.append("x" * (b - a) if text.find("\n", a, b) < 0 and not (cr and text.find("\r", a, b) >= 0) else _FILL.sub("x", text[a:b]))
        pos = b
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


_FILL = lazy_re(r"[^\r\n]")
_DANGLING = attrgetter("dangling")
#: what Markdown and reST blank around words: emphasis, list, quotation and table marks
_MARKUP_MARKS = frozenset("*_-+>#.)|\\ \t\r\n")


def _code_start(text: str, ps: int) -> int:
    while ps > 0 and text[ps - 1] == "x":
        ps -= 1
    return ps


_NO_PAIRS: dict[int, ParagraphQuotes] = {}  # (read only)
_NO_KINDS = dict.fromkeys(_KINDS, 0)  # (no mark pending: _pair copies these, cheaper than fromkeys)
_NO_GLYPHS = dict.fromkeys(_MARKS, 0)


def _analyse_quotes(doc) -> list[ParagraphQuotes]:
    text = _filled(doc)
    paras = doc.paragraphs
    if text is doc.text:
        spans = [(p.start, p.end) for p in paras]
    else:
        # a paragraph that opens with filled code starts at the code: "`Unpacker`'s hook"
        spans = [(_code_start(text, p.start) if text[p.start - 1] == "x" else p.start, p.end) for p in paras]
    # the marks of the whole text found once, each paragraph given its own: marks[j:k]
    marks = _mark_positions(text)
    n_marks = len(marks)
    out = []
    j = prev_end = 0
    # (paragraphs paired alone before by paragraph_quotes, of this text and spans: the same pairing; the pass below may mark them continued)
    alone: dict[int, ParagraphQuotes] = _NO_PAIRS
    if text is doc.text and doc.memoised("quotes.paragraph-pairs"):
        alone = doc.memo("quotes.paragraph-pairs", dict)
    for i, (ps, pe) in enumerate(spans):
        # (the marks before j end before ps: after the paragraph before, in text order, j is there unless a mark lies between
        # the two (never: only white space or filled code); one whose first mark from j is past its end, most, holds none)
        if ps < prev_end or (j < n_marks and marks[j] < ps):
            j = bisect_left(marks, ps, j if ps >= prev_end else 0)
        k = j if j == n_marks or marks[j] >= pe else bisect_left(marks, pe, j)
        pq = alone.get(i) if alone else None
        if pq is None:
            pq = _pair(text, i, ps, pe, marks[j:k]) if k > j else ParagraphQuotes(i)  # (no marks, most: paired at once)
        out.append(pq)
        j, prev_end = k, pe
    # Multi-paragraph quotations: an open quotation continues if the next paragraph opens
    # with a mark of the same kind.
    for k, pq in enumerate(out):
        if not pq.unclosed or k + 1 >= len(out):
            continue
        nxt = out[k + 1]
        first = nxt.marks[0] if nxt.marks else None
        if first is None or first.role != OPEN or first.dangling or first.pos != paras[k + 1].start:
            continue
        keep = []
        for mi in pq.unclosed:
            if pq.marks[mi].kind == first.kind or (
                # an outer quotation that opens the next paragraph together with an inner one
                len(nxt.marks) > 1 and nxt.marks[1].role == OPEN and nxt.marks[1].pos == first.pos + 1
            ):
                pq.marks[mi].continued = True
            else:
                keep.append(mi)
        pq.unclosed = keep
    return out


def _classify(text: str, i: int, ps: int, pe: int, kinds: dict[str, int], glyphs: dict[str, int]) -> tuple[str, str] | None:
    """(kind, role) of the mark at ``i``, or None for an apostrophe or a prime.

    ``kinds`` and ``glyphs`` count the pending (opened, not yet closed) marks by kind and by
    glyph (every kind and glyph a key: plain dicts, no ``Counter.__missing__`` call for a
    count of 0): counts, not the list of pending marks, keep a paragraph of a million opening
    marks linear."""
    c = text[i]
    prev = text[i - 1] if i > ps else None
    nxt = text[i + 1] if i + 1 < pe else None
    if prev in _CURLY_OPEN and nxt in _CURLY_CLOSE and c in "\"'":
        return None  # a straight mark quoted as a character: (“"”), (‘'’)
    open_ctx = prev is None or prev in _OPEN_CONTEXT
    # (a kind is pending when kinds[kind] > 0: the counts never go below 0)
    # (the straight double mark, the commonest, first; the tests below are one per glyph)
    if c == '"':
        straight_open = glyphs['"'] > 0
        if prev is not None and prev.isdigit():
            # 12" or 5' 11": an inch mark, unless it closes a quotation ("Top 10").
            if straight_open and not (nxt is not None and nxt.isalnum()):
                return DOUBLE, CLOSE
            return None
        if prev is not None and prev in "\u2014\u2013-" and (nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE):
            return DOUBLE, CLOSE  # interrupted speech: "I—" she began
        if (
            straight_open
            and prev in ("'", "\u2019")
            and (nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE)
            and i - 1 > ps
            and not text[i - 2].isspace()
        ):
            return DOUBLE, CLOSE  # a nested quotation closes first: "He said, 'Go.'" she added
        if open_ctx and nxt is not None and not nxt.isspace():
            return DOUBLE, OPEN
        if open_ctx and prev is not None and prev not in " \t\r\n":
            return DOUBLE, OPEN
        if not open_ctx:
            if (nxt is not None and nxt.isalnum()) and not straight_open:
                return DOUBLE, OPEN
            return DOUBLE, CLOSE
        # White space (or the paragraph edge) on both sides: decide by what is pending.
        return (DOUBLE, CLOSE) if straight_open else (DOUBLE, OPEN)
    if c == "\u201c":
        if glyphs["\u201e"] > 0:  # German „…“
            return DOUBLE, CLOSE
        if not open_ctx and (nxt is None or nxt.isspace() or nxt in _AFTER_CLOSE) and kinds[DOUBLE] > 0:
            return DOUBLE, CLOSE  # a mis-curled closing mark: ‘“Hello,“ he said’
        return DOUBLE, OPEN
    if c == "\u201d":
        if (prev is None or prev in " \t\r\n([{") and _wordchar(nxt) and not kinds[DOUBLE] > 0:
            return DOUBLE, OPEN  # a mis-curled opening mark
        return DOUBLE, CLOSE
    if c == "\u201e":
        return DOUBLE, OPEN
    if c == "\u00ab":
        if glyphs["\u00bb"] > 0 and not _wordchar(nxt):  # (pending marks are all opening marks)
            return GUILLEMET, CLOSE  # German »…«
        return GUILLEMET, OPEN
    if c == "\u00bb":
        if not kinds[GUILLEMET] > 0 and _wordchar(nxt):  # German »…«
            return GUILLEMET, OPEN
        if not kinds[GUILLEMET] > 0 and (prev is None or prev.isspace()) and (nxt is None or nxt.isspace() or nxt in "])"):
            return None  # an arrow standing alone: "Read more »", "Home » News"
        return GUILLEMET, CLOSE
    # single marks
    single_open = kinds[SINGLE] > 0
    if c == "\u2018":
        if nxt is not None and (nxt.isdigit() or _ELISION.match(text, i + 1, pe)):
            return None  # a mis-curled apostrophe: ‘90s, ‘n’
        if _wordchar(prev):
            return None
        return SINGLE, OPEN
    if c in "'\u2019":
        if _wordchar(prev) and _wordchar(nxt):
            return None  # it’s, O’Brien
        if prev is not None and prev.isdigit() and c == "'":
            k = i
            while k > ps and (text[k - 1].isalnum() or text[k - 1] in "-_."):
                k -= 1
            if single_open and not _wordchar(nxt) and any(ch.isalpha() for ch in text[k:i]):
                return SINGLE, CLOSE  # a quoted name ending in a digit: 'mdns4', 'postgresql-11'
            return None  # 5' (feet)
        if prev in ('"', "\u201d", "/") and nxt == "s" and not _wordchar(text[i + 2] if i + 2 < pe else None):
            return None  # the possessive of a quoted name: a service "foo"'s status; plural /'s
        if prev == "/" and single_open and not _wordchar(nxt):
            return SINGLE, CLOSE  # a quoted path ending in a slash: the 'examples/' directory
        if open_ctx and _wordchar(nxt):
            if c == "\u2019" or nxt.isdigit() or _ELISION.match(text, i + 1, pe):
                return None  # ’90s, ’n’, 'em
            return SINGLE, OPEN
        if not open_ctx and not _wordchar(nxt):
            return (SINGLE, CLOSE) if single_open else None  # the teachers’ union
        return None
    return None


def _mark_positions(text: str) -> list[int]:
    """Where the quotation marks (``_MARKS``) are, in text order: each mark searched with
    str.find in C (the regex engine tries a class of characters at every position, about 4 ns a
    character: more than the finds and a sort of the positions)."""
    out: list[int] = []
    for c in _MARKS:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def _pair(text: str, index: int, ps: int, pe: int, found: list[int] | None = None) -> ParagraphQuotes:
    """The marks of ``text[ps:pe]`` classified and paired; ``found``: their positions, if known
    (else searched)."""
    pq = ParagraphQuotes(index)
    if found is None:
        found = [m.start() for m in _MARK_RE.finditer(text, ps, pe)]
    if not found:
        return pq  # most paragraphs hold no mark at all
    marks = pq.marks
    stack: list[int] = []
    # the pending marks on the stack, counted by kind and by glyph
    kinds = _NO_KINDS.copy()
    glyphs = _NO_GLYPHS.copy()
    last = pe - 1
    for i in found:
        glyph = text[i]
        # (the commonest mark, a straight double one, between two characters of the paragraph, where _classify's answer does
        # not depend on the pending marks: after a blank or an opening bracket and before a character other than white space it
        # opens; after a character that neither opens a quotation nor is a digit, and before one that is no letter or digit, it closes)
        if glyph == '"' and ps < i < last:
            prev = text[i - 1]
            nxt = text[i + 1]
            if prev in _BLANK_OR_BRACKET and not nxt.isspace():
                # (an opening mark with a character after it, no curly one: pending at once, the tests below need not be asked)
                stack.append(len(marks))
                marks.append(Mark(i, DOUBLE, OPEN, glyph))
                kinds[DOUBLE] += 1
                glyphs[glyph] += 1
                continue
            if not (prev in _OPEN_CONTEXT or prev.isdigit() or nxt.isalnum()):
                kind, role = DOUBLE, CLOSE
            else:
                kr = _classify(text, i, ps, pe, kinds, glyphs)
                if kr is None:
                    continue
                kind, role = kr
        # (the next commonest, where _classify's first test decides: a curly closing double mark after a character that is no
        # blank or opening bracket closes; a curly opening one where a quotation may open, no German „ pending, opens; an
        # apostrophe between two letters or digits is none: "it’s", "don't")
        elif glyph == "\u201d" and i > ps and text[i - 1] not in _BLANK_OR_BRACKET:
            kind, role = DOUBLE, CLOSE
        elif glyph == "\u201c" and (i == ps or text[i - 1] in _OPEN_CONTEXT) and not glyphs["\u201e"]:
            kind, role = DOUBLE, OPEN
        elif glyph in "'\u2019" and ps < i < last and text[i - 1].isalnum() and text[i + 1].isalnum():
            continue
        else:
            kr = _classify(text, i, ps, pe, kinds, glyphs)
            if kr is None:
                continue
            kind, role = kr
        if role == OPEN:
            if i == last or (glyph == "\u201c" and text[i + 1] in " \t" and _SENT_END_BEFORE.search(text, max(ps, i - 6), i)):
                # nothing after it in the paragraph; or "unfolding. “ Then": quotes nothing
                m = Mark(i, kind, role, glyph)
                m.dangling = True
                marks.append(m)
                continue
            stack.append(len(marks))
            marks.append(Mark(i, kind, role, glyph))
            kinds[kind] += 1
            glyphs[glyph] += 1
            continue
        # a closing mark
        mi = len(marks)
        m = Mark(i, kind, role, glyph)
        marks.append(m)
        if i == ps and kind != SINGLE:
            m.dangling = True
            continue
        if not kinds[kind]:
            pq.unmatched_close.append(mi)
            continue
        # (the innermost pending mark of this kind closes; pending marks of other kinds inside
        # it are left unclosed)
        k = stack.pop()
        o = marks[k]
        glyphs[o.glyph] -= 1
        while o.kind != kind:
            kinds[o.kind] -= 1
            pq.unclosed.append(k)
            k = stack.pop()
            o = marks[k]
            glyphs[o.glyph] -= 1
        kinds[kind] -= 1
        m.partner = k
        o.partner = mi
    pq.unclosed.extend(stack)
    pq.unclosed.sort()
    return pq


def _name(m: Mark) -> str:
    kind = {DOUBLE: "double", SINGLE: "single", GUILLEMET: "guillemet"}[m.kind]
    role = "opening" if m.role == OPEN else "closing"
    return f"{role} {kind} quotation mark '{m.glyph}'"


def _mid_closes(doc) -> list[list[int]]:
    """``_mid_sentence_closes`` of each paragraph (by index), once per Document: Q002 and Q003 both ask it."""
    # (a paragraph without marks, most of them, has none: no call)
    return doc.memo("quotes.mid-closes", lambda: [_mid_sentence_closes(doc, pq) if pq.marks else [] for pq in analyse_quotes(doc)])


def _mid_sentence_closes(doc, pq: ParagraphQuotes) -> list[int]:
    """Indices of closing marks followed by text that belongs inside the quotation."""
    marks = pq.marks
    if not marks:
        return []
    text = doc.text
    para = doc.paragraphs[pq.index]
    # (an editor's insertion needs a "[" after the mark: a paragraph without one is not searched)
    brackets = text.find("[", para.start, para.end) >= 0
    last = marks[-1]  # (not a slice of the marks after one: quadratic with many)
    if not brackets and not (last.dangling and last.role == OPEN):
        return []  # (neither test below can hold: most paragraphs)
    out = []
    for mi, m in enumerate(marks):
        if m.role != CLOSE or m.partner is None or m.dangling:
            continue
        after = m.pos + 1
        if brackets:
            e = _EDITORIAL_AFTER.match(text, after, para.end)
            if e and not _NOT_EDITORIAL.match(e.group("inner").strip()) and e.group("inner")[:1].isupper():
                out.append(mi)  # an editor's [insertion] outside a quotation
                continue
        if (
            mi == len(marks) - 2
            and last.dangling
            and last.role == OPEN
            and last.kind == m.kind
            and last.pos > after + 1
            and not _ATTRIBUTION.search(text, after, last.pos)
        ):
            out.append(mi)  # "… negotiations.” and his standing … public. “"
    return out


class UnbalancedQuotes(Rule):
    """What it flags: a quotation mark that has no partner in its paragraph: an opening mark never closed, or a closing mark never opened (curly and straight, double and single).

    Why: scraping and paraphrasing cut quotations apart and drop or move their marks, so the
    reader cannot tell where the quoted words end. Apostrophes ("it’s", "’90s", "rock ’n’
    roll"), inch and foot marks (5' 11"), nested quotes and a quotation that runs over several
    paragraphs in the standard style (each paragraph opens with a mark, only the last one
    closes) are not flagged.

    Example: "“We will rebuild the pier, the mayor said." -> "“We will rebuild the pier,” the mayor said."

    Fix: none offered: where the missing mark belongs needs a reader. The message says which
    mark is unpaired.
    """

    code = "Q001"
    name = "unbalanced-quotes"
    category = "quote"
    severity = "warning"
    fix_priority = 40
    family_cost = 1.5

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        code_marks = CodeMarks(doc)
        for pq in analyse_quotes(doc):
            para = doc.paragraphs[pq.index]
            for mi in pq.unmatched_close:
                m = pq.marks[mi]
                if code_marks.balanced(text, para, m.pos):
                    continue
                yield self.finding(
                    doc,
                    m.pos,
                    m.pos + 1,
                    f"{_name(m)} has no opening mark before it in this paragraph",
                    confidence=0.75,
                )
            for mi in pq.unclosed:
                m = pq.marks[mi]
                if m.continued:
                    continue
                if m.kind == SINGLE and elided_start(text, m.pos + 1):
                    continue  # "'specially": an apostrophe for dropped letters, no quotation
                if verse_quote_continues(text, m.pos):
                    continue  # a quoted song: each line of verse opens with a mark, the last closes
                if code_marks.balanced(text, para, m.pos):
                    continue
                tail = _preview_at(text, m.pos + 1, para.end)
                yield self.finding(
                    doc,
                    m.pos,
                    m.pos + 1,
                    f"{_name(m)} before \u201c{tail}\u201d is never closed in this paragraph",
                    confidence=0.6 if m.kind == SINGLE else 0.75,
                )


class DanglingQuote(Rule):
    """What it flags: a quotation mark that quotes nothing: an opening mark at the end of a paragraph or sentence with no words after it, or a closing mark at the start of a paragraph.

    Why: when a tool splits or rejoins a quotation, the mark is left behind on the wrong side
    of the break ("Things are unfolding. “"). It is the clearest sign that the quotation's
    limits were damaged.

    Example: "“The talks go on,” she said. Nothing is settled. “" -> "“The talks go on,” she said. Nothing is settled."

    Fix: deletes the stray mark, or, when a quotation was closed too early just before it,
    turns it into the closing mark. Unsafe: where the quotation really ends needs a reader.
    """

    code = "Q002"
    name = "dangling-quote"
    category = "quote"
    severity = "warning"
    fix_priority = 41

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        code_marks = CodeMarks(doc)
        mid_closes = _mid_closes(doc)
        for pq in analyse_quotes(doc):
            if not any(map(_DANGLING, pq.marks)):
                continue  # (most paragraphs: no mark to look at, tested in C)
            para = doc.paragraphs[pq.index]
            early = mid_closes[pq.index]
            for mi, m in enumerate(pq.marks):
                if not m.dangling or code_marks.balanced(text, para, m.pos):
                    continue
                if m.role == OPEN:
                    a = m.pos
                    while a > para.start and text[a - 1] in " \t":
                        a -= 1
                    at_end = m.pos == para.end - 1
                    where = "the end of the paragraph" if at_end else "the end of a sentence"
                    suggestions = []
                    if any(pq.marks[k].kind == m.kind and k < mi for k in early):
                        suggestions.append((_CLOSE_GLYPH[m.kind], False))
                    suggestions.append(("", False))  # the white space after it stays
                    yield self.finding(
                        doc,
                        a,
                        m.pos + 1,
                        f"{_name(m)} at {where} quotes nothing",
                        suggestions,
                        confidence=0.9,
                    )
                else:
                    b = m.pos + 1
                    while b < para.end and text[b] in " \t":
                        b += 1
                    yield self.finding(
                        doc,
                        m.pos,
                        b,
                        f"{_name(m)} at the start of the paragraph closes nothing",
                        [("", False)],
                        confidence=0.85,
                    )


class QuoteClosedMidSentence(Rule):
    """What it flags: a closing quotation mark followed by words that belong inside the quotation: an editor's [bracketed insertion] after it, or text that runs on to a stray opening mark at the end of the paragraph.

    Why: paraphrasing tools move a closing mark to the first full stop, leaving the rest of the
    quoted sentence outside the quotation and the real closing mark dangling at the end
    ("negotiations.” [The minister] and his standing … public. “"). Readers then take a
    speaker's words for the writer's. Editorial brackets inside a proper quotation are fine.

    Example: "“The deal matters,” she said, “more than the vote.” [The mayor] and her allies know it. “" -> "“The deal matters,” she said, “more than the vote. [The mayor] and her allies know it.”"

    Fix: deletes the early closing mark (Q002 then offers the closing mark at the end).
    Unsafe: needs a reader to confirm where the quotation ends.
    """

    code = "Q003"
    name = "quote-closed-mid-sentence"
    category = "quote"
    severity = "warning"
    fix_priority = 42

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        text = doc.text
        mid_closes = _mid_closes(doc)
        for pq in analyse_quotes(doc):
            para = doc.paragraphs[pq.index]
            for mi in mid_closes[pq.index]:
                m = pq.marks[mi]
                after = _preview_at(text, m.pos + 1, para.end)
                yield self.finding(
                    doc,
                    m.pos,
                    m.pos + 1,
                    f"quotation closed mid-sentence: the text after {_name(m)} (\u201c{after}\u201d) reads as part of the quotation",
                    [("", False)],
                    confidence=0.75,
                )


class UnbalancedBrackets(Rule):
    """What it flags: a parenthesis or bracket without its partner in the paragraph, or one closed by the wrong kind ("(see below]").

    Why: scraping drops the half of a parenthesis that sat in a link or a line break, and
    paraphrasing moves brackets away from their pair; the reader loses the limits of the aside.
    List markers ("a)", "2)") and emoticons are not flagged.

    Example: "The ferry (built in 1998 carries 400 cars." -> "The ferry (built in 1998) carries 400 cars."

    Fix: for a closing bracket of the wrong kind, replaces it with the right one; for a closing
    bracket that closes nothing, deletes it. Unsafe: the missing half may belong elsewhere.
    """

    code = "Q004"
    name = "unbalanced-brackets"
    category = "quote"
    severity = "warning"
    fix_priority = 43

    def check(self, doc, config):
        text = doc.text
        masks = doc.masks
        paras = doc.paragraphs
        for para in map(paras.__getitem__, _paragraphs_with_brackets(doc)):
            # a partner blanked with code or layout is looked for in the source paragraph,
            # which is paired once, and only for a bracket about to be reported
            paired: list[set[int] | None] = [None]
            elsewhere = partial(_paired_in_source, doc, para, paired) if masks else None
            for kind, pos, x in _bracket_problems(text, para.start, para.end, elsewhere):
                if kind == "unclosed":
                    if not masks or _unpaired_in_source(doc, para, pos, paired):
                        yield self._unclosed(doc, pos, x, para.end)
                    continue
                c = text[pos]
                if kind == "wrong":
                    p, o = x
                    yield self.finding(
                        doc,
                        pos,
                        pos + 1,
                        f"'{o}' on column {doc.line_col(p)[1]} is closed by '{c}'",
                        [(_OPENERS[o], False)],
                        confidence=0.75,
                    )
                    continue
                yield self.finding(
                    doc,
                    pos,
                    pos + 1,
                    f"closing '{c}' has no opening '{_CLOSERS[c]}' before it in this paragraph",
                    [("", False)],
                    confidence=0.7,
                )

    def _unclosed(self, doc, pos, o, end):
        return self.finding(
            doc,
            pos,
            pos + 1,
            f"opening '{o}' before \u201c{_preview_at(doc.text, pos + 1, end)}\u201d is never closed in this paragraph",
            confidence=0.7,
        )
