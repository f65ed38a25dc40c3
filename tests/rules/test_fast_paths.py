"""Facts the fast paths of the structural and garble rules rely on, checked directly.

The rules' findings on generated inputs full of the cases the fast paths reason about (repeats,
near and truncated copies, odd white space and quotes, case) are in the golden snapshot
(``tests/golden.py``, ``tests/corpus/golden/generated.txt``); the frozen copies of the old code
that were compared with them here are retired.
"""
from __future__ import annotations

import math
import random
import re
from collections import Counter

import pytest
from rapidfuzz.distance import OSA

from garblint.lint.document import Document
from garblint.rules import boilerplate as B

# ------------------------------------------------------- G rules' sentence analysis
from garblint.rules import _sentences as SA  # noqa: E402


@pytest.mark.parametrize("seed", range(200))
def test_ends_terminal_and_quote_state(seed):
    rng = random.Random(seed)
    alphabet = ".!?\u2026:;\"'\u201d\u2019)]\u00bb\u201c a\n"
    for _ in range(50):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 8)))
        assert SA.ends_terminal(t) == bool(SA.TERMINAL.search(t))
        for start in (False, True):
            q = start
            for ch in t:
                if ch == "\u201c":
                    q = True
                elif ch == "\u201d":
                    q = False
                elif ch == '"':
                    q = not q
            assert SA._quote_open_after(t, start) == q


_SA_PIECES = ["the", "The", "THE", "in", "In", "said", "Said", "Hague", "council", "Council", "straße", "Straße", "ǅemal",
              "Of", "of", "and", "May", "may", " ", " ", " ", "  ", "\u00a0", ", ", ". ", "! ", ": ", "; ", " - ",
              "\u201c", "\u201d", '"', "(", ")", "\n", "\n\n", "\n\n", "* ", "1. ", "x", "42"]


@pytest.mark.parametrize("seed", range(150))
def test_lower_mid_counts_the_words_asked_of_it(seed):
    """``Analysis.lower_mid`` counts only the casefolded words G002 and defined_terms ask of
    it (title-case words after a sentence's first word); for those it equals the count over
    every lower-case word mid-sentence (the walk it replaced) up to what they ask. The title-case words
    mid-sentence, visited from their indexes, are those the walk over every word finds."""
    rng = random.Random(seed)
    text = "".join(rng.choice(_SA_PIECES) for _ in range(rng.randrange(0, 120)))
    doc = Document(text)
    an = SA._analyse(doc)
    old: Counter[str] = Counter()
    asked = set()
    cap_mid = []
    for info in an.sentences:
        ws = info.words
        for k in range(1, len(ws)):
            t = ws[k].text
            if info.headline:
                if SA.is_titlecase(t):
                    asked.add(t.casefold())
            elif SA.mid_sentence_context(doc.text, info.sent.start, ws[k], False):
                if t.islower():
                    old[t.casefold()] += 1
                elif SA.is_titlecase(t):
                    cap_mid.append((info.global_index, k))
    assert list(zip(an.cap_mid_sentence, an.cap_mid_word)) == cap_mid
    for g, k in cap_mid:
        asked.add(an.sentences[g].words[k].text.casefold())
    for w in asked:
        # (counted up to what the G rules ask: whether there is one, or as many as the word's
        # capitalised uses mid-sentence when those are three or more)
        limit = an.cap_in_name.get(w, 0) + an.cap_isolated.get(w, 0)
        limit = limit if limit >= 3 else 1
        got = an.lower_mid.get(w, 0)
        assert got == old[w] if old[w] < limit else limit <= got <= old[w]
    assert set(an.lower_mid) <= asked


# ----------------------------------------------------------------------- B001


_B_PIECES = [
    "Related Articles", "related", "Follow us on", "follow", "See also:", "Read more", "Advertisement",
    "LONDON (Reuters) -", "LONDON", "well-known", "-30-", "Reporting by", "additional reporting by",
    "contributed to this report", "CONTR\u0130BUTED to the story", "contrıbuted to this report", "end", "* * *",
    "###", "Correction:", "update", "©", "Copyright ©", "tags:", "Share", "Facebook", "Twitter", "the", "a",
    "»", "\u2022", "-", "#", " ", "  ", "\t", "\u00a0", "\u2019", "\u2018", "\u02bc", "\u2010", "\u2011", ".", "!",
    "?", "\u2026", "\"", "'", "\u201d", ")", "]", "\n", "_", "x", "42", "\u2014", "\u2013", ",", ":", "k\u212a",
]


@pytest.mark.parametrize("seed", range(100))
def test_boilerplate_word_counts_from_document_words(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_B_PIECES) for _ in range(rng.randrange(0, 80)))
    doc = Document(text)
    for u in B._units(doc):
        assert u.words == len(B._WORD.findall(u.text))


def _old_unit_spans(doc) -> list[tuple[int, int]]:
    """The units' spans as ``boilerplate._units`` made them before it read the trimmed lines in
    C (frozen): every line's span trimmed, and _wrapped_prose on those spans."""
    from garblint.lint.segment import trim_span

    text = doc.text
    out = []
    for p in doc.paragraphs:
        if p.text.isprintable():
            out.append((p.start, p.end))
            continue
        spans = []
        pos = p.start
        for line in p.text.splitlines(keepends=True):
            a, b = pos, pos + len(line.rstrip("\r\n"))
            pos += len(line)
            a, b = trim_span(text, a, b)
            if a < b:
                spans.append((a, b))
        if len(spans) > 1:
            broken = sum(1 for a, b in spans[:-1] if b - a >= 40 and not B._ends_sentence(text[a:b]))
            if broken * 2 >= len(spans) - 1:
                spans = [(p.start, p.end)]
        out.extend(spans)
    return out


_LINE_PIECES = ["The council met on Tuesday and voted", "to close the old bridge", "for repairs.", "Home", "News",
                "a", "It rained.", "\u201cNo,\u201d she said.", "x" * 45, "y" * 39, "z" * 40, "\n   " + "w" * 38,
                "\n\t" + "v" * 40, "\t", " ", "  ", "\u00a0", "\u3000",
                "\n", "\n", "\r\n", "\r", "\x0b", "\x0c", "\x1c", "\x1e", "\x85", "\u2028", "\u2029", "\n \n"]


def test_boilerplate_units_of_lines_equal_the_frozen_form():
    """Units of paragraphs of several lines (hard-wrapped prose and lists of short lines, with
    every line break str.splitlines knows, white space at the lines' ends, empty lines)."""
    rng = random.Random(23)
    for _ in range(60):
        paras = []
        for _ in range(rng.randrange(1, 12)):
            paras.append("".join(rng.choice(_LINE_PIECES) + rng.choice(["\n", " ", "\n", "  \n", "\r\n", "\u2028"]) for _ in range(rng.randrange(1, 10))))
        doc = Document("\n\n".join(paras))
        assert [(u.start, u.end) for u in B._units(doc)] == _old_unit_spans(doc)


_OS_PIECES = ["the", "Well", "is", "frozen", "and", "wee", "must", "worke", "Kitchin", "Snow", "untill", "he", "said",
              "\u201c", "\u201d", "\u2018", "\u2019", '"', "'", " ", " ", " ", ", ", ". ", "\n\n", "\n", "(", ")"]


# ------------------------------------------------------------- character classes
# (their checks before the tests were reordered, on the old analysis and the old
# whole-document old-style quotation spans; the helpers they call are unchanged)
from garblint.lint.lexicon import frequency  # noqa: E402,F401
from garblint.rules._sentences import (  # noqa: E402,F401
    ARTICLES_AND_POSSESSIVES,
    CLOSED_CLASS,
    DETERMINERS,
    PREPOSITIONS,
    TERMINAL,
    VERB_BASES,
    is_titlecase,
    mid_sentence_context,
)
from garblint.rules.garble import (  # noqa: E402,F401
    _CLOSE_TRAIL,
    _HEADING_LABEL,
    _LONE_OPEN_QUOTE,
    _NAME_LIKE_WORDS,
    DANGLING_END,
    _aux_after_name,
    _grammatical_word,
    _has_verb,
    _imperatives,
    _in_name_phrase,
)


def test_character_classes_the_fast_paths_rely_on():
    """``\\s`` is ``str.isspace`` (so ``split()`` may replace ``\\s+`` substitutions), ``[\\W_]`` is
    "not ``str.isalnum``", and on ASCII ``[^\\W_]`` is ``[A-Za-z0-9]``: over every code point."""
    space, not_alnum = re.compile(r"\s"), re.compile(r"[\W_]")
    for cp in range(0x110000):
        c = chr(cp)
        assert (space.match(c) is not None) == c.isspace(), hex(cp)
        assert (not_alnum.match(c) is not None) == (not c.isalnum()), hex(cp)
        if cp < 128:
            assert (not_alnum.match(c) is None) == bool(re.match(r"[A-Za-z0-9]", c)), hex(cp)
    # B001's _legit: what IGNORECASE takes for c, o, n, t or r lower-cases to that letter
    folds = {x: re.compile(x, re.I) for x in "contr"}
    for cp in range(0x110000):
        c = chr(cp)
        for x, pat in folds.items():
            if pat.fullmatch(c):
                assert c.lower() == x, hex(cp)


# ------------------------------------------------------- broken contractions' hints
@pytest.mark.parametrize("seed", range(50))
def test_contraction_hints_same_as_finditer(seed):
    from garblint.rules import _words as W

    rng = random.Random(seed)
    alphabet = " \t\r\nnt'\u2019\u2018`\u00b4\u02bcxa"
    for _ in range(200):
        t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 14)))
        assert [m.span() for m in W._hints(t)] == [m.span() for m in W._HINT.finditer(t)], repr(t)


# ------------------------------------------------------- O004's garbage hints
from garblint.rules import _garbage as GB  # noqa: E402

_GARBAGE_ALPHABET = (
    list("abcdefghijklmnopqrstuvwxyzAEIOU")
    + list("!?.,:;*=+%&#@$~^|\\{}<>`_-'\u2019")
    + [" ", "\n", "\t", "\xa0", "\x1c", "\u2028", "\u3000", "\x85"]
    + ["\u2500", "\u25a0", "\ufffc", "\u00a4", "\u00e9", "\u00df", "1", "2", "\u0663"]
)
_GARBAGE_WEIGHTS = [3] * 26 + [1] * 5 + [1] * 27 + [6, 2, 1, 1, 1, 1, 1, 1] + [1] * 9


@pytest.mark.parametrize("seed", range(40))
def test_garbage_hints_same_as_finditer(seed):
    rng = random.Random(seed)
    for _ in range(250):
        text = "".join(rng.choices(_GARBAGE_ALPHABET, _GARBAGE_WEIGHTS, k=rng.randrange(0, 120)))
        if rng.random() < 0.3:  # the rarer alternatives: repeated letters, consonant runs, long chunks, "?!."
            text = text.replace(rng.choice("abcde"), rng.choice(["aaaa", "bbbbbb", "x" * 50, "bcdfgh", "!!!", "?.!"]))
        doc = Document(text, "x")
        want = [(m.span(), m.groups()) for m in GB._GARBAGE_HINT.finditer(text)]
        assert [(m.span(), m.groups()) for m in GB.garbage_hints(text, doc.words, doc.word_texts)] == want, text
        got = GB.garbage_hints(text, doc.words, doc.word_texts, doc.word_counts)
        assert [(m.span(), m.groups()) for m in got] == want, text


def _long_chunks_by_regex(text):
    """``_garbage._long_chunks`` as it was: the look-ahead regex tried at every white space."""
    long_a, long_b = [], []
    if GB._HINT_LONG_AT_0.match(text):
        long_a.append(0)
        long_b.append(GB._run_end(text, 0))
    for m in GB._HINT_LONG.finditer(text):
        long_a.append(m.end())
        long_b.append(GB._run_end(text, m.end()))
    return long_a, long_b


@pytest.mark.parametrize("seed", range(30))
def test_long_chunks_same_as_the_look_ahead_regex(seed):
    """Chunks of 41 characters or more found from runs of non-white-space bytes: ASCII texts,
    and texts with characters of two to four bytes, white space outside ASCII (which the bytes
    take for a chunk's letters), the ASCII separators \x1c-\x1f and a lone surrogate."""
    rng = random.Random(seed)
    plain = list("abcdefghij.,-") + [" ", " ", " ", "\n", "\t", "\x1c", "\x1f", "\x0b"]
    wide = ["\u00e9", "\u5317", "\U0001f600", "\xa0", "\u2028", "\u3000", "\x85", "\u2009", "\ud800", "\ud83d\ude00"]
    for _ in range(300):
        pieces = plain + (wide if rng.random() < 0.7 else [])
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 60)))
        for _ in range(rng.randrange(0, 4)):  # runs of 39 to 43 characters, some of wide ones
            letters = "ab\u00e9\u5317" if rng.random() < 0.5 else "ab."
            run = "".join(rng.choice(letters) for _ in range(rng.randrange(39, 44)))
            at = rng.randrange(len(text) + 1)
            text = text[:at] + run + text[at:]
        assert GB._long_chunks(text) == _long_chunks_by_regex(text), repr(text)
    for n in (40, 41, 42):
        for run in ("x" * n, "\u00e9" * n, "\u00e9" * 21 + "x" * (n - 21), "x" * 20 + "\xa0" + "x" * (n - 21)):
            for text in (run, " " + run, run + "\n", "ab " + run + " cd", "\u3000" + run, "\xa0" * 3 + run + "\u2028x"):
                assert GB._long_chunks(text) == _long_chunks_by_regex(text), repr(text)


@pytest.mark.parametrize("seed", range(30))
def test_punct_runs_same_as_finditer(seed):
    """Runs of three of "!?.,:" found in the text's bytes: ASCII texts and texts with
    characters of two to four bytes (and surrogates), runs of two to seven marks."""
    rng = random.Random(seed)
    pieces = list("ab .!?,:;-") + ["\u00e9", "\u5317", "\U0001f600", "\u2026", "\ud800", "\uff0e", "\u3002"]
    for _ in range(300):
        own = pieces if rng.random() < 0.6 else pieces[:10]
        text = "".join(rng.choice(own) for _ in range(rng.randrange(0, 80)))
        for _ in range(rng.randrange(0, 3)):
            at = rng.randrange(len(text) + 1)
            text = text[:at] + "".join(rng.choice("!?.,:") for _ in range(rng.randrange(2, 8))) + text[at:]
        want = [m.start() for m in GB._HINT_PUNCT.finditer(text)]
        assert GB._punct_runs(text, text.encode("utf-8", "surrogatepass")) == want, repr(text)


# ------------------------------------------------------- whole-word searches (G007, S003)
from garblint.rules import artefacts as ART  # noqa: E402
from garblint.rules import spelling as SP  # noqa: E402


@pytest.mark.parametrize("seed", range(40))
def test_whole_word_searches_same_as_look_behind_regexes(seed):
    rng = random.Random(seed)
    pieces = ["AB", "ABAB", "ab", "aba", "\u00e9", "'", "\u2019", "-", "_", "1", " ", "\n", ".", "x"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        for word in ("AB", "ABAB", "ab", "aba"):
            assert ART._standalone(text, word) == (re.search(r"(?<![\w'\u2019-])" + re.escape(word) + r"(?![\w'\u2019-])", text) is not None)
            want = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", text)]
            assert SP._word_spans(text, word) == want
            assert SP._word_spans(text, word, 1) == want[:1]


# ------------------------------------------------------- spelling/OCR analysis (S, O rules)
from garblint.lint import lexicon, nearwords  # noqa: E402
from garblint.rules import _lexcheck as LX  # noqa: E402
from garblint.rules import _ocrscan as OS  # noqa: E402
from garblint.rules import untranslated as UT  # noqa: E402


def _fill_glyphs_by_trying_every_filling(low, positions, freqs, w):
    """_fill_glyphs as first written: every filling of the positions looked up."""
    options = []
    for p in positions:
        pref = LX.GLYPH_LETTERS.get(low[p], "")
        options.append([(0.3 if ch in pref else 1.0, ch) for ch in LX._ALPHABET])
    scored = []

    def rec(k, chars, cost):
        if k == len(positions):
            s = list(low)
            for p, ch in zip(positions, chars):
                s[p] = ch
            cand = "".join(s)
            f = freqs.get(cand, 0)
            if f >= LX.MIN_SUGGESTION_FREQ:
                scored.append((cost - w.freq * math.log10(f), cand))
            return
        for c, ch in options[k]:
            rec(k + 1, chars + [ch], cost + c)

    rec(0, [], 0.0)
    scored.sort()
    return [c for _, c in scored[:3]]


def test_fill_glyphs_same_as_every_filling():
    rng = random.Random(3)
    freqs = lexicon.frequencies()
    words = [w for w in freqs if 2 <= len(w) <= 12 and w.isalpha()]
    for mode in ("general", "ocr"):
        an = LX._Analysis(Document("x", "x"), None)
        an.mode, an.w = mode, (LX.OCR if mode == "ocr" else LX.GENERAL)
        for _ in range(150):
            low = list(rng.choice(words))
            positions = sorted(rng.sample(range(len(low)), min(len(low), rng.choice((1, 2)))))
            for p in positions:
                low[p] = rng.choice("0123456789.")
            low = "".join(low)
            assert an._fill_glyphs(low, positions) == _fill_glyphs_by_trying_every_filling(low, positions, freqs, an.w), low


def test_near_words_of_foreign_letters_by_search():
    # the early exit for characters no lexicon word has: the same answer as the search
    for q in ("свобода", "cafés", "naïvé", "été", "xyéèz", "北京市", "straße", "abé"):
        for d in (1, 2):
            by_len, spans = nearwords._by_length()
            lo = min(spans[L][0] for L in range(max(1, len(q) - d), len(q) + d + 1) if L in spans)
            hi = max(spans[L][1] for L in range(max(1, len(q) - d), len(q) + d + 1) if L in spans)
            brute = {w for w in by_len[lo:hi] if w != q and OSA.distance(q, w, score_cutoff=d) <= d}
            assert set(nearwords._near(q, d)) == brute, (q, d)


def _digit_word_walk(w):
    """The shape tests of _digits_in_word, as run() and _digits_in_word read them."""
    if not ("-" not in w and "\u2010" not in w and "\u2011" not in w and any(ch.isdigit() for ch in w)):
        return 0
    if len(w) > LX.MAX_WORD or "-" in w or "'" in w or "\u2019" in w:
        return 1
    letters = sum(ch.isalpha() for ch in w)
    digits = [i for i, ch in enumerate(w) if ch.isdigit()]
    if letters < 2 or len(digits) > 2 or len(digits) * 2 > letters:
        return 1
    if sum(ch.isupper() for ch in w) > (1 if w[0].isupper() else 0):
        return 1
    if LX._NUMBER_UNIT.match(w):
        return 1
    return 2


def test_digit_word_shapes():
    rng = random.Random(5)
    pieces = list("abcxyzAB") + list("0123") + ["\u0663", "\u00b2", "-", "\u2010", "'", "\u2019", "th", "pm", "km"]
    for _ in range(3000):
        w = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 9)))
        assert OS.digit_word(w) == _digit_word_walk(w), w
    assert OS.digit_word("x" * 60 + "1") == 1


@pytest.mark.parametrize("seed", range(20))
def test_function_word_share_from_counts(seed):
    rng = random.Random(seed)
    pool = ["the", "The", "of", "and", "der", "die", "und", "Haus", "12", "x1", "it's", "THE", "Of", "la"]
    for _ in range(50):
        texts = [rng.choice(pool) for _ in range(rng.randrange(0, 40))]
        total = sum(1 for t in texts if t.isalpha())
        function = sum(1 for t in texts if t.isalpha() and t.lower() in SA.FUNCTION_WORDS)
        want = total >= SA._FOREIGN_MIN_WORDS and function < SA._FOREIGN_FUNCTION_SHARE * total
        assert SA._few_function_words(Counter(texts)) == want, texts


def test_inside_spans_by_bisection():
    rng = random.Random(9)
    for _ in range(500):
        cuts = sorted(rng.sample(range(60), rng.randrange(0, 12)))
        spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2])]
        for pos in range(-1, 62):
            assert UT._inside(spans, pos) == any(a <= pos < b for a, b in spans), (spans, pos)


@pytest.mark.parametrize("seed", range(20))
def test_web_addresses_same_as_findall(seed):
    from garblint.rules import _techterms as TT

    rng = random.Random(seed)
    pieces = ["http://", "https://", "ftp://", "x", "http", "a.b", "/", " ", "\n", "(", "'", "_", "=", "é", "1", "://", "s", "ftp", "h"]
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 25)))
        assert TT.web_addresses(text) == TT._URL.findall(text), text


# ----------------------------------------------------------------------- E001
from garblint.rules import encoding as E  # noqa: E402

_MOJI_PIECES = [
    "a", "b", " ", "\n", ".", "caf", "\u00e9", "\u00c3", "\u00a9", "\u00e2\u20ac\u2122", "\u00e2\u20ac", "\u00c2",
    "\u00a0", "\u2019", "\u201c", "\u2014", "\u00f8", "\u0153", "\u00c3\u00a9", "\u00e2", "\u20ac", "\u2122",
    "\u0080", "\u009d", "\u00ef\u00bb\u00bf", "\u0413\u045e\u0412\u0402\u0412", "\u00d0", "\u00d1\u0081", "\u00ce", "\u00bc", "Troms", "x", "1",
]


@pytest.mark.parametrize("seed", range(150))
def test_mojibake_windows_answer_is_bad(seed):
    pytest.importorskip("ftfy")
    from ftfy.badness import is_bad

    width = E._mojibake_width()
    if width is None:
        pytest.skip("this ftfy's badness expression has no bounded, context-free width")
    from ftfy.badness import BADNESS_RE

    triggers = E._mojibake_triggers()
    # pieces that make up the expression's longer alternatives too: its own non-ASCII characters
    own = sorted(c for c in set(BADNESS_RE.pattern) if ord(c) > 127)
    pieces = _MOJI_PIECES + own + own + own
    rng = random.Random(seed)
    for _ in range(40):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        assert E._bad_near_triggers(t, triggers, width) == (bool(triggers.search(t)) and is_bad(t)), t


# ----------------------------------------------------------------------- N006
_PLACE_PIECES = ["in", "to", "into", "within", "from", "_", "x", " ", "  ", "\n", "Paris", "Marseile", "Oslo", "-",
                 "Lyon", "'s", ".", "é", "Über", "near", "A", "visited", "3", "tto", "\t", "\u00a0", "\r\n", "\n\n",
                 "   ", "\u2003", "visiting", "towards", "toward", "via", "Ab", "Cdé", "reached", "outside", "ß", "2"]
#: main 6d2b6d6's pattern (the cue first), to which the bounded form below adds ``\b``
_OLD_PLACE_CONTEXT = (
    r"(?:in|to|from|near|outside|across|via|toward|towards|into|around|visited|visiting|reached)\s+"
    r"([A-Z][a-z\u00e0-\u00ff]{3,}(?:-[A-Z][a-z\u00e0-\u00ff]+)?)(?![\w'\u2019-])(?!\s+[A-Z])"
)


@pytest.mark.parametrize("seed", range(100))
def test_place_contexts_match_the_bounded_pattern(seed):
    from garblint.rules import names as NM

    bounded = re.compile(r"\b" + _OLD_PLACE_CONTEXT)
    rng = random.Random(seed)
    for _ in range(60):
        t = "".join(rng.choice(_PLACE_PIECES) for _ in range(rng.randrange(0, 40)))
        assert [m.span(1) for m in NM._place_contexts(t)] == [m.span(1) for m in bounded.finditer(t)], t


# ----------------------------------------------------------------------- D001
_D_WORDS = ["the", "vote", "was", "held", "today", "in", "oslo", "and", "2.1", "percent", "rose", "a", "mayor", "said", "."]


@pytest.mark.parametrize("seed", range(100))
def test_near_similarity_with_cutoffs(seed):
    from garblint.rules import duplicates as D

    rng = random.Random(seed)
    for _ in range(60):
        a = " ".join(rng.choice(_D_WORDS) for _ in range(rng.randrange(10, 60)))
        b = list(a)
        for _ in range(rng.choice((0, 1, 2, 4, 8, 20))):  # a few changed characters
            k = rng.randrange(len(b))
            b[k] = rng.choice("abcdefghij .")
        b = "".join(b)
        cut = rng.random()
        if cut < 0.4:  # a truncated copy, or a copy with more text after it
            b = b[: rng.randrange(len(b) // 3, len(b) + 1)]
        elif cut < 0.6:
            b = b + " " + " ".join(rng.choice(_D_WORDS) for _ in range(rng.randrange(1, 30)))
        for x, y in ((a, b), (b, a)):
            for ends in (False, True):
                assert D._near_similarity_cut(x, y, ends) == D._near_similarity(x, y, ends)


# ------------------------------------------------------------- Rule.finding
def test_rule_finding_equals_the_dataclass_made_with_its_init():
    import dataclasses
    import pickle

    from garblint.lint.finding import Finding
    from garblint.rules.quotes import UnbalancedQuotes

    doc = Document("One line.\nThe “quote here.\n")
    f = UnbalancedQuotes().finding(doc, 14, 15, "m", [("x", True)], confidence=1.5, properties={"b": 1, "a": 2})
    g = Finding(**{fl.name: getattr(f, fl.name) for fl in dataclasses.fields(Finding)})
    assert f == g and hash(f) == hash(g) and repr(f) == repr(g)
    assert list(vars(g)) == [fl.name for fl in dataclasses.fields(Finding)]
    # (f's fingerprint is made when first read, above: its context is kept beside the fields)
    assert {k: v for k, v in vars(f).items() if k != "_fingerprint_of"} == vars(g)
    assert pickle.loads(pickle.dumps(f)) == f and f.confidence == 1.0 and f.properties == (("a", 2), ("b", 1))
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.code = "X"  # type: ignore[misc]


# ------------------------------------------------------------- names: word facts
_NAME_TOKENS = [
    "said", "the", "von", "van", "de", "of", "for", "may", "monday", "May", "Monday", "Farmers", "A", "I", "a",
    "2024", "1504-1511", "ade9ce93e6", "0D2F", "4AB", "3d", "well-known", "al-Nour", "van-Dyke", "de-la",
    "it's", "Quell's", "O'Brien", "US", "NATO", "McDonald", "Ada", "Ng", "x", "X", "Ab", "AB", "aB",
    "café", "Café", "Émile", "ßtraße", "İstanbul", "ǅemal", "K\u212a", "Inc", "Mr", "Dr", "Ms", "the's", "is",
    "DE", "VON", "MAY", "MONDAY", "THE", "WARRANTY", "OK",
]


@pytest.mark.parametrize("seed", range(30))
def test_add_facts_match_word_facts(seed):
    from garblint.rules import _mentions as M

    rng = random.Random(seed)
    toks = set(_NAME_TOKENS)
    for _ in range(200):
        t = "".join(rng.choice(_NAME_TOKENS) for _ in range(rng.randrange(1, 3)))
        toks.add(t)
        toks.add(t.capitalize())
        toks.add(t.lower())
    from garblint.rules import _mentionfacts as F

    # (and the tables the other way round: each form's tokens, in the order they were added)
    tables = (M._OPENS, M._INFO, F._LOW_OF, F._CAP_OF)  # (_OPENS a set)
    saved = [d.copy() for d in tables]
    try:
        for d in tables:
            d.clear()
        for t in toks:
            M._word_facts(t)
        expected = [d.copy() for d in tables]
        # (the forms the per-token tables _LOW and _CAP held before session 30)
        from tests.rules.names_reference import cap_form, low_form

        assert all(M._INFO[t][0] == cap_form(t) for t in toks)
        lows: dict[str, set[str]] = {}
        for t in toks:
            if low_form(t) is not None:
                lows.setdefault(low_form(t), set()).add(t)
        assert {f: set(F._tokens_of(v)) for f, v in F._LOW_OF.items()} == lows
        for d in tables:
            d.clear()
        M._add_facts(toks)
        assert [d.copy() for d in tables] == expected
    finally:
        for d, old in zip(tables, saved):
            d.clear()
            d.update(old)


# ------------------------------------------------------------- lexicon: cached word counts
def test_word_counts_cached_and_read_back(tmp_path, monkeypatch):
    from garblint.lint import lexicon as L

    with open(L._data_path(L.DICTIONARY), encoding="utf-8") as fh:
        expected = L.parse_counts(fh.read())
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(L, "_FREQS", None)
    built = L.frequencies()  # parsed, then written to the cache folder
    files = list(tmp_path.glob("counts-*.bin"))
    assert len(files) == 1
    monkeypatch.setattr(L, "_FREQS", None)
    read = L.frequencies()
    assert read is not built and list(read.items()) == list(built.items()) == list(expected.items())
    files[0].write_bytes(b"damaged")
    monkeypatch.setattr(L, "_FREQS", None)
    assert L.frequencies() == expected


# ------------------------------------------------------------- sentence segmentation
# the candidate pattern before the no-mark-before test moved after the first mark (a leading
# look-behind, tried at every position of the text)
_OLD_CANDIDATE = r"""(?<![.!?\u2026])(?P<term>[.!?\u2026]+)
        (?P<close>[\"'\u201d\u2019)\]\u00bb]*)
        (?P<ws>\s+)
        (?=(?P<next>\S))"""
_SEG_PIECES = [".", "..", "...", "!", "?", "\u2026", "!?", " ", "  ", "\n", "\t", '"', "'", "\u201d", ")", "]", "\u00bb",
               "a", "The", "U.S", "p.m", "x", "\u00a0", "Dr", "1"]


@pytest.mark.parametrize("seed", range(100))
def test_sentence_candidates_match_the_look_behind_pattern(seed):
    from garblint.lint import segment as SG

    old = re.compile(_OLD_CANDIDATE, re.VERBOSE)
    rng = random.Random(seed)
    for _ in range(40):
        t = "".join(rng.choice(_SEG_PIECES) for _ in range(rng.randrange(0, 40)))
        got = [(m.span(), m.span("term"), m.span("close"), m.span("ws"), m.group("next")) for m in SG._CANDIDATE.finditer(t)]
        want = [(m.span(), m.span("term"), m.span("close"), m.span("ws"), m.group("next")) for m in old.finditer(t)]
        assert got == want, t


# ------------------------------------------------------------- P001
_OLD_SPACE_BEFORE = (
    r"(?<=[^\s(\[{\u201c\u2018])"
    r"(?P<ws>[ \t\u00a0]+)"
    r"(?P<p>[,;!?](?![,;!?])|:(?![:\-]?[()\[\]DPp3/\\|]|:)|\.(?![.\d\w]))"
)
_P_PIECES = [" ", "  ", "\t", "\u00a0", "\n", ",", ";", ":", "!", "?", ".", "..", "a", "word", "(", "[", "{", "\u201c",
             "\u2018", ":)", ":-", "::", "3", "x", "\u201d"]


@pytest.mark.parametrize("seed", range(100))
def test_space_before_punctuation_matches_the_look_behind_pattern(seed):
    from garblint.rules import punctuation as PU

    old = re.compile(_OLD_SPACE_BEFORE)
    rng = random.Random(seed)
    for _ in range(40):
        t = "".join(rng.choice(_P_PIECES) for _ in range(rng.randrange(0, 40)))
        got = [(m.span(), m.span("ws"), m.group("p")) for m in PU._SPACE_BEFORE.finditer(t)]
        assert got == [(m.span(), m.span("ws"), m.group("p")) for m in old.finditer(t)], t
        # P001 tries the pattern only where the hint's marks are
        assert [(m.span(), m.span("ws"), m.group("p")) for m in PU._space_before_matches(t)] == got, t


# ------------------------------------------------ layout: code tokens in technical prose
from garblint.lint import inlinecode as LAY  # noqa: E402


@pytest.mark.parametrize("seed", range(100))
def test_code_tokens_tried_only_where_they_can_start(seed):
    rng = random.Random(seed)
    pieces = ["a", "b", "F", "g", "x", "Z", "0", "7", "\u00e9", "_", "#", "&"]
    pieces += list("\\{}[]<>|=~^`@*$%/(),.?!:;-\"'\u2018\u201c\u2019\u201d")
    pieces += [" ", " ", "\n", "\t", "\u00a0", "deadbeef", "0x1f", "abc", "--opt", "()", ",k"]
    for _ in range(40):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        old = [m.span() for m in LAY._CODE_IN_PROSE.finditer(t)]
        new = [m.span() for p in LAY._code_token_starts(t) if (m := LAY._CODE_IN_PROSE.match(t, p))]
        assert new == old, t


# ------------------------------------------------ page shape: indented lines counted
from garblint.rules import _pageshape as PS  # noqa: E402


@pytest.mark.parametrize("seed", range(100))
def test_indented_count_same_as_findall(seed):
    rng = random.Random(seed)
    pieces = ["a", "b", " ", " ", "   ", "\n", "\n ", "\n\t", "\t", "x y"]
    for _ in range(40):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        end = rng.randrange(0, len(t) + 2)
        n = len(PS._INDENTED.findall(t, 0, end))
        assert PS._indented(t, end, 10**6) == n, (t, end)
        lines = rng.randrange(1, 40)
        assert (PS._indented(t, end, lines) * 10 < lines) == (n * 10 < lines), (t, end, lines)


@pytest.mark.parametrize("seed", range(40))
def test_indented_count_with_failing_candidates(seed):
    """``_indented`` matches the pattern only at its candidates and skips a run of spaces whose
    candidate failed: runs of every length after a word, at a line's end, on a line of its own,
    after a line break (a line start inside no run), tabs, characters outside ASCII and beyond
    the BMP, an end inside a run."""
    rng = random.Random(seed)
    pieces = ["a", "B", " ", "  ", "   ", "    ", "        ", "\n", "\n ", "\n   ", "\n\t", "\t", " \t", "x y", "\u00e9", "\U0001f600", ".", "\n\n"]
    for _ in range(300):
        t = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 30)))
        end = rng.choice([len(t), rng.randrange(0, len(t) + 2)])
        n = len(PS._INDENTED.findall(t, 0, end))
        assert PS._indented(t, end, 10**6) == n, (t, end)
        lines = rng.randrange(1, 40)
        assert (PS._indented(t, end, lines) * 10 < lines) == (n * 10 < lines), (t, end, lines)


# ------------------------------------------------------------ S/O: markdown code spans
_MD_PIECES = ["`", "``", "```", "~~~", "~", "\n", "\r\n", "\r", " ", "\t", "code", "x", "\u00a0", "-"]


@pytest.mark.parametrize("seed", range(200))
def test_markdown_code_spans_same_as_finditer(seed):
    from garblint.rules import _lexcheck as X

    rng = random.Random(seed)
    text = "".join(rng.choice(_MD_PIECES) for _ in range(rng.randrange(0, 80)))
    assert [m.span() for m in X._md_code(text)] == [m.span() for m in X._MD_CODE.finditer(text)]


# ------------------------------------------------------------- P002
_P2_PIECES = ["a", "b", "Zed", "Q", "word", "é", "1", "_", ".", "!", "?", ",", ";", "\u201d", "\u2019", " ", "\n", "U.S.", "x;y"]


@pytest.mark.parametrize("seed", range(20))
def test_missing_space_matches_are_both_patterns_in_turn(seed):
    """P002 tries its two patterns only where their union (the hint) matches: the sentence
    pattern's matches, then the comma pattern's, as their own finditer gives them."""
    from garblint.rules import punctuation as PU

    rng = random.Random(seed)
    for _ in range(100):
        t = "".join(rng.choice(_P2_PIECES) for _ in range(rng.randrange(0, 30)))
        want = [(m.span(), m.group("p")) for rx in (PU._NO_SPACE_SENTENCE, PU._NO_SPACE_COMMA) for m in rx.finditer(t)]
        assert [(m.span(), m.group("p")) for m in PU._no_space_matches(t)] == want, t


@pytest.mark.parametrize("seed", range(30))
def test_stem_totals_of_the_asked_stems(seed):
    """G006 sums the document's words by stem only for the stems it asks about: the same totals
    as summing every distinct word, for those stems (words outside ASCII whose casefold is
    longer, "Straße", "ﬁnance", included)."""
    rng = random.Random(seed)
    pool = ["the", "The", "harbour", "Harbours", "harb", "STRASSE", "stra\u00dfe", "Stra\u00dfen", "\ufb01nance", "finances", "Ab", "\u0130stanbul", "istan", "x"]
    words = [rng.choice(pool) for _ in range(rng.randrange(0, 60))]
    counts = Counter(words)
    every: dict[str, int] = {}  # (the totals as G006 made them: a loop over every distinct word)
    for w, n in counts.items():
        every[ART._stem(w)] = every.get(ART._stem(w), 0) + n
    stems = {ART._stem(w) for w in rng.sample(pool, rng.randrange(0, len(pool)))} | {"zzzzz"}
    assert ART._stem_totals_of(counts, stems) == {k: n for k, n in every.items() if k in stems}
    # a candidate's own stems, counted by Counter over the stems made in C
    assert Counter(map(ART._FIRST5, map(str.casefold, words))) == every


def _old_verse_quote_continues(text: str, pos: int) -> bool:
    from garblint.rules._verse import _line_at, _verse_pair

    a = text.rfind("\n", 0, pos) + 1
    if text[a:pos].strip(" \t"):
        return False
    b = text.find("\n", pos)
    if b < 0:
        return False
    nxt = _line_at(text, b + 1)
    if nxt.lstrip(" \t")[:1] != text[pos]:
        return False
    return _verse_pair(_line_at(text, a), nxt)


@pytest.mark.parametrize("seed", range(10))
def test_verse_quote_continues_left_at_once_after_a_character(seed):
    """``verse_quote_continues`` answers no at once when the mark follows a character other
    than a blank or a line break: what reading its line back to the start answered."""
    from garblint.rules._verse import verse_quote_continues

    rng = random.Random(seed)
    pieces = ["\u201c", "'", '"', "Sing", "the", " ", "  ", "\t", "\n", "\r\n", "x", ".", "\u201d"]
    for _ in range(200):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 30)))
        for pos in range(len(text)):
            assert verse_quote_continues(text, pos) == _old_verse_quote_continues(text, pos), (text, pos)
