"""D001's near copies: blocking keys, the similarity of a candidate pair, and the numbers test.

``duplicates._paragraph_copies`` compares a paragraph only with the earlier ones that share a
blocking key (:func:`keys`), and keeps a pair whose rapidfuzz ratio reaches NEAR_RATIO (or
that is a truncated copy) and whose numbers agree (:func:`same_numbers`). The numbers test
comes last there, but it decides most candidate pairs of a text full of figures: the
per-paragraph facts of :func:`number_facts` let :func:`numbers_may_agree` rule out a pair in
a few operations before rapidfuzz is called.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from functools import lru_cache
from heapq import heapify, heappop
from itertools import accumulate
from math import ceil, floor
from typing import TYPE_CHECKING

from ..lint.lazyimport import lazy_module
from ..lint.lazyre import lazy_re
from ._charscan import _non_ascii

if TYPE_CHECKING:
    from rapidfuzz import fuzz
else:
    fuzz = lazy_module("rapidfuzz.fuzz")  # imported when first used

NEAR_RATIO = 90.0  # rapidfuzz ratio (0..100) on normalised text
TRUNCATED_MIN_SHARE = 0.5  # a truncated copy keeps at least half the text
SHINGLE = 4  # keys zips exactly four word lists: change both together
SKETCH = 3

_crc32 = zlib.crc32
_encode = str.encode
_join = b" ".join


_WORDISH = lazy_re(r"[^\W_]+(?:['\-][^\W_]+)*")
# The same pattern for ASCII text, where ``[^\W_]`` (str.isalnum) is exactly [A-Za-z0-9]: a
# plain character set that the regex engine tests faster than the Unicode class.
_WORDISH_ASCII = lazy_re(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")
# every byte but A-Z, a-z, 0-9, "'" and "-" made a space
_NOT_WORD = bytes(c if chr(c).isascii() and chr(c).isalnum() or chr(c) in "'-" else 32 for c in range(256))
# the same keeping the bytes from 0x80 up (of characters outside ASCII: see words_utf8)
_NOT_WORD_UTF8 = bytes(c if c >= 0x80 or chr(c).isalnum() or chr(c) in "'-" else 32 for c in range(256))


def words(norm: str) -> list[str]:
    """``_WORDISH.findall(norm)``: the words of a normalised text."""
    return (_WORDISH_ASCII if norm.isascii() else _WORDISH).findall(norm)


def words_utf8(norm: str) -> list[bytes]:
    r"""``[w.encode() for w in words(norm)]``, the form :func:`keys` reads.

    The text's UTF-8 bytes are split at every byte of a character that is no word character,
    by ``bytes.translate`` and ``split`` in C, instead of matched word by word; where it holds
    "'" or "-", those that join no two words are made spaces first (up to eight
    ``bytes.replace``, see below). Outside ASCII, ``[^\W_]`` is ``str.isalnum``: each distinct character outside
    ASCII that is not is replaced by a space first, and the bytes of the others (all 0x80 and
    up) are kept as word bytes. (The word pattern tried at every position of such a text cost
    about 450 instructions a character, ten times this.)
    """
    if norm.isascii():
        b = norm.encode().translate(_NOT_WORD)
    else:
        spaces = [ch for ch in set(_non_ascii(norm)) if not ch.isalnum()]
        if len(spaces) > 32:
            return list(map(_encode, _WORDISH.findall(norm)))  # (a replacement for each would cost more)
        for ch in spaces:
            norm = norm.replace(ch, " ")  # (a lone surrogate too: no surrogate is left to encode)
        b = norm.encode().translate(_NOT_WORD_UTF8)
    # (asked of the text: ``b"'" in b`` first tries its operand as an int, and the TypeError
    # it raises and clears costs some 900 instructions a test. The text holds "'" or "-" where
    # its bytes do: they are ASCII, kept by the translation, and no byte of a character outside
    # ASCII is one)
    quote, hyphen = "'" in norm, "-" in norm
    if quote or hyphen:
        # A "'" or "-" joins two words only between two letters or digits: each next to
        # another of the two, or to a space, is made a space too. After the first four
        # replacements no two of them stand together (a pair left would have been replaced
        # where its first character stood), so a space made by the next four is never next
        # to one; those at the ends are stripped. (A text with one of the two only skips the
        # five replacements of pairs holding the other: they would change nothing.)
        if not hyphen:
            b = b.replace(b"''", b"  ").replace(b" '", b"  ").replace(b"' ", b"  ")
        elif not quote:
            b = b.replace(b"--", b"  ").replace(b" -", b"  ").replace(b"- ", b"  ")
        else:
            b = b.replace(b"--", b"  ").replace(b"''", b"  ").replace(b"-'", b"  ").replace(b"'-", b"  ")
            b = b.replace(b" -", b"  ").replace(b" '", b"  ").replace(b"- ", b"  ").replace(b"' ", b"  ")
        return b.strip(b"'-").split()
    return b.split()


# a list item, never a duplicate worth reporting (``duplicates._paragraph_copies``)
_LIST_ITEM = lazy_re(r"^\s*(?:[-*\u2022\u2013]\s|\d{1,3}[.)]\s|[a-z][.)]\s)")
#: the characters other than white space and decimal digits (\s, \d) that _LIST_ITEM can start with
_LIST_OPENERS = frozenset("-*\u2022\u2013abcdefghijklmnopqrstuvwxyz")


def list_item(t: str) -> bool:
    """``_LIST_ITEM.match(t) is not None``, asked of the regex only when the first character
    can start a match (most paragraphs open with a capital letter or a quote)."""
    c = t[:1]
    return (c in _LIST_OPENERS or c.isspace() or c.isdecimal()) and _LIST_ITEM.match(t) is not None


#: characters outside ASCII that leave a paragraph's words as the Document reads them (see
#: word_count): NFKC keeps them, none is a word character, and only "\u2019" is a joiner,
#: which normalise makes "'", a joiner of _WORDISH
_COUNTABLE = "\u201c\u201d\u2019\u2013\u2014"


def word_count(doc, p) -> int | None:
    """``len(words_utf8(normalise(p.text)))`` for a paragraph ``p`` of ``doc`` whose characters
    outside ASCII are all in _COUNTABLE, from the Document's words (no word crosses a
    paragraph's edges; on such a text the Document's word pattern finds the same words as
    _WORDISH in its normalised form, where case, white space and quotes alone changed);
    None for any other paragraph."""
    t = p.text
    if not t.isascii() and _non_ascii(t).strip(_COUNTABLE):
        return None
    starts = doc.word_starts
    return bisect_left(starts, p.end) - bisect_left(starts, p.start)


def ends_sentence(t: str) -> bool:
    r"""``re.search(r"[.!?\u2026][\"'\u201d\u2019)]*$", t) is not None``, read from the end
    instead of trying the regex at every position (``$`` also matches before a final newline,
    hence the second test)."""
    u = t.rstrip("\"'\u201d\u2019)")
    if u and u[-1] in ".!?\u2026":
        return True
    if t.endswith("\n"):
        u = t[:-1].rstrip("\"'\u201d\u2019)")
        return bool(u) and u[-1] in ".!?\u2026"
    return False


#: each ASCII white space character (``str.isspace``: tab to carriage return, 0x1c-0x1f and the
#: space) made a space, A-Z made a-z (an ASCII text's ``casefold`` is its ``lower``)
_ASCII_FOLD = bytes(32 if chr(c).isspace() and c < 128 else c + 32 if 65 <= c <= 90 else c for c in range(256))


# two spaces or more (written as two and any more: the regex engine then looks for the two
# literal spaces in C, not for every single one)
_SPACES = lazy_re(rb"   *")


def fold_ascii(text: str) -> str:
    """``" ".join(text.split()).casefold()`` of an ASCII text, in C without a string for every
    word: its white space made spaces and its letters lower case by one ``bytes.translate``,
    each run of spaces made one, the ends stripped. (A hard-wrapped paragraph with two spaces
    after its full stops, or with indented lines, takes this way: a third less than the split.)"""
    return _SPACES.sub(b" ", text.encode().translate(_ASCII_FOLD)).strip(b" ").decode()


def keys(words: list[bytes]) -> list:
    """The blocking keys of a paragraph's words (``words_utf8``): its first and last SHINGLE
    words, and a bottom-SKETCH sketch of its word shingles."""
    hashes = list(map(_crc32, map(_join, zip(words, words[1:], words[2:], words[3:]))))
    out: list = [_join(words[:SHINGLE]), b" " + _join(words[-SHINGLE:])]
    if not hashes:
        return out
    heapify(hashes)
    h = heappop(hashes)
    out.append(h)
    while len(out) < 2 + SKETCH and hashes:
        g = heappop(hashes)
        if g != h:
            out.append(g)
            h = g
    return out


def length_range(lb: int) -> tuple[int, int]:
    """The lengths ``la`` of the texts a text of length ``lb`` may copy or be copied from,
    ``TRUNCATED_MIN_SHARE * lb <= la <= lb / TRUNCATED_MIN_SHARE``, as ints: a length is an
    int, so ``la < x`` is ``la < ceil(x)`` and ``la > x`` is ``la > floor(x)``, and the
    candidate loop compares ints (a comparison of an int with a float takes the interpreter's
    slow path, ten times the cost)."""
    return ceil(TRUNCATED_MIN_SHARE * lb), floor(lb / TRUNCATED_MIN_SHARE)


def summary(lb: int, la: int) -> bool:
    """Is a complete sentence of length ``lb`` a summary of a paragraph of length ``la``
    (too short for the ratio, and under 0.8 of it)? The test ``duplicates._paragraph_copies`` skips."""
    return lb < 0.8 * la and 200 * lb < NEAR_RATIO * (lb + la)


def summary_top(lb: int) -> int:
    """The greatest ``la`` with ``not summary(lb, la)``: ``summary`` is false and then true
    as ``la`` grows (a product with a positive constant rounds monotonically), so it holds
    exactly for the lengths above this one. Found by stepping from the exact rational bound
    (la > 1.25 lb for the first test), a step or two for float rounding."""
    la = lb + lb // 4
    while summary(lb, la):
        la -= 1
    while not summary(lb, la + 1):
        la += 1
    return la


@lru_cache(maxsize=4096)
def sentence_top(lb: int) -> int:
    """``min(length_range(lb)[1], summary_top(lb))``, the upper bound of the candidate loop for
    a paragraph that is a complete sentence, kept per length (a few Python calls each time)."""
    return min(length_range(lb)[1], summary_top(lb))


_NUMBER = lazy_re(r"\d+(?:[.,:]\d+)*")
_NUMBER_CHARS = "0123456789.,:"


def same_numbers(a: str, b: str, truncated: bool) -> bool:
    """Do two paragraphs hold the same numbers (a truncated copy: in the part both have)?"""
    if truncated:
        n = min(len(a), len(b))
        a, b = a[:n], b[:n]
        # a number cut in two at the end of the shorter copy is still the same number
        a, b = a.rstrip(_NUMBER_CHARS), b.rstrip(_NUMBER_CHARS)
    return sorted(_NUMBER.findall(a)) == sorted(_NUMBER.findall(b))


# _NUMBER as a split pattern (the numbers at the odd places, and from the pieces' lengths where
# each ends), written to open with a character set: the regex engine then skips to a digit in C
# instead of trying the pattern at every position. For ASCII text, where \d is [0-9], a plain
# set the engine tests faster.
_NUMBER_SPLIT = lazy_re(r"(\d\d*(?:[.,:]\d+)*)")
_NUMBER_SPLIT_ASCII = lazy_re(r"([0-9][0-9]*(?:[.,:][0-9]+)*)")
#: each ASCII digit made "0", every other byte a space (number_facts)
_DIGIT_MARKS = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))


def number_facts(norm: str) -> tuple[int, int, int, list[int] | None, list[int] | None]:
    """What :func:`numbers_may_agree` needs of a paragraph's numbers (``_NUMBER.findall``):
    the sum of their hashes; the count and hash sum of those of ``norm.rstrip(_NUMBER_CHARS)``
    (what ``same_numbers`` reads of a truncated pair's shorter text); the hash sums of the
    first 0, 1, 2 ... numbers and where each number ends, both None when the text holds a
    digit outside 0-9 (then the numbers of a prefix need not be first ones of the whole text:
    see numbers_may_agree).

    Equal lists of numbers have equal hash sums, whatever the order; unequal ones seldom do,
    and then the pair is only compared in full. (``hash`` of a string differs between runs,
    which changes which pairs a collision lets through, never the result.)
    """
    if norm.isascii():
        # Its digits found by bytes.translate and bytes.find (a few instructions a character,
        # where the pattern's scan for its character set costs some 75): no digit, no number;
        # else the pattern splits only the text from the first digit to the last (no number
        # starts before the first or ends after the last, and a match reads no character
        # past the one after it), and the ends are counted from the first digit on.
        z = norm.encode().translate(_DIGIT_MARKS)
        i = z.find(b"0")
        if i < 0:
            return 0, 0, 0, [0], []
        pieces = _NUMBER_SPLIT_ASCII.split(norm[i : z.rfind(b"0") + 1])
        sums = list(accumulate(map(hash, pieces[1::2]), initial=0))
        ends = list(accumulate(map(len, pieces), initial=i))[2::2]
        count = bisect_right(ends, len(norm.rstrip(_NUMBER_CHARS)))
        return sums[-1], count, sums[count], sums, ends
    # (\d matches every decimal digit, the ASCII pattern 0-9 only: the same numbers in a text
    # whose characters outside ASCII are no decimal digits, and the engine scans for a
    # character set in C where it tries the other pattern at every position)
    pieces = (_NUMBER_SPLIT_ASCII if not any(map(str.isdecimal, set(_non_ascii(norm)))) else _NUMBER_SPLIT).split(norm)
    vals = pieces[1::2]
    r = len(norm.rstrip(_NUMBER_CHARS))
    if len(vals) == 0:
        return 0, 0, 0, [0], []
    if not "".join(vals).isascii():
        short = _NUMBER.findall(norm[:r])
        return sum(map(hash, vals)), len(short), sum(map(hash, short)), None, None
    sums = list(accumulate(map(hash, vals), initial=0))
    ends = list(accumulate(map(len, pieces)))[1::2]
    count = bisect_right(ends, r)  # numbers_may_agree: the numbers of norm[:r] are the first ones
    return sums[-1], count, sums[count], sums, ends


def numbers_may_agree(a: str, b: str, fa: tuple, fb: tuple) -> bool:
    """False only when neither ``same_numbers(a, b, False)`` nor ``same_numbers(a, b, True)``
    holds, ``fa`` and ``fb`` being the ``number_facts`` of ``a`` and ``b``.

    Different numbers (different hash sums) leave only the truncated test. With ``n`` the
    shorter length, it reads the whole shorter text stripped (its count ``c`` and hash sum)
    against ``long[:n]`` stripped to some length ``r``. When every digit of the longer text is
    0-9, the numbers of ``long[:r]`` are exactly the whole text's numbers that end by ``r``:
    the text before ``r`` does not end in a digit or separator, so no number runs across
    ``r``, and a match of the regex never reads past the character after it. So they are its
    first ``k`` numbers, and they can equal the shorter text's only if ``k == c`` and their
    hash sum is ``sums[c]``.
    """
    if fa[0] == fb[0]:
        return True
    la, lb = len(a), len(b)
    short, long_, text = (fa, fb, b) if la <= lb else (fb, fa, a)
    sums = long_[3]
    if sums is None:
        return True
    c = short[1]
    if c >= len(sums) or sums[c] != short[2]:
        return False
    ends = long_[4]
    r = len(text[: min(la, lb)].rstrip(_NUMBER_CHARS))
    return (c == 0 or ends[c - 1] <= r) and (c == len(ends) or ends[c] > r)


def near_similarity(a: str, b: str, b_ends_sentence: bool) -> tuple[float, bool]:
    """``similarity(a, b)`` when the pair can be a copy that ``paragraph_copies`` keeps, else
    ``(0.0, False)``: rapidfuzz is called only where bounds cannot rule the pair out.

    ``paragraph_copies`` ignores a pair whose score is under NEAR_RATIO, and a truncated pair
    whose later paragraph ``b`` is a complete sentence under 0.8 of ``a``'s length. With ``n``,
    ``m`` the shorter and longer length and ``L`` the longest common subsequence:

    - ``ratio = 200 L / (n + m) <= 200 n / (n + m)``: when that bound is under NEAR_RATIO the
      full ratio is not computed (both sides are exact in floats for integer lengths);
    - the truncated score ``t = 100 L' / n`` with ``L' <= L`` (a prefix of the longer text has
      no longer common subsequence), so ``t <= ratio (n + m) / (2 n)``: when that is under 94
      (with a margin far above float error) ``t`` cannot reach NEAR_RATIO + 4.
    """
    la, lb = len(a), len(b)
    n, m = (la, lb) if la <= lb else (lb, la)
    score = None
    if 200 * n >= NEAR_RATIO * (n + m):
        score = fuzz.ratio(a, b)
        if score >= NEAR_RATIO:
            return score, False
    if n < TRUNCATED_MIN_SHARE * m:
        return 0.0, False
    if b_ends_sentence and lb < 0.8 * la:
        return 0.0, False  # a shorter complete sentence: the caller drops it as a summary
    if score is not None and score * (n + m) < (NEAR_RATIO + 4 - 1e-6) * 2 * n:
        return 0.0, False
    short, long_ = (a, b) if la <= lb else (b, a)
    t = fuzz.ratio(short, long_[:n])
    if t >= NEAR_RATIO + 4:
        return t, True
    return 0.0, False


# Scores asked of rapidfuzz with a cut-off a little under the one the test needs: rapidfuzz then
# bounds its work by the largest distance that can still reach the cut-off (0.0 below it), and
# the margin keeps a score on the very boundary (90.0) from being lost to float rounding.
_MARGIN = 1e-7


def near_similarity_cut(a: str, b: str, b_ends_sentence: bool) -> tuple[float, bool]:
    """``near_similarity(a, b, b_ends_sentence)``, with rapidfuzz told the least score that
    can still matter, so that it can stop early on the many pairs far apart.

    The full ratio matters when it reaches NEAR_RATIO or, if the pair may still be a truncated
    copy, when it reaches the bound ``(NEAR_RATIO + 4 - 1e-6) * 2 n / (n + m)`` under which
    near_similarity skips the truncated score; below the smaller of the two (0.0 from
    rapidfuzz) both tests fail just as they do for the exact score. The truncated score
    matters only from NEAR_RATIO + 4.
    """
    la, lb = len(a), len(b)
    n, m = (la, lb) if la <= lb else (lb, la)
    truncatable = not (n < TRUNCATED_MIN_SHARE * m) and not (b_ends_sentence and lb < 0.8 * la)
    if 200 * n >= NEAR_RATIO * (n + m):
        cut = NEAR_RATIO
        if truncatable:
            cut = min(cut, (NEAR_RATIO + 4 - 1e-6) * 2 * n / (n + m))
        score = fuzz.ratio(a, b, score_cutoff=cut - _MARGIN)
        if score >= NEAR_RATIO:
            return score, False
        if not truncatable or score * (n + m) < (NEAR_RATIO + 4 - 1e-6) * 2 * n:
            # (a score of 0.0 from rapidfuzz is under the cut-off, so under this bound too)
            return 0.0, False
    elif not truncatable:
        return 0.0, False
    short, long_ = (a, b) if la <= lb else (b, a)
    t = fuzz.ratio(short, long_[:n], score_cutoff=NEAR_RATIO + 4 - _MARGIN)
    if t >= NEAR_RATIO + 4:
        return t, True
    return 0.0, False


def similarity(a: str, b: str) -> tuple[float, bool]:
    """Similarity of two normalised paragraphs, and whether one is a truncated copy."""
    score = fuzz.ratio(a, b)
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if score < NEAR_RATIO and len(short) >= TRUNCATED_MIN_SHARE * len(long_):
        t = fuzz.ratio(short, long_[: len(short)])
        if t >= NEAR_RATIO + 4:
            return t, True
    return score, False
