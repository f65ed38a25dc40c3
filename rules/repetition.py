"""R: repeated words and machine-translation repetition loops."""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from itertools import filterfalse
from operator import itemgetter, methodcaller
from typing import Collection, Iterable

from ..lint.rule import Rule
from ..lint.vocab import read_list
from ..lint.wordlists import word_set
from ..lint.lazyre import lazy_re
from ..lint.markup import is_html, is_markdown, is_rst
from ._sentences import foreign_document
from ._techterms import technical_prose

# Doublings that English uses on purpose ("what he had had", "he said that that was fine").
LEGIT_DOUBLES = word_set("legit-doubles")
# "is is" is legitimate after a clause subject: "what it is is a failure".
_IS_IS_CONTEXT = word_set("is-is-subjects")
_GAP = lazy_re(r"[ \t]*(?:\r\n|\r|\n)?[ \t]*")
# Function words: their doubling is a slip in any genre ("the the", "to to", "is is").
_FUNCTION_WORDS = word_set("function-words")


def rendered_manual(doc) -> bool:
    """Is ``doc`` a manual page rendered to plain text (``man`` output): no Markdown,
    reStructuredText or HTML file, and three in five of its non-blank lines indented? Its
    placeholders lost their italics there, so "the key key" is a noun and its placeholder;
    markup or a flush-left README would set them apart."""
    if is_markdown(doc.path) or is_rst(doc.path) or is_html(doc.path):
        return False

    def build() -> bool:
        lines = [ln for ln in doc.source.splitlines() if ln.strip()]
        indented = sum(1 for ln in lines if ln[:1] in " \t")
        return len(lines) >= 5 and indented * 5 >= len(lines) * 3

    return doc.memo("repetition.rendered_manual", build)  # type: ignore[no-any-return]


def _glued(text: str, start: int, end: int) -> bool:
    """Is the pair part of a longer name: the first word joined to what comes before by "_",
    "." or "/" ("text_color color", "rotate_seconds seconds"), or the second to what follows
    by "_" or by "." and a letter or digit ("README README.mirrors")?"""
    if start > 0 and text[start - 1] in "_./":
        return True
    nxt = text[end : end + 2]
    return nxt[:1] == "_" or (nxt[:1] == "." and len(nxt) == 2 and nxt[1].isalnum())


@lru_cache(maxsize=8)
def _legit_doubles(files: tuple[str, ...]) -> frozenset[str]:
    """The built-in legit doubles plus the words of the user's ``legit-doubles`` files."""
    if not files:
        return LEGIT_DOUBLES
    return LEGIT_DOUBLES | frozenset(w.casefold() for f in files for w in read_list(f))


_DOUBLE = lazy_re(r"(?=(.)\1)", re.S)  # a word (character) the same as the next one


@lru_cache(maxsize=1)
def _low_bytes(chars: str) -> int:
    """The low byte of each character of ``chars`` (of its UTF-32 form), the first character's
    the lowest byte of one big integer: what _double_seconds and _triple_starts shift and XOR.
    Made once for a document's word characters, which R001 and R002 both scan."""
    return int.from_bytes(chars.encode("utf-32-le", "surrogatepass")[::4], "little")


def _double_seconds(chars: str) -> list[int]:
    """``[m.start() + 1 for m in _DOUBLE.finditer(chars)]``: the words equal to the word before
    them. As _triple_starts does for each size, in C: the low bytes of the characters as one
    big integer XORed with itself shifted by one byte are zero where two neighbours' low bytes
    are equal (``bytes.find``), and each such place is then compared in full."""
    n = len(chars)
    if n < _TRIPLE_SCAN_MAX:
        return [m.start() + 1 for m in _DOUBLE.finditer(chars)]
    x = _low_bytes(chars)
    z = (x ^ (x >> 8)).to_bytes(n, "little")
    out: list[int] = []
    p = z.find(0, 0, n - 1)
    while p >= 0:
        if chars[p] == chars[p + 1]:
            out.append(p + 1)
        p = z.find(0, p + 1, n - 1)
    return out


class RepeatedWord(Rule):
    """What it flags: the same word twice in a row ("the the", "vote vote").

    Why: a doubled word is the commonest slip of typing, and machine translation and
    paraphrasing leave it where they splice phrases. Editors miss it because the eye reads
    past the second copy.

    Example: "abstaining from the vote vote decision" -> "abstaining from the vote decision".

    Fix: deletes the second copy. Safe when both copies are identical lower-case words, since
    deliberate doublings ("had had", "that that", "what it is is") are not flagged; unsafe
    when case differs, since a capitalised repeat may be a name ("Walla Walla"). In a manual
    page rendered to plain text only function words count: it lost its italics and writes a
    noun then its placeholder ("the key key", "to file FILE"); a word joined to a name
    ("text_color color") is no doubling.
    """

    code = "R001"
    splittable = True  # looks within one paragraph at a time
    name = "repeated-word"
    category = "repetition"
    severity = "warning"
    fix_priority = 10

    def __init__(self) -> None:
        super().__init__()
        _R001_MADE[0] = True  # (its check makes word_chars: see chars_expected)

    def check(self, doc, config):
        if foreign_document(doc):
            return  # not an English document (see _sentences.foreign_document)
        words = doc.words
        text = doc.text
        n = len(words)
        legit = _legit_doubles(tuple(config["legit-doubles"]))
        chars = word_chars(doc)
        # the words equal to the word before them (casefolded), found in C on one character
        # per word: the same positions, in the same order, as testing every word
        pairs: Iterable[int] = _double_seconds(chars) if isinstance(chars, str) else range(1, n)
        for i in pairs:
            a, b = words[i - 1], words[i]
            low = a.text.casefold()
            if low != b.text.casefold():
                continue
            # A word said three or more times in a row is R002's loop, reported once there.
            if (i >= 2 and words[i - 2].text.casefold() == low) or (i + 1 < n and words[i + 1].text.casefold() == low):
                continue
            if not low.isalpha() or low in legit:
                continue
            gap = text[a.end : b.start]
            if not gap or _GAP.fullmatch(gap) is None:
                continue
            if low == "is" and i >= 2 and words[i - 2].text.casefold() in _IS_IS_CONTEXT:
                continue
            if a.text[:1].isupper() and b.text[:1].isupper() and a.text != a.text.upper():
                # Reduplicated names ("Bora Bora", "Sirhan Sirhan") are capitalised twice.
                continue
            if len(a.text) > 1 and a.text.isupper() and b.text.islower() and technical_prose(doc):
                continue  # "read up to BYTES bytes": a manual's placeholder, then what it counts
            if _glued(text, a.start, b.end):
                continue  # "text_color color", "get README README.mirrors": part of a name
            if low not in _FUNCTION_WORDS and technical_prose(doc) and rendered_manual(doc):
                continue  # "the key key", "from string string", "protocol PROTOCOL": a noun then its placeholder
            safe = a.text == b.text and a.text.islower() and gap == " "
            yield self.finding(
                doc,
                a.start,
                b.end,
                f"repeated word '{a.text}'",
                [(a.text, safe)],
                confidence=0.9 if low not in ("is", "do") else 0.7,
            )


# --------------------------------------------------------------- R002 loops
# Single words said three times on purpose ("no no no", "ha ha ha", "very very very").
LEGIT_TRIPLES = LEGIT_DOUBLES | word_set("legit-triples")
# Two-word idioms of going on ("on and on and on", "over and over and over").
LEGIT_PAIR_LOOPS = frozenset(
    (a, "and") if k else ("and", a) for a in ("on", "over", "again", "round", "more", "around") for k in (0, 1)
)
MAX_PHRASE = 12
# Copies separated by punctuation are a loop only for long phrases or many copies: a chant
# ("lock the gates, lock the gates, lock the gates") is short and said three times. Four
# copies of a short phrase are a loop outside quotation marks ("of Oslo, Oslo, Oslo, Oslo");
# inside them (speech, chants) RepetitionLoop asks for QUOTED_MIN_COPIES.
COMMA_MIN_WORDS = 4
COMMA_MIN_COPIES = 4
QUOTED_MIN_COPIES = 5
_LOOP_GAP = lazy_re(r"[ \t]+|[ \t]*(?:\r\n|\r|\n)[ \t]*")
# Copies joined by a comma, semicolon, full stop or dash, each perhaps with a line break after
# it ("Oslo, Oslo, Oslo", "Oslo.\nOslo.\nOslo."): a loop's punctuated form. (Not colons, bars
# and slashes: log lines, table cells and paths repeat on purpose.)
_COMMA_GAP = lazy_re(r"[ \t]*(?:[,;.\u2013\u2014]|-(?=[ \t\r\n]))[ \t]*(?:(?:\r\n|\r|\n)[ \t]*)?")
WS, COMMA, OTHER = 0, 1, 2


def word_chars(doc) -> str | list[int]:
    """``_word_chars(doc.words)``, once per document (R001 and R002 read it)."""
    return doc.memo("repetition.chars", lambda: _word_chars_gen(doc.words, doc.word_texts, doc.word_counts))[0]


def word_pairs(doc, firsts: frozenset[str], seconds: frozenset[str]) -> list[int] | None:
    """The word indexes ``i`` whose text is in ``firsts`` and the next word's in ``seconds``
    (what testing every word gives), found by a regex over the characters ``word_chars`` made
    for the document (R001 made them before T001 asks): candidates by casefolded word, in C,
    then each tested as the old loop did. None when the document has no such characters, or
    they are no longer those of the process' table (another document emptied it since)."""
    table = word_char_table(doc)
    if table is None:
        return None
    chars, char_of = table
    present = doc.word_counts
    a = "".join({char_of[t] for t in firsts.intersection(present)})
    b = "".join({char_of[t] for t in seconds.intersection(present)})
    if not a or not b:
        return []
    texts = doc.word_texts
    found = re.finditer(f"[{re.escape(a)}](?=[{re.escape(b)}])", chars)
    return [i for i in map(_match_start, found) if texts[i] in firsts and texts[i + 1] in seconds]


_match_start = methodcaller("start")


#: [True] once an R001 rule was made in this process (the runner makes the selected rules once)
_R001_MADE = [False]


def chars_expected(doc) -> bool:
    """Whether R001 makes ``word_chars`` for ``doc`` in this run (an R001 rule was made in this
    process, and the document is in English: R001's own test), so that a pass before it may
    make them in its stead at no extra cost (rules/_wordindex.py)."""
    return _R001_MADE[0] and not foreign_document(doc)


def word_char_table(doc) -> tuple[str, dict[str, str]] | None:
    """The characters ``word_chars`` made for the document (R001 made them) and the table of
    each word text's character they come from (every word of the document is in it), or None
    when the document has no such characters, or they are no longer the table's (another
    document emptied it since) or not a string."""
    if not doc.memoised("repetition.chars"):
        return None
    chars, gen = doc.memo("repetition.chars", lambda: _word_chars_gen(doc.words, doc.word_texts, doc.word_counts))
    if gen != _TABLE_GEN[0] or not isinstance(chars, str):
        return None
    return chars, _CHAR_OF


#: word text -> its character in _word_chars, kept for the whole process (the same character
#: for the same casefolded word): a word is casefolded once, not once per document
_CHAR_OF: dict[str, str] = {}
#: casefolded word -> its character (the characters are numbered in the order words come)
_FOLD_CHAR: dict[str, str] = {}
_CHARS_MAX = 200_000  # distinct words kept; a document with more numbers its own
#: how many times the table was emptied (or passed over by a document that numbers its own):
#: characters made at one count are the table's as long as the count stays
_TABLE_GEN = [0]


def _word_chars(words, texts: list[str] | None = None) -> str | list[int]:
    return _word_chars_gen(words, texts)[0]


def _word_chars_gen(words, texts: list[str] | None = None, distinct: Iterable[str] | None = None) -> tuple[str | list[int], int]:
    """One character per word, the same character exactly for the same casefolded word.

    Comparing two characters of this string answers ``a.casefold() == b.casefold()`` for the
    two words, and a regex can then scan word sequences in C (see _TRIPLE). The characters
    come from a table kept across documents (only words the process has not seen before are
    casefolded); which character a word gets differs from document to document, but equal
    characters still mean exactly equal casefolded words. A document with more distinct
    words than the table holds numbers its own (_doc_word_chars). ``distinct``: the texts'
    distinct words, if known (``doc.word_counts``: the words not in the table are then picked
    out of those, without a set of every word's text).
    """
    if texts is None:
        texts = list(map(itemgetter(2), words))
    char_of = _CHAR_OF
    new: Collection[str] = list(filterfalse(char_of.__contains__, distinct)) if distinct is not None else set(texts).difference(char_of)
    if new:
        fold_char = _FOLD_CHAR
        if len(char_of) + len(new) > _CHARS_MAX:
            char_of.clear()
            fold_char.clear()
            _TABLE_GEN[0] += 1
            new = set(texts)
            if len(new) > _CHARS_MAX:
                _TABLE_GEN[0] += 1  # (these characters are not the table's)
                return _doc_word_chars(texts), _TABLE_GEN[0] - 1
        get = fold_char.get
        for t in new:
            f = t.casefold()
            c = get(f)
            if c is None:
                c = fold_char[f] = chr(len(fold_char))
            char_of[t] = c
    # (itemgetter's one call looks every text up in C, with fewer instructions a text than a
    # call of the table's __getitem__ mapped over them)
    return "".join(itemgetter(*texts)(char_of) if len(texts) > 1 else map(char_of.__getitem__, texts)), _TABLE_GEN[0]


def _doc_word_chars(texts: list[str]) -> str | list[int]:
    """_word_chars numbered for one document alone; with more distinct words than there are
    characters (over a million), a list of word numbers instead."""
    ids: dict[str, int] = {}
    id_of = {t: ids.setdefault(t.casefold(), len(ids)) for t in dict.fromkeys(texts)}
    if len(ids) > sys.maxunicode:
        return list(map(id_of.__getitem__, texts))
    char_of = {t: chr(i) for t, i in id_of.items()}
    return "".join(map(char_of.__getitem__, texts))


# A position i whose first ``size`` words come back right after them, followed by the first
# word again, for some size up to MAX_PHRASE (``chars[i:i + size] == chars[i + size:i + 2 *
# size]`` and ``chars[i + 2 * size] == chars[i]``): what a start of three copies must pass.
# Every position is tried: its word is taken, then the looser test that it comes back within
# MAX_PHRASE words (a greedy repeat that backtracks: most positions fail there), then the
# sizes, the words between the copies captured and asked again (\\2).
_TRIPLE = lazy_re("(.)(?=.{0,%d}\\1)(?=(.{0,%d}?)\\1\\2\\1)" % (MAX_PHRASE - 1, MAX_PHRASE - 1), re.S)


#: a text of fewer words than this is scanned by _TRIPLE itself (_triple_starts' set-up costs more)
_TRIPLE_SCAN_MAX = 64


def _triple_starts(chars: str) -> list[int]:
    """``[m.start() for m in _TRIPLE.finditer(chars)]``: the positions ``i`` with, for some
    ``size`` up to MAX_PHRASE, ``chars[k] == chars[k + size]`` for every ``k`` from ``i`` to
    ``i + size`` (the first copy's words come back right after it, then its first word again).

    _TRIPLE tried at every position costs about 100 ns a word. Here, in C, each size compares
    the whole text with itself shifted by ``size`` at once: the low byte of every character (of
    its UTF-32 form) as one big integer, XORed with itself shifted ``size`` bytes, has a zero
    byte wherever the two low bytes are equal, so every start of that size lies in a run of
    ``size + 1`` zero bytes (``bytes.find``). Equal low bytes of different characters only add
    candidates: each candidate is then asked of _TRIPLE itself, at that position alone.
    """
    n = len(chars)
    if n < _TRIPLE_SCAN_MAX:
        return [m.start() for m in _TRIPLE.finditer(chars)]
    x = _low_bytes(chars)
    cands: list[int] = []
    for size in range(1, MAX_PHRASE + 1):
        z = (x ^ (x >> (8 * size))).to_bytes(n, "little")
        need = b"\x00" * (size + 1)
        p = z.find(need)
        while p >= 0:
            q = p + size + 1  # (the run of zero bytes from p, to its end)
            while q < n and z[q] == 0:
                q += 1
            cands.extend(range(p, q - size))
            p = z.find(need, q)
    match = _TRIPLE.match
    return [i for i in sorted(set(cands)) if match(chars, i)]


class _Gaps(dict):
    """``gaps[i]``: how word ``i`` follows word ``i - 1`` (WS, COMMA or OTHER), worked out when
    first asked (the loop search only asks around loop candidates) and kept: a dict whose
    ``__missing__`` classifies, so asking again is a plain dict lookup."""

    def __init__(self, words, text: str) -> None:
        super().__init__()
        self.words, self.text = words, text

    def __missing__(self, i: int) -> int:
        if i == 0:
            g = OTHER
        else:
            gap = self.text[self.words[i - 1].end : self.words[i].start]
            g = _GAP_KINDS.get(gap)
            if g is None:
                g = _gap_kind(gap)
        self[i] = g
        return g


def _gap_kind(gap: str) -> int:
    kind = _GAP_KINDS.get(gap)
    if kind is None:
        kind = WS if _LOOP_GAP.fullmatch(gap) else COMMA if _COMMA_GAP.fullmatch(gap) else OTHER
        if len(gap) <= 4 and len(_GAP_KINDS) < 4096:
            _GAP_KINDS[gap] = kind  # (short gaps come back: " ", ", ", ". ")
    return kind


#: gap -> its kind (_gap_kind), for the short gaps met so far in the process
_GAP_KINDS: dict[str, int] = {}


class _NextBreak(dict):
    """``next_break[i]``: the first word after word ``i`` that does not follow on white space
    only (``n`` when there is none), worked out when first asked. ``ws_run[i] >= size - 1`` of
    the old scan is ``next_break[i] >= i + size``; every word walked over gets the same answer,
    so each is walked over once in all."""

    def __init__(self, gaps: _Gaps, n: int) -> None:
        super().__init__()
        self.gaps, self.n = gaps, n

    def __missing__(self, i: int) -> int:
        gaps, n = self.gaps, self.n
        j = i + 1
        while j < n and gaps[j] == WS:
            known = self.get(j)
            if known is not None:
                result = known
                break
            j += 1
        else:
            result = j
        for k in range(i, j):
            self[k] = result
        return result


def repetition_loops(doc) -> list[tuple[int, int, int]]:
    """Runs of a word or phrase repeated 3+ times in a row: (first word, phrase length, copies).

    Linear in the text. Words inside a copy are joined by white space; copies by white space,
    or by commas when the phrase is long or repeated many times ("No, no, no!" is speech, not
    a loop).

    This was one Python pass over all words per phrase length; it is the same search, made
    fast: the phrase lengths are still tried from MAX_PHRASE down, and at each length the
    positions in increasing order, but only positions that pass the first test (the word comes
    back ``size`` and ``2 * size`` words later) are visited, and of those only the starts that
    pass it for some length with the words of the first copy repeated in the second: all are
    found at once in C on one character per word (_triple_starts). A position that is no start of
    three copies (``_count`` under 3, with or without commas) only moved the old scan on by
    one word, so skipping it changes nothing; the jumps after a visited position are kept
    (``next_i``). Each length visits only the starts that
    pass its own first test (_starts_by_size). White-space gaps are classified only where
    looked at (_Gaps), and ``ws_run[i] >= size - 1`` became the same test on _NextBreak.
    tests/rules/test_repetition_fast.py compares it with the search before that.
    Its findings on generated loops are in the golden snapshot (``tests/golden.py``).
    """
    return doc.memo("repetition.loops", lambda: _repetition_loops(doc))


def _repetition_loops(doc) -> list[tuple[int, int, int]]:
    words = doc.words
    n = len(words)
    chars = word_chars(doc)
    by_size: dict[int, list[int]]
    if isinstance(chars, str):
        starts: Iterable[int] = _triple_starts(chars)
        if not starts:
            return []
        by_size = _starts_by_size(chars, starts)
    else:
        starts = range(n)  # (no string to scan: every position gets the first test)
        by_size = {size: [i for i in range(n - 3 * size + 1) if chars[i] == chars[i + size] == chars[i + 2 * size]] for size in range(1, MAX_PHRASE + 1)}
    gaps: _Gaps | list[int]
    next_break: _NextBreak | list[int]
    if len(starts) * 4 < n:
        gaps = _Gaps(words, doc.text)
        next_break = _NextBreak(gaps, n)
    else:
        # Most words start a candidate (a text of repeats): every gap will be asked about,
        # and plain lists, filled in one pass each, are then cheaper than the lazy forms.
        gaps = [OTHER] + [_gap_kind(doc.text[words[i - 1].end : words[i].start]) for i in range(1, n)]
        next_break = [n] * (n + 1)
        for i in range(n - 2, -1, -1):
            next_break[i] = next_break[i + 1] if gaps[i + 1] == WS else i + 1
    found: list[tuple[int, int, int]] = []
    taken = bytearray(n)
    for size in range(MAX_PHRASE, 0, -1):
        next_i = 0  # where the old scan would be after its last jump
        for i in by_size.get(size, ()):
            if i < next_i:
                continue
            if next_break[i] < i + size:
                continue  # the phrase's own words must be joined by white space
            copies = _count(chars, gaps, i, size, False)
            if copies < 3:
                c = _count(chars, gaps, i, size, True)
                if c >= 3 and (size >= COMMA_MIN_WORDS or c >= COMMA_MIN_COPIES):
                    copies = c
            if copies >= 3 and taken.find(1, i, i + copies * size) < 0:
                phrase = [w.text.casefold() for w in words[i : i + size]]
                if (
                    not (size == 1 and (phrase[0] in LEGIT_TRIPLES or not phrase[0].isalpha()))
                    and not (size == 2 and tuple(phrase) in LEGIT_PAIR_LOOPS)
                    and _minimal(phrase)
                ):
                    found.append((i, size, copies))
                    taken[i : i + copies * size] = b"\x01" * (copies * size)
                    next_i = i + copies * size
                    continue
            next_i = i + max(1, (copies - 2) * size)
    found.sort()
    return found


def _starts_by_size(chars: str, starts: list[int]) -> dict[int, list[int]]:
    """For each phrase size, the positions of ``starts`` (in order) whose word comes back
    ``size`` and ``2 * size`` words later, with room for three copies (``i + 3 * size <= n``):
    the positions the old scan at that size did more than pass over. Each start's word is
    looked for (``str.find``) only within MAX_PHRASE words after it, where it comes back."""
    n = len(chars)
    by_size: dict[int, list[int]] = {}
    for i in starts:
        c = chars[i]
        stop = i + MAX_PHRASE + 1
        j = chars.find(c, i + 1, stop)
        while j >= 0:
            size = j - i
            if i + 3 * size > n:
                break
            if chars[j + size] == c:
                by_size.setdefault(size, []).append(i)
            j = chars.find(c, j + 1, stop)
    return by_size


def _count(low, gaps, i: int, size: int, comma: bool) -> int:
    n = len(low)
    copies = 1
    while i + (copies + 1) * size <= n and _same(low, gaps, i, copies * size, size, comma):
        copies += 1
    return copies


def _same(low, gaps, i: int, offset: int, size: int, comma: bool) -> bool:
    j = i + offset
    if not (gaps[j] == WS or (comma and gaps[j] == COMMA)):
        return False
    for k in range(size):
        if low[i + k] != low[j + k]:
            return False
        if k and gaps[j + k] != WS:
            return False
    return True


def _minimal(phrase: list[str]) -> bool:
    """A phrase that is not itself a smaller phrase repeated ("a b a b" is "a b" twice)."""
    n = len(phrase)
    for d in range(1, n):
        if n % d == 0 and phrase == phrase[:d] * (n // d):
            return False
    return True


_OPENERS = "\u201c\u00ab\u2018"
_CLOSERS = "\u201d\u00bb\u2019"
_SINGLE_CLOSE = lazy_re("\u2019(?![^\\W\\d_])")


def _in_quotation(doc, pos: int) -> bool:
    """Is ``pos`` inside a quotation opened earlier in its paragraph (curly marks, guillemets,
    or an odd number of straight double quotes before it)?"""
    pi = doc.paragraph_at(pos)
    if pi is None:
        return False
    before = doc.text[doc.paragraphs[pi].start : pos]
    if before.count('"') % 2:
        return True
    opened = max(before.rfind(c) for c in _OPENERS[:2])
    closed = max(before.rfind(c) for c in _CLOSERS[:2])
    if opened > closed:
        return True
    single = before.rfind(_OPENERS[2])
    if single < 0:
        return False
    # a closing single mark after it is one not followed by a letter ("’s" is an apostrophe)
    return _SINGLE_CLOSE.search(before, single) is None


class RepetitionLoop(Rule):
    """What it flags: a word or phrase repeated three or more times in a row ("the new parking rules the new parking rules the new parking rules").

    Why: weak machine translation and text generators fall into loops and emit the same words
    over and over; the loop replaces whatever the source said. Copies may be joined by
    punctuation or line breaks ("at the University of Oslo, Oslo, Oslo, Oslo"): a short
    phrase needs four such copies (five inside quotation marks), a phrase of four words or
    more three. Cries and chants ("No, no, no!", "Location, location, location") and sung
    words ("la la la", "ha ha ha") are speech and are left alone.

    Example: "sales of the new phone the new phone the new phone rose" -> "sales of the new phone rose".

    Fix: keeps one copy. Unsafe: the source may have said the phrase twice, or something else
    entirely that the loop replaced.
    """

    code = "R002"
    name = "repetition-loop"
    category = "repetition"
    severity = "warning"
    fix_priority = 9
    family_cost = 1.5

    def check(self, doc, config):
        words = doc.words
        text = doc.text
        for i, size, copies in repetition_loops(doc):
            start = words[i].start
            first_end = words[i + size - 1].end
            end = words[i + copies * size - 1].end
            phrase = text[start:first_end]
            if size < COMMA_MIN_WORDS and copies < QUOTED_MIN_COPIES and _in_quotation(doc, start):
                if text[first_end : words[i + size].start].strip():
                    continue  # a short chant or cry in a quotation: "“Oslo, Oslo, Oslo, Oslo!”"
            yield self.finding(
                doc,
                start,
                end,
                f"'{phrase}' repeated {copies} times in a row",
                [(phrase, False)],
                confidence=0.9 if size > 1 or copies > 3 else 0.8,
            )
