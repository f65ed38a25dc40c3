"""What the S/O word analysis (``_lexcheck._Analysis.run``) does with a word text, from the
text alone: its kind, kept for the process."""

from __future__ import annotations

from functools import lru_cache
from itertools import compress
from operator import not_

from ..lint import lexicon
from ._ocrscan import digit_word
from ._words import MAX_WORD, _known, accepted_form


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


def inert_compound(w: str) -> bool:
    """Whether ``_lexcheck._Analysis._compound_token`` leaves a word of kind _COMPOUND at once,
    as a token of its own outside OCR mode, whatever the document, its place and the config:
    too long; a word (or an accepted form) as written; an apostrophised word that is not
    lower-case at its start, or whose stem ``_inert_part`` leaves; a hyphenated word that is
    capitalised, or whose parts of four letters or more are each left by ``_inert_part`` (a
    number range "486-508" has none). ``_lexfacts`` keeps the answer (the INERT fact) for each
    word of a run; the token loop then skips the word's tokens, as it does inert _PLAIN words
    (``_lexcheck.inert_plain``)."""
    # (the answer is an OR of pure tests, asked cheapest first: the morphology of the whole
    # word, whose index look-ups cost several microseconds, only when the rest say no)
    if len(w) > 4 * MAX_WORD:
        return True
    w = w.replace("\u2019", "'").replace("\u02bc", "'").replace("\u2010", "-").replace("\u2011", "-")
    low = w.lower()
    if low in lexicon.counts():
        return True
    if "-" not in w:
        if not (w[:1].islower() and "'" in w):
            return True
        stem = low.split("'", 1)[0]
        return _inert_part(w[: len(stem)]) or accepted_form(low)
    if w[0].isupper() or all(_inert_part(p) for p in w.split("-") if len(p) >= 4 and p.isalpha()):
        return True
    return w.islower() and accepted_form(low)


def _inert_part(w: str) -> bool:
    """Whether ``_plain_token`` leaves a part of a compound word (``in_compound``) at once
    outside OCR mode, whatever the config: a word, too long, not lower-case (a capitalised
    part is never judged as a slip), too short or a word of the curated lists."""
    return w in lexicon.counts() or len(w) > MAX_WORD or not w.islower() or len(w) < 3 or _known(w)
