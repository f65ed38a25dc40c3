"""What the S/O word analysis (``_lexcheck._Analysis.run``) does with a word text, from the
text alone: its kind, kept for the process."""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import not_

from ..lint import lexicon
from ._ocrscan import digit_word


_SKIP, _DIGITS, _COMPOUND, _PLAIN = 0, 1, 2, 3


@lru_cache(maxsize=65536)
def _token_kind(w: str) -> int:
    """What the analysis does with a word token, from its text alone: _SKIP a word of the
    lexicon, a capitalised one ("The": _plain_token's first test) or a number (no letters for
    the digit test to read); _DIGITS a word with digits the digit test reads
    (``_ocrscan.digit_word``); _COMPOUND a hyphenated or apostrophised word; _PLAIN letters
    only. Kept for the process: a run of many files meets the same words again (and a text of
    few words looks the lexicon up in a mapped file, not a dict)."""
    freqs = lexicon.counts()
    if w in freqs:
        return _SKIP
    if w.isalpha():
        return _SKIP if not w.islower() and w.lower() in freqs else _PLAIN
    if w.isdigit():
        return _SKIP
    kind = digit_word(w)
    if kind:
        return _DIGITS if kind == 2 else _SKIP
    return _COMPOUND


def kinds_of_new(new: list[str]) -> list[int]:
    """``_token_kind`` of each of the word texts ``new`` (the words a process meets for the
    first time: ``_lexfacts`` keeps the answers). Where the lexicon's counts are the dict, its
    words are found in C first (_SKIP), and each other word is sorted out by ``_token_kind``'s
    tests in one loop, without its cache (``_lexfacts`` keeps the answers): a word with a
    hyphen that is no word of letters is _COMPOUND without the digit test, which says 0 to it
    (tests/rules/test_lexicon_fast_paths.py compares with _token_kind of every word)."""
    freqs = lexicon.counts()
    if type(freqs) is not dict:
        return list(map(_token_kind, new))
    out = [_SKIP] * len(new)
    shape = digit_word.__wrapped__  # type: ignore[attr-defined]
    for i in compress(range(len(new)), map(not_, map(freqs.__contains__, new))):
        w = new[i]
        if w.isalpha():
            if w.islower() or w.lower() not in freqs:
                out[i] = _PLAIN
        elif "-" in w:
            out[i] = _COMPOUND
        elif not w.isdigit():
            kind = shape(w)
            if kind != 1:
                out[i] = _DIGITS if kind else _COMPOUND
    return out
