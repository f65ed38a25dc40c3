"""Q001-Q003's pairing of quotation marks (``rules/quotes._pair``), compared with the pairing as
it was at 1967ea2 (pending marks counted in Counters, a ``pop`` helper, the glyphs' tests in
their old order), kept here, on
generated paragraphs full of marks of every glyph, apostrophes, primes and nesting."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import astuple
from itertools import chain

import pytest

from garblint.rules import _preview as P
from garblint.rules import quotes as Q


def _old_classify(text: str, i: int, ps: int, pe: int, kinds: Counter, glyphs: Counter) -> tuple[str, str] | None:
    """``_classify`` as it was at 1967ea2 (every glyph's test in turn, the straight double mark's after the curly ones and the guillemets).

    (kind, role) of the mark at ``i``, or None for an apostrophe or a prime.

    ``kinds`` and ``glyphs`` count the pending (opened, not yet closed) marks by kind and by
    glyph: counts, not the list of pending marks, keep a paragraph of a million opening marks
    linear."""
    c = text[i]
    prev = text[i - 1] if i > ps else None
    nxt = text[i + 1] if i + 1 < pe else None
    if prev in Q._CURLY_OPEN and nxt in Q._CURLY_CLOSE and c in "\"'":
        return None  # a straight mark quoted as a character: (“"”), (‘'’)
    open_ctx = prev is None or prev in Q._OPEN_CONTEXT
    # (a kind is pending when kinds[kind] > 0: the counts never go below 0)
    if c == "\u201c":
        if glyphs["\u201e"] > 0:  # German „…“
            return Q.DOUBLE, Q.CLOSE
        if not open_ctx and (nxt is None or nxt.isspace() or nxt in Q._AFTER_CLOSE) and kinds[Q.DOUBLE] > 0:
            return Q.DOUBLE, Q.CLOSE  # a mis-curled closing mark: ‘“Hello,“ he said’
        return Q.DOUBLE, Q.OPEN
    if c == "\u201d":
        if (prev is None or prev in " \t\r\n([{") and Q._wordchar(nxt) and not kinds[Q.DOUBLE] > 0:
            return Q.DOUBLE, Q.OPEN  # a mis-curled opening mark
        return Q.DOUBLE, Q.CLOSE
    if c == "\u201e":
        return Q.DOUBLE, Q.OPEN
    if c == "\u00ab":
        if glyphs["\u00bb"] > 0 and not Q._wordchar(nxt):  # (pending marks are all opening marks)
            return Q.GUILLEMET, Q.CLOSE  # German »…«
        return Q.GUILLEMET, Q.OPEN
    if c == "\u00bb":
        if not kinds[Q.GUILLEMET] > 0 and Q._wordchar(nxt):  # German »…«
            return Q.GUILLEMET, Q.OPEN
        if not kinds[Q.GUILLEMET] > 0 and (prev is None or prev.isspace()) and (nxt is None or nxt.isspace() or nxt in "])"):
            return None  # an arrow standing alone: "Read more »", "Home » News"
        return Q.GUILLEMET, Q.CLOSE
    if c == '"':
        straight_open = glyphs['"'] > 0
        if prev is not None and prev.isdigit():
            # 12" or 5' 11": an inch mark, unless it closes a quotation ("Top 10").
            if straight_open and not Q._wordchar(nxt):
                return Q.DOUBLE, Q.CLOSE
            return None
        if prev is not None and prev in "\u2014\u2013-" and (nxt is None or nxt.isspace() or nxt in Q._AFTER_CLOSE):
            return Q.DOUBLE, Q.CLOSE  # interrupted speech: "I—" she began
        if (
            straight_open
            and prev in ("'", "\u2019")
            and (nxt is None or nxt.isspace() or nxt in Q._AFTER_CLOSE)
            and i - 1 > ps
            and not text[i - 2].isspace()
        ):
            return Q.DOUBLE, Q.CLOSE  # a nested quotation closes first: "He said, 'Go.'" she added
        if open_ctx and nxt is not None and not nxt.isspace():
            return Q.DOUBLE, Q.OPEN
        if open_ctx and prev is not None and prev not in " \t\r\n":
            return Q.DOUBLE, Q.OPEN
        if not open_ctx:
            if Q._wordchar(nxt) and not straight_open:
                return Q.DOUBLE, Q.OPEN
            return Q.DOUBLE, Q.CLOSE
        # White space (or the paragraph edge) on both sides: decide by what is pending.
        return (Q.DOUBLE, Q.CLOSE) if straight_open else (Q.DOUBLE, Q.OPEN)
    # single marks
    single_open = kinds[Q.SINGLE] > 0
    if c == "\u2018":
        if nxt is not None and (nxt.isdigit() or Q._ELISION.match(text, i + 1, pe)):
            return None  # a mis-curled apostrophe: ‘90s, ‘n’
        if Q._wordchar(prev):
            return None
        return Q.SINGLE, Q.OPEN
    if c in "'\u2019":
        if Q._wordchar(prev) and Q._wordchar(nxt):
            return None  # it’s, O’Brien
        if prev is not None and prev.isdigit() and c == "'":
            k = i
            while k > ps and (text[k - 1].isalnum() or text[k - 1] in "-_."):
                k -= 1
            if single_open and not Q._wordchar(nxt) and any(ch.isalpha() for ch in text[k:i]):
                return Q.SINGLE, Q.CLOSE  # a quoted name ending in a digit: 'mdns4', 'postgresql-11'
            return None  # 5' (feet)
        if prev in ('"', "\u201d", "/") and nxt == "s" and not Q._wordchar(text[i + 2] if i + 2 < pe else None):
            return None  # the possessive of a quoted name: a service "foo"'s status; plural /'s
        if prev == "/" and single_open and not Q._wordchar(nxt):
            return Q.SINGLE, Q.CLOSE  # a quoted path ending in a slash: the 'examples/' directory
        if open_ctx and Q._wordchar(nxt):
            if c == "\u2019" or nxt.isdigit() or Q._ELISION.match(text, i + 1, pe):
                return None  # ’90s, ’n’, 'em
            return Q.SINGLE, Q.OPEN
        if not open_ctx and not Q._wordchar(nxt):
            return (Q.SINGLE, Q.CLOSE) if single_open else None  # the teachers’ union
        return None
    return None


def _old_pair(text: str, index: int, ps: int, pe: int) -> Q.ParagraphQuotes:
    pq = Q.ParagraphQuotes(index)
    found_marks = Q._MARK_RE.finditer(text, ps, pe)
    first = next(found_marks, None)
    if first is None:
        return pq
    marks = pq.marks
    stack: list[int] = []
    kinds: Counter = Counter()
    glyphs: Counter = Counter()

    def pop() -> int:
        k = stack.pop()
        kinds[marks[k].kind] -= 1
        glyphs[marks[k].glyph] -= 1
        return k

    for found in chain((first,), found_marks):
        i = found.start()
        kr = _old_classify(text, i, ps, pe, kinds, glyphs)
        if kr is None:
            continue
        kind, role = kr
        m = Q.Mark(i, kind, role, text[i])
        marks.append(m)
        mi = len(marks) - 1
        if role == Q.OPEN:
            if i == pe - 1:
                m.dangling = True
                continue
            if m.glyph == "\u201c" and text[i + 1] in " \t" and Q._SENT_END_BEFORE.search(text, max(ps, i - 6), i):
                m.dangling = True
                continue
            stack.append(mi)
            kinds[kind] += 1
            glyphs[m.glyph] += 1
            continue
        if i == ps and kind != Q.SINGLE:
            m.dangling = True
            continue
        if stack and marks[stack[-1]].kind == kind:
            o = pop()
            m.partner, marks[o].partner = o, mi
        elif kinds[kind] > 0:
            while marks[stack[-1]].kind != kind:
                inner = pop()
                pq.unclosed.append(inner)
            o = pop()
            m.partner, marks[o].partner = o, mi
        else:
            pq.unmatched_close.append(mi)
    pq.unclosed.extend(stack)
    pq.unclosed.sort()
    return pq


_PIECES = [
    "\u00e9t\u00e9",
    "{",
    "\r\n",
    "\u00a0",
    "\u00b2",
    "the",
    "said",
    "it",
    "O",
    "Brien",
    "90s",
    "n",
    "em",
    "tis",
    "5",
    "11",
    "12",
    "x",
    "mdns4",
    "examples/",
    "foo",
    " ",
    " ",
    " ",
    "  ",
    "\t",
    "\n",
    ", ",
    ". ",
    "! ",
    "? ",
    "\u2014",
    "\u2013",
    "-",
    "(",
    ")",
    "[",
    "]",
    "/",
    "_",
    '"',
    '"',
    '"',
    "'",
    "'",
    "\u201c",
    "\u201c",
    "\u201d",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u2019",
    "\u201e",
    "\u00ab",
    "\u00bb",
]


def _paragraph(rng: random.Random) -> str:
    return "".join(rng.choice(_PIECES) for _ in range(rng.randrange(0, 80)))


@pytest.mark.parametrize("seed", range(300))
def test_pairing_same_as_the_old_form(seed):
    rng = random.Random(seed)
    for _ in range(20):
        text = _paragraph(rng)
        ps = rng.randrange(0, 3) if text else 0
        pe = len(text) - (rng.randrange(0, 3) if len(text) > ps + 3 else 0)
        new, old = Q._pair(text, 7, ps, pe), _old_pair(text, 7, ps, pe)
        assert [astuple(m) for m in new.marks] == [astuple(m) for m in old.marks], text
        assert (new.unmatched_close, new.unclosed, new.wrong_pair) == (old.unmatched_close, old.unclosed, old.wrong_pair), text


def _old_mid_sentence_closes(doc, pq):
    text = doc.text
    para = doc.paragraphs[pq.index]
    marks = pq.marks
    out = []
    for mi, m in enumerate(marks):
        if m.role != Q.CLOSE or m.partner is None or m.dangling:
            continue
        after = m.pos + 1
        e = Q._EDITORIAL_AFTER.match(text, after, para.end)
        if e and not Q._NOT_EDITORIAL.match(e.group("inner").strip()) and e.group("inner")[:1].isupper():
            out.append(mi)
            continue
        last = marks[-1]
        if (
            mi == len(marks) - 2
            and last.dangling
            and last.role == Q.OPEN
            and last.kind == m.kind
            and last.pos > after + 1
            and not Q._ATTRIBUTION.search(text, after, last.pos)
        ):
            out.append(mi)
    return out


_EDITORIAL = [
    "\u201cthe\u201d [The mayor] and",
    '"it" [Council] voted',
    "[\u201cok\u201d [The mayor] said",
    "\u2018so\u2019 [Sic] and",
    "[The mayor]",
    "[sic]",
    "[1]",
    " [Council] voted",
    "[",
    "]",
    " and his",
    " said",
    " \u201c",
    "\n\n",
    "\n\n",
]


@pytest.mark.parametrize("seed", range(200))
def test_mid_sentence_closes_same_as_the_old_form(seed):
    """Q002/Q003's closing marks mid-sentence: paragraphs without a "[" skip the editorial
    test, and the answers are kept per document for both rules."""
    from garblint.lint.document import Document

    rng = random.Random(seed)
    text = "".join(rng.choice(_PIECES + _EDITORIAL) for _ in range(rng.randrange(0, 150)))
    doc = Document(text)
    pqs = Q.analyse_quotes(doc)
    assert Q._mid_closes(doc) == [_old_mid_sentence_closes(doc, pq) for pq in pqs]
    assert Q._mid_closes(doc) is Q._mid_closes(doc)


@pytest.mark.parametrize("seed", range(100))
def test_bracket_paragraphs_and_glued_marks_found_by_literal_searches(seed):
    """Q004 visits the paragraphs holding a bracket, found by str.find for each bracket; Q005's
    glued marks come from one search per mark: the same as the class-of-characters scans."""
    import re

    from garblint.lint.document import Document
    from garblint.rules import artefacts as ART

    rng = random.Random(seed)
    pieces = _PIECES + ["\n\n", "\n \n", "{", "}", "Better", "\u2019Better", "\u201dRoads", "\u00a0"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 200)))
    doc = Document(text)
    want = [pi for pi, p in enumerate(doc.paragraphs) if re.search(r"[()\[\]{}]", p.text)]
    assert Q._paragraphs_with_brackets(doc) == want
    got = sorted(m.start() for pattern in ART._GLUED for m in pattern.finditer(text))
    assert got == [m.start() for m in re.finditer(r"([\u2019\u201d])(?=[A-Z])", text)]


def _old_analyse_quotes(doc) -> list:
    """``_analyse_quotes`` as it was at 1967ea2: each paragraph's marks searched on their own."""
    text = Q._filled(doc)
    paras = doc.paragraphs
    if text is doc.text:
        out = [_old_pair(text, i, p.start, p.end) for i, p in enumerate(paras)]
    else:
        # a paragraph that opens with filled code starts at the code: "`Unpacker`'s hook"
        out = [_old_pair(text, i, Q._code_start(text, p.start), p.end) for i, p in enumerate(paras)]
    # Multi-paragraph quotations: an open quotation continues if the next paragraph opens
    # with a mark of the same kind.
    for k, pq in enumerate(out):
        if not pq.unclosed or k + 1 >= len(out):
            continue
        nxt = out[k + 1]
        first = nxt.marks[0] if nxt.marks else None
        if first is None or first.role != Q.OPEN or first.dangling or first.pos != paras[k + 1].start:
            continue
        keep = []
        for mi in pq.unclosed:
            if pq.marks[mi].kind == first.kind or (
                # an outer quotation that opens the next paragraph together with an inner one
                len(nxt.marks) > 1 and nxt.marks[1].role == Q.OPEN and nxt.marks[1].pos == first.pos + 1
            ):
                pq.marks[mi].continued = True
            else:
                keep.append(mi)
        pq.unclosed = keep
    return out


@pytest.mark.parametrize("seed", range(150))
def test_analysis_with_the_marks_found_once_same_as_per_paragraph(seed):
    """_analyse_quotes finds the marks of the whole text once (str.find per mark) and hands
    each paragraph its own: the same pairs as searching each paragraph, plain and Markdown."""
    from garblint.lint.textio import make_document

    rng = random.Random(seed)
    pieces = _PIECES + ["\n\n", "\n\n", "\n \n", "`code`", "``x``", "**b**"]
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 200)))
    assert Q._mark_positions(text) == [m.start() for m in Q._MARK_RE.finditer(text)]
    for path in (None, "x.md"):
        new, old = Q._analyse_quotes(make_document(text, path)), _old_analyse_quotes(make_document(text, path))
        assert [[astuple(m) for m in pq.marks] for pq in new] == [[astuple(m) for m in pq.marks] for pq in old]
        assert [(pq.index, pq.unmatched_close, pq.unclosed) for pq in new] == [(pq.index, pq.unmatched_close, pq.unclosed) for pq in old]


def test_mark_made_as_the_generated_init_made_it():
    """Mark's own __init__ sets the four fields given; the others read the defaults the
    dataclass declares, as the generated __init__ set them (and a mark set later differs)."""
    from dataclasses import astuple, dataclass, fields

    @dataclass
    class Old:
        pos: int
        kind: str
        role: str
        glyph: str
        partner: int | None = None
        dangling: bool = False
        continued: bool = False
        mid_sentence: bool = False

    m = Q.Mark(3, Q.DOUBLE, Q.OPEN, '"')
    assert [f.name for f in fields(Q.Mark)] == [f.name for f in fields(Old)]
    assert astuple(m) == astuple(Old(3, Q.DOUBLE, Q.OPEN, '"'))
    assert repr(m).split("(", 1)[1] == repr(Old(3, Q.DOUBLE, Q.OPEN, '"')).split("(", 1)[1]
    m.dangling = True
    assert m != Q.Mark(3, Q.DOUBLE, Q.OPEN, '"') and not Q.Mark(3, Q.DOUBLE, Q.OPEN, '"').dangling


def test_paragraph_quotes_made_as_the_generated_init_made_it():
    """ParagraphQuotes' own __init__ gives each paragraph the index and four empty lists of its
    own, as the generated __init__ did (same fields, repr and equality)."""
    from dataclasses import astuple, dataclass, field, fields

    @dataclass
    class Old:
        index: int
        marks: list = field(default_factory=list)
        unmatched_close: list = field(default_factory=list)
        unclosed: list = field(default_factory=list)
        wrong_pair: list = field(default_factory=list)

    a, b = Q.ParagraphQuotes(4), Q.ParagraphQuotes(4)
    assert [f.name for f in fields(Q.ParagraphQuotes)] == [f.name for f in fields(Old)]
    assert astuple(a) == astuple(Old(4)) and a == b
    assert repr(a).split("(", 1)[1] == repr(Old(4)).split("(", 1)[1]
    lists = [a.marks, a.unmatched_close, a.unclosed, a.wrong_pair, b.marks, b.unmatched_close, b.unclosed, b.wrong_pair]
    assert len({id(x) for x in lists}) == 8
    a.unclosed.append(1)
    assert a != b


def _old_filled(doc) -> str:
    """``_filled`` as it was at 6344e5d: every region filled by the regex."""
    text = doc.text
    if not doc.masks:
        return text
    src = doc.source
    marks_too = not (Q.is_markdown(doc.path) or Q.is_rst(doc.path))
    out: list[str] = []
    pos = 0
    n = len(text)
    for a, b in doc.masks:
        if b - a > 200:
            a = max(a, text.rfind("\n", a, b) + 1)
            if b - a > 200 or a == b:
                continue
        if not (marks_too or any(c.isalnum() or c not in Q._MARKUP_MARKS for c in src[a:b])):
            if not ((a > 0 and text[a - 1].isalnum()) or (b < n and text[b].isalnum())):
                continue
        out.append(text[pos:a])
        out.append(Q._FILL.sub("x", text[a:b]))
        pos = b
    if not out:
        return text
    out.append(text[pos:])
    return "".join(out)


@pytest.mark.parametrize("seed", range(40))
def test_filled_same_as_the_regex_fill(seed):
    """``_filled`` writes a region within one line as letters without the regex: the same text."""
    from garblint.lint.document import Document
    from garblint.lint.markup import blank

    rng = random.Random(seed)
    pieces = ["a", "b", " ", "'", '"', "*", "\n", "\r\n", "\r", "`x`", "  "]
    text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 400)))
    cuts = sorted(rng.sample(range(len(text) + 1), min(len(text) + 1, 2 * rng.randrange(0, 12))))
    masks = tuple((a, b) for a, b in zip(cuts[::2], cuts[1::2]) if a < b)
    for path in (None, "x.md"):
        doc = Document(blank(text, masks), path, source=text, masks=masks)
        assert Q._filled(doc) == _old_filled(doc)


@pytest.mark.parametrize("seed", range(40))
def test_preview_at_same_as_the_preview_of_the_slice(seed):
    """_preview_at (a growing window of the text, squashed once and cut) gives _preview of the
    whole slice: runs of white space of every kind, previews shorter and longer than n."""
    rng = random.Random(seed)
    pieces = ["word", "x", " ", "  ", "\n", "\t", "\u00a0", "\u2028", "\u201c", "longerword", "\r\n"]
    for _ in range(20):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
        a = rng.randrange(0, len(text) + 1)
        b = rng.randrange(a, len(text) + 1)
        for n in (5, 30):
            assert P._preview_at(text, a, b, n) == P._preview(text[a:b], n), (text, a, b, n)


def _old_q002(rule, doc):
    """Q002's check as it was: every mark of every paragraph visited."""
    text = doc.text
    code_marks = Q.CodeMarks(doc)
    mid_closes = Q._mid_closes(doc)
    for pq in Q.analyse_quotes(doc):
        para = doc.paragraphs[pq.index]
        early = mid_closes[pq.index]
        for mi, m in enumerate(pq.marks):
            if not m.dangling or code_marks.balanced(text, para, m.pos):
                continue
            if m.role == Q.OPEN:
                a = m.pos
                while a > para.start and text[a - 1] in " \t":
                    a -= 1
                where = "the end of the paragraph" if m.pos == para.end - 1 else "the end of a sentence"
                suggestions = [(Q._CLOSE_GLYPH[m.kind], False)] if any(pq.marks[k].kind == m.kind and k < mi for k in early) else []
                suggestions.append(("", False))
                yield (a, m.pos + 1, f"{Q._name(m)} at {where} quotes nothing", suggestions)
            else:
                b = m.pos + 1
                while b < para.end and text[b] in " \t":
                    b += 1
                yield (m.pos, b, f"{Q._name(m)} at the start of the paragraph closes nothing", [("", False)])


@pytest.mark.parametrize("seed", range(120))
def test_q002_skips_paragraphs_without_dangling_marks(seed):
    """Q002 passes over a paragraph none of whose marks dangles (tested in C): the findings of
    the visit of every mark, on texts with marks at paragraph and sentence ends."""
    from garblint.lint.config import Config
    from garblint.lint.document import Document

    rng = random.Random(seed)
    rule = Q.DanglingQuote()
    pieces = _PIECES + _EDITORIAL + [". \u201c", ".\u201c\n\n", "\u201d ", '"', ". \u201c Then", "\n\n\u201d", "\n\n\u2019"]
    for _ in range(5):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))
        got = [(f.start, f.end, f.message, [(s.replacement, s.safe) for s in f.suggestions]) for f in rule.check(Document(text), Config({}))]
        want = list(_old_q002(rule, Document(text)))
        assert got == want, text


def _old_bracket_problems(text, ps, pe, paired_elsewhere=None):
    """rules/_brackets._bracket_problems as it was: the emoticon pattern searched before every bracket."""
    from garblint.rules import _brackets as BR

    out = []
    stack = []
    for m in BR._BRACKET.finditer(text, ps, pe):
        c, pos = m.group(), m.start()
        if BR._EMOTICON.search(text[max(ps, pos - 4) : pos]):
            continue
        if c in BR._OPENERS:
            stack.append((pos, c))
            continue
        want = BR._CLOSERS[c]
        if stack and stack[-1][1] == want:
            stack.pop()
            continue
        if any(o == want for _, o in stack):
            while stack[-1][1] != want:
                p, o = stack.pop()
                out.append(("unclosed", p, o))
            stack.pop()
            continue
        if c == ")" and BR._is_list_marker(text, ps, pos):
            continue
        if paired_elsewhere is not None and paired_elsewhere(pos):
            if stack:
                stack.pop()
            continue
        if stack:
            out.append(("wrong", pos, stack.pop()))
            continue
        out.append(("stray", pos, None))
    out.extend(("unclosed", p, o) for p, o in stack)
    return out


@pytest.mark.parametrize("seed", range(150))
def test_bracket_problems_same_as_the_old_form(seed):
    """Q004's pairing asks the emoticon pattern only where the four characters before a bracket
    hold one of its eyes (":", ";", "="): the same problems as asking it before every bracket."""
    from garblint.rules import _brackets as BR

    rng = random.Random(seed)
    pieces = ["(", ")", "[", "]", "{", "}", ":", ";", "=", "-", "o", "'", "^", "x", "ab", " ", "\n", ":-", "a)", " 2)", "iv)", "\u00e9", "_"]
    for _ in range(20):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        ps = rng.randrange(0, 3) if text else 0
        assert BR._bracket_problems(text, ps, len(text)) == _old_bracket_problems(text, ps, len(text)), text
