"""Garbage strings OCR invents from specks, rules and pictures (rmgarbage-style tests, O004)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, compress
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping

from ._words import accepted_form
from ..lint.lazyre import lazy_re
from ..lint.segment import nonspace_runs

_EDGE = "\"'()[]<>.,;:!?\u201c\u201d\u2018\u2019\u00ab\u00bb*_"
_STRONG_JUNK = "\u25a0\u25a1\u25aa\u25ab\u25cf\u25c6\u25c7\u2666\u00a4\u00a6\u00a8\u00ac\\{}<>^~`|\ufffc"
_RUN_JUNK = set(_STRONG_JUNK) | set("%&$@#*=+;")
# chunks worth a closer look: long ones, odd symbols, repeated letters, punctuation clusters
_GARBAGE_HINT = lazy_re(
    r"(?<!\S)(?:\S{41,}|[!?.,;:*=+%&#@$~^|\\]{3,}(?!\S)|\S*[\u2500-\u25ff\u00a4\u00a6\u00a8\u00ac\\{}<>^~`|%&$@#*=+;\ufffc]\S*|\S*([^\W\d_])\1{3}\S*|[b-df-hj-np-tv-xz]{6,}(?!\S))"
)
# The rare characters every _GARBAGE_HINT match has, one kind per alternative (garbage_hints).
_HINT_JUNK = lazy_re(r"[\u2500-\u25ff\u00a4\u00a6\u00a8\u00ac\\{}<>^~`|%&$@#*=+;\ufffc]")
_HINT_PUNCT = lazy_re(r"[!?.,:][!?.,:][!?.,:]")  # (written out: "{3}" makes re try every position)
_HINT_LONG = lazy_re(r"\s(?=\S{41})")
_HINT_LONG_AT_0 = lazy_re(r"\S{41}")
_HINT_RUN = lazy_re(r"\S*")
_HINT_WORD = lazy_re(r"([^\W\d_])\1{3}|[b-df-hj-np-tv-xz]{6}")
# _HINT_WORD's alternatives, for ``odd_indexes``: any four identical characters (each run of
# four or more has a match at its start: a class test at every position costs five times as
# much), then the run's letter test at the matches only; the six consonants
_SAME4 = lazy_re(r"(.)\1\1\1")
_LETTER4 = lazy_re(r"([^\W\d_])\1{3}")
_CONSONANTS6 = lazy_re(r"[b-df-hj-np-tv-xz]{6}")
_QUOTED_SYMBOL = lazy_re(
    '^["\u201c(]?[\'"\u2018\u201c][^\\s\\w\u2500-\u25ff\ufffc\'"\u2018\u2019\u201c\u201d]{1,3}[\'"\u2019\u201d]["\u201d)]?[.,;:!?)]*$'
)
_CODE_OPTION = lazy_re(r"^(?:--?[a-z][\w-]*(?:=\S*)?|[a-z_][\w.]*=\S+)$", re.I)
# a requirement with its version: "greenlet>=1.0", "PyPy>=7.3.7", "python~=3.10"
_VERSION_SPEC = lazy_re(r"^[A-Za-z][\w.-]*(?:[<>]=?|[=!~]=)\d[\w.*+-]*$")
_URLISH = lazy_re(r"://|^www\.|@\w+\.\w|^[#@][\w-]+$|^\w+(?:[./]\w+)+/?$")
_LEGIT_SYMBOLIC = lazy_re(
    r"^(?:[+\-\u2212\u00b1]?[A-Z]{0,3}[$£€¥]\d[\d.,]*(?:bn|m|k|tn|million|billion)?|[+\-\u2212\u00b1~]?\d[\d.,]*%|[A-Za-z]\+\+|\+?\d[\d\s-]*"
    r"|[A-Z]+&[A-Z]+|[\w.-]+&[\w.-]+|#\w+|@\w+|&|\d+[xX×]\d+|[-=*#~_+]{3,}|\*\*?[^*]+\*\*?|<-|->|=>|<=|>=|<|>|\||~\d.*|;|&amp;)$"
)


def garbage_hints(
    text: str, words: list[Any], word_texts: list[str], distinct: Iterable[str] | None = None, odd: set[str] | None = None
) -> Iterator["re.Match[str]"]:
    """``_GARBAGE_HINT.finditer(text)`` (the same matches), for a document's text and its word
    tokens and their texts (``Document.words``, ``Document.word_texts``).

    _GARBAGE_HINT begins with a look-behind, so ``finditer`` tries it at every position of the
    text (0.1 s on 200,000 words). Every match is a whole white-space delimited chunk (each
    alternative reads to the chunk's end or needs it there), which has one of: a junk mark; a
    run of three of "!?.,:" (a chunk of punctuation only, without junk marks); 41 characters or
    more; or a word with four identical letters or six consonants (four letters in a row are
    inside one word token). Those are found by scans that start at their rare characters, the
    words by one scan of the distinct word texts, and ``_GARBAGE_HINT.match`` at the start of
    each chunk holding one gives ``finditer``'s match there (tests/rules/test_fast_paths.py
    compares both on random text). ``distinct`` may give the distinct word texts
    (``Document.word_counts``) when the caller has them, or ``odd`` those of them that are
    ``_odd_word`` (``_lexfacts`` keeps that for every word of a run).
    """
    match = _GARBAGE_HINT.match
    for s in hint_starts(text, words, word_texts, distinct, odd):
        hit = match(text, s)
        if hit is not None:
            yield hit


def hint_starts(
    text: str,
    words: list[Any],
    word_texts: list[str],
    distinct: Iterable[str] | None = None,
    odd: set[str] | None = None,
    odd_starts: list[int] | None = None,
) -> list[int]:
    """Where ``garbage_hints`` tries ``_GARBAGE_HINT.match``, in order: white-space delimited
    chunk starts. A match there is the whole chunk, from the start to the next white space.
    ``odd_starts``: the starts of the tokens of the ``odd`` words, when the caller found them
    (``_lexcheck``'s token loop, by the map over every token it makes anyway)."""
    data = text.encode("utf-8", "surrogatepass")
    long_a, long_b = _long_chunks(text, data)  # the chunks of 41 characters or more: starts and ends
    starts = set(long_a)
    anchors = [m.start() for m in _HINT_JUNK.finditer(text)]
    anchors += _punct_runs(text, data)
    # each distinct word tested once, the answer kept for the process (a run of many files
    # meets the same words again; the back-reference makes the search slow)
    if odd is None:
        odd = set(filter(_odd_word, set(word_texts) if distinct is None else distinct))
    if odd_starts is not None:
        anchors += odd_starts
    elif odd:
        anchors += _token_starts(odd, text, words, word_texts)
    for p in anchors:
        if long_a:
            k = bisect_right(long_a, p) - 1
            if k >= 0 and p < long_b[k]:
                continue  # inside a long chunk, whose start is a candidate already
        while p > 0 and not text[p - 1].isspace():  # back to the chunk's start (under 41 characters)
            p -= 1
        starts.add(p)
    return sorted(starts)


#: up to this many distinct texts, ``_token_starts`` finds their tokens by ``str.find``
_FIND_TEXTS = 8
#: ... and up to this many places where one of them is written (inside other tokens too)
_FIND_PLACES = 4096


def _token_starts(texts: set[str], text: str, words: list[Any], word_texts: list[str]) -> list[int]:
    """The starts of the tokens whose text is in ``texts``, in any order. A few texts (say,
    the few words with four identical letters of a long document) are found by ``str.find``
    in the text, each place tested for a token of that text by bisection of the tokens,
    instead of a C-level map over every token's text (about 60 ns a token: 12 ms on 200,000
    words). Many texts, or a text written in many places, take the map."""
    if len(texts) <= _FIND_TEXTS:
        out: list[int] = []
        n = len(words)
        places = 0
        for w in texts:
            p = text.find(w)
            while p >= 0 and places < _FIND_PLACES:
                places += 1
                i = bisect_left(words, (p,))  # (the first token starting at p or later)
                if i < n and words[i][0] == p and words[i][2] == w:
                    out.append(p)
                p = text.find(w, p + 1)
            if p >= 0:
                break  # (too many places: the map)
        else:
            return out
    return [words[i][0] for i in compress(range(len(word_texts)), map(texts.__contains__, word_texts))]


def _long_chunks(text: str, data: bytes | None = None) -> tuple[list[int], list[int]]:
    """The starts and ends of the white-space delimited chunks of 41 characters or more: the
    positions ``_HINT_LONG_AT_0.match`` and ``_HINT_LONG.finditer`` give (as ``m.end()``), and
    ``_run_end`` of each.

    ``_HINT_LONG`` is tried at every white-space character of the text (10 ms on 200,000
    words). Here the text's UTF-8 bytes are mapped in C to a b"x" for every byte but ASCII white
    space, and runs of 41 b"x" found by ``bytes.find`` (``lint.segment.nonspace_runs``): a chunk
    of 41 characters or more is a run of as many bytes or more (a character takes one byte or more; white space outside ASCII
    is b"x" bytes too), so the regexes are asked only inside such runs (found in the text by
    their characters), where they give the same matches: a run ends at ASCII white space or
    the text's end, and starts after ASCII white space or at the text's start. About 3 ms on
    200,000 words; tests/rules/test_fast_paths.py compares with the regexes."""
    long_a: list[int] = []
    long_b: list[int] = []
    if data is None:  # (the caller may have the text's UTF-8 bytes, surrogates passed)
        data = text.encode("utf-8", "surrogatepass")
    for a, b in nonspace_runs(text, data, 41):
        if a == 0 and _HINT_LONG_AT_0.match(text):
            long_a.append(0)
            long_b.append(_run_end(text, 0))
        for m in _HINT_LONG.finditer(text, max(a - 1, 0), b):
            long_a.append(m.end())
            long_b.append(_run_end(text, m.end()))
    return long_a, long_b


#: b"p" for the bytes of "!?.,:" (_HINT_PUNCT's characters, all ASCII), b" " for any other
_PUNCT_BYTES = bytes(112 if chr(i) in "!?.,:" else 32 for i in range(256))


def _punct_runs(text: str, data: bytes) -> list[int]:
    """``[m.start() for m in _HINT_PUNCT.finditer(text)]``, ``data`` being the text's UTF-8
    bytes (surrogates passed): the runs of three of "!?.,:" found by ``bytes.find`` in the bytes
    mapped in C to b"p" for those characters (every other byte, of a character outside ASCII
    too, is b" "), from the end of the last one as ``finditer`` goes on. Their character
    offsets: the bytes' own in an ASCII text, else each counted by decoding the bytes before it
    from the last one (6 ms -> 1-2 ms on 200,000 words; tests/rules/test_fast_paths.py compares)."""
    marks = data.translate(_PUNCT_BYTES)
    p = marks.find(b"ppp")
    if p < 0:
        return []
    out = []
    as_is = len(data) == len(text)  # (ASCII: one byte a character)
    done_bytes = done_chars = 0
    while p >= 0:
        if as_is:
            out.append(p)
        else:
            done_chars += len(data[done_bytes:p].decode("utf-8", "surrogatepass"))
            done_bytes = p
            out.append(done_chars)
        p = marks.find(b"ppp", p + 3)
    return out


@lru_cache(maxsize=65536)
def _odd_word(w: str) -> bool:
    """A word with four identical letters or six consonants in a row (_HINT_WORD)."""
    return _HINT_WORD.search(w) is not None


def odd_indexes(words: list[str]) -> list[int]:
    """The indexes of the ``_odd_word`` words of ``words``, in order: found by scans of the
    words joined by newlines (no match of _HINT_WORD holds a newline, nor reads outside its own
    characters), not a search per word (about 1 us each: the back-reference; 10,000 words in
    10 ms). A word has a match of _HINT_WORD where it has one of either alternative: four
    identical letters (a run of four or more identical characters, found by _SAME4 at its
    start, whose character is a letter: _LETTER4 there) or six consonants (_CONSONANTS6); two
    scans without the letter class tried at every position take half the time of one with it.
    Words holding a newline themselves are asked one by one."""
    joined = "\n".join(words)
    if joined.count("\n") != len(words) - 1:
        return list(compress(range(len(words)), map(_odd_word, words)))
    letters = _LETTER4.match
    found = [m.start() for m in _SAME4.finditer(joined) if letters(joined, m.start())]
    found += [m.start() for m in _CONSONANTS6.finditer(joined)]
    if not found:
        return []
    starts = list(accumulate(map((1).__add__, map(len, words)), initial=0))
    return sorted({bisect_right(starts, p) - 1 for p in found})


@lru_cache(maxsize=65536)
def chunk_core(chunk: str) -> tuple[int, str] | None:
    """The core of a hinted chunk (``garbage_hints``) to judge, as (offset in the chunk, core):
    the chunk without its edge marks, or the whole chunk when it is mostly edge marks ("*;=:").
    None for a symbol cited in quotation marks ("'='", "'%'"). Kept for the process: the same
    chunks ("->", "&") come back in file after file."""
    if _QUOTED_SYMBOL.match(chunk):
        return None
    core = chunk.strip(_EDGE)
    if len(core) * 2 < len(chunk):
        return 0, chunk
    return len(chunk) - len(chunk.lstrip(_EDGE)), core


_REASONS: dict[tuple[str, bool, bool], str | None] = {}


def cached_garbage_reason(core: str, freqs: Mapping[str, int], at_line_start: bool, alone: bool) -> str | None:
    """``garbage_reason``, each (core, place) judged once per process: ``freqs`` must be the
    lexicon's counts (``lexicon.counts_for``: the same answers for every text)."""
    key = (core, at_line_start, alone)
    try:
        return _REASONS[key]
    except KeyError:
        pass
    if len(_REASONS) >= 65536:
        _REASONS.clear()
    reason = _REASONS[key] = garbage_reason(core, freqs, at_line_start=at_line_start, alone=alone)
    return reason


def _run_end(text: str, pos: int) -> int:
    """The end of the run of non-white-space characters from ``pos``."""
    m = _HINT_RUN.match(text, pos)
    return m.end() if m is not None else pos  # (always a match: "\S*" matches the empty string)


def _short(s: str) -> str:
    return s if len(s) <= 30 else s[:27] + "..."


_BRACKETED_LABEL = lazy_re(r"^\(\w{1,3}\)[.,;:!?]$")


def garbage_reason(core: str, freqs: Mapping[str, int], *, at_line_start: bool = True, alone: bool = True) -> str | None:
    """Why ``core`` (a white-space delimited chunk without edge punctuation) is garbage, or None.

    ``at_line_start``/``alone`` say where the chunk sits on its line: a bullet ("■") opens a
    line, a rule ("▪▪▪▪") stands alone on it; the same marks inside a sentence are specks.
    Only they read the place, and only to say None: a core that is no garbage in the middle of
    a line (both False) is none anywhere (``_lexcheck``'s O004 loop relies on it).
    """
    if len(core) > 40:
        if _URLISH.search(core) or "/" in core:
            return None
        parts = re.split(r"[-\u2010\u2011]", core)
        if all(p.isalpha() and len(p) < 25 for p in parts):
            return None  # a long hyphenated compound
        return "very long token"
    if _URLISH.search(core) or _LEGIT_SYMBOLIC.match(core) or _CODE_OPTION.match(core) or _VERSION_SPEC.match(core):
        return None
    if any(ch in _STRONG_JUNK or 0x2500 <= ord(ch) <= 0x25FF for ch in core):
        if core in ("<-", "->", "=>", "<=", ">=", "|", "<", ">", "~"):
            return None  # an arrow, a table bar, a comparison
        if len(set(core)) == 1 and (alone or (len(core) == 1 and at_line_start)):
            return None  # a separator line, a bullet
        return "stray symbols"
    # punctuation run: three or more symbols with two distinct junk marks
    run = []
    for ch in core + " ":
        if not ch.isalnum() and not ch.isspace():
            run.append(ch)
            continue
        if len(run) >= 3 and len({c for c in run if c in _RUN_JUNK}) >= 2:
            return "run of punctuation"
        run = []
    letters = sum(ch.isalpha() for ch in core)
    digits = sum(ch.isdigit() for ch in core)
    inner = core[1:-1]
    odd = [ch for ch in inner if not ch.isalnum() and ch not in "-'\u2019.,:/&+\u2010\u2011"]
    if letters and digits and odd:
        return "letters, digits and symbols mixed"
    if len(core) >= 4 and _BRACKETED_LABEL.match(core):
        return None  # a numbered item or a value in brackets before a stop: "(1);", "(a)."
    if len(core) >= 4:
        alnum = letters + digits
        if alnum * 2 < len(core) and len({c for c in core if not c.isalnum()}) >= 2:
            return "mostly punctuation"
    if core.isalpha():
        low = core.lower()
        if low in freqs:
            return None
        if re.search(r"([^\W\d_])\1{3}", low) and len(set(low)) > 2:
            if accepted_form(low):
                return None  # expressive lengthening: "Yessss", "Gooooal"
            return "four identical letters"
        if core.islower() and len(core) >= 6 and not any(v in low for v in "aeiouy"):
            return "no vowels"
    return None
