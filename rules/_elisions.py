"""Apostrophes that open no quotation: the letters speech drops at a word's start, marked
by an apostrophe ("'specially", "'Sdeath", "it 'ud be", "'Twould", "so 'a do seem"); Q001
asks ``elided_start`` of an opening single mark that is never closed."""

from __future__ import annotations

from functools import lru_cache

from ..lint.lazyre import lazy_re
from ..lint.wordlists import word_list

_LOWER_WORD = lazy_re(r"[a-z]{3,}\b")
_OATH_WORD = lazy_re(r"[Ss][a-z]{3,}\b")
# the first letters speech drops and an apostrophe marks: 'specially, 'cept, 'fore, 'most,
# 'pinion; "en", "in", "as" only where the clipped word is no word itself ('ticing)
_DROPPED_ONSETS = ("e", "a", "be", "ex", "al", "o")
_DROPPED_SYLLABLES = ("en", "in", "as", "ac", "ap", "at")
# an auxiliary or pronoun clipped to its tail and written apart in dialect speech, after a
# word: "it 'ud be", "anybody 'll bid", "nobody 'ull hinder", "up to 's neck", "we 've"
_CLITIC = lazy_re(r"(?:ud|ull|ll|d|s|ve|re|m)\b(?=[ \t\n]+[a-z])")
# "it" cut to its "t" before an auxiliary ('twill, 'Twould, 'twere, 'Twon't; 'tis and 'twas
# are _ELISION's); "he" written "'a" in dialect speech before an auxiliary or a verb of
# saying ("so 'a do seem", "'a said"), where the article "a" never stands
_IT_CUT = lazy_re(r"[Tt](?P<aux>[a-z]+)(?:['\u2019][a-z]+)?\b")
_HE_CUT = lazy_re(r"a[ \t\n]+(?P<verb>[a-z]+(?:['\u2019]t)?)\b")


def elided_start(text: str, pos: int) -> bool:
    """Is the word at ``pos`` a common word with its first letters dropped (asked only for an
    unclosed single mark, so the lexicon is read only then)?"""
    from ..lint.lexicon import frequency

    m = _OATH_WORD.match(text, pos)
    if m is not None:
        # an old oath with "God's" cut to its "s": 'Sdeath, 'Sblood, 'Slife ("'s" + a common word)
        w = m.group().lower()
        if frequency(w) == 0 and frequency(w[1:]) >= 1_000_000:
            return True
    if pos >= 3 and text[pos - 2] in " \t\n" and text[pos - 3].isalnum() and _CLITIC.match(text, pos):
        return True
    m = _IT_CUT.match(text, pos)
    if m is not None and m.group("aux") in _auxiliaries() and m.group("aux") not in ("am", "are", "aren"):
        return True
    m = _HE_CUT.match(text, pos)
    if m is not None and (m.group("verb") in _auxiliaries() or m.group("verb") in _speech_verbs()):
        return True
    m = _LOWER_WORD.match(text, pos)
    if m is None:
        return False
    w = m.group()
    if any(frequency(onset + w) >= 1_000_000 for onset in _DROPPED_ONSETS):
        return True
    return frequency(w) == 0 and any(frequency(onset + w) >= 100_000 for onset in _DROPPED_SYLLABLES)


@lru_cache(maxsize=1)
def _auxiliaries() -> frozenset[str]:
    # the contracted forms' stems too: "won" of 'Twon't, "wouldn" of 'twouldn't
    words = word_list("auxiliaries")
    return frozenset(words) | frozenset({w.split("'")[0].split("\u2019")[0] for w in words})


@lru_cache(maxsize=1)
def _speech_verbs() -> frozenset[str]:
    return frozenset(word_list("speech-verbs"))
