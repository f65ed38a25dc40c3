"""American and British spellings of one word (colour/color, centre/center, travelled/traveled).

``variety_of(word)`` says whether a lower-case word is a British-only or American-only spelling
and gives the other variety's form, from regular spelling patterns checked against the
lexicon: both forms must be words (the curated lists, a regular inflection of one, or a form
wordfreq lists often), so "tour" is not a British "tor". -ize is British too (Oxford spelling), so only -ise is marked British.
Known pairs of different words ("timber"/"timbre", the verb "license") are listed in
``rules/data/variety-exceptions.txt``.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..lint import lexicon
from ._lexfacts import VARIETY, document_facts
from ._words import _known, _stem_known, _word_file

# (British ending, American ending): the word ends so, and the stem before it keeps at least
# MIN_STEM letters
_PAIRS = (
    ("our", "or"),
    ("ours", "ors"),
    ("oured", "ored"),
    ("ouring", "oring"),
    ("ourite", "orite"),
    ("ourites", "orites"),
    ("ourable", "orable"),
    ("ourful", "orful"),
    ("ourer", "orer"),
    ("tre", "ter"),
    ("tres", "ters"),
    ("bre", "ber"),
    ("bres", "bers"),
    ("elled", "eled"),
    ("elling", "eling"),
    ("eller", "eler"),
    ("ellers", "elers"),
    ("ogue", "og"),
    ("ogues", "ogs"),
    ("ence", "ense"),
    ("ences", "enses"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("yses", "yzes"),
    ("ysing", "yzing"),
    ("ise", "ize"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("ising", "izing"),
    ("isation", "ization"),
    ("isations", "izations"),
)
MIN_STEM = 3
WELL_USED = 3.0  # a form wordfreq lists this often counts as a word (American forms the lists lack)
#: every ending the loop below tests, for a quick answer for the many words with none of them
_ENDINGS = tuple(sorted({e for pair in _PAIRS for e in pair}))
_OXFORD = ("ize", "ized", "izes", "izing", "ization", "izations")


def exceptions() -> frozenset[str]:
    return _word_file("variety-exceptions.txt")


def _word(w: str) -> bool:
    """A word of the curated lists or a regular inflection of one (not a spelling variant:
    that would make every pattern's other side a word)."""
    return _known(w) or _stem_known(w) or lexicon.zipf(w) >= WELL_USED


@lru_cache(maxsize=65536)
def variety_candidate(w: str) -> bool:
    """A lower-case word of letters, five or more, with one of the spelling-pair endings: the
    words ``variety_of`` can answer for (kept for the process: the endings are many)."""
    return len(w) >= 5 and w.islower() and w.isalpha() and w.endswith(_ENDINGS)


@lru_cache(maxsize=65536)
def variety_of(w: str) -> tuple[str, str] | None:
    """("GB", American form) for a British-only spelling, ("US", British form) for an
    American-only one, None for a word both varieties spell alike."""
    if len(w) < 5 or not w.endswith(_ENDINGS) or w in exceptions() or not w.isalpha():
        return None  # (a word with none of the endings gets None from the loop below too)
    for gb, us in _PAIRS:
        if w.endswith(gb) and len(w) - len(gb) >= MIN_STEM:
            other = w[: -len(gb)] + us
            if other not in exceptions() and _word(other) and _word(w) and lexicon.zipf(other) > 0:
                return ("GB", other)
        if us in _OXFORD:
            continue  # -ize is British too
        if w.endswith(us) and len(w) - len(us) >= MIN_STEM:
            other = w[: -len(us)] + gb
            if other not in exceptions() and _word(other) and _word(w) and lexicon.zipf(other) > 0:
                return ("US", other)
    return None


def variety_words(doc: Any) -> set[str]:
    """The document's distinct words that are ``variety_candidate`` (found once per document):
    a fact of each word kept for the process (``_lexfacts``), read from the document's few
    words with any fact rather than by a cached call per distinct word of every document."""
    return doc.memo("variety.words", lambda: {w for w, b in document_facts(doc).items() if b & VARIETY})  # type: ignore[no-any-return]


def document_variety(doc: Any) -> str | None:
    """ "US" or "GB": the variety most of the document's variety-marked words are spelt in
    (S004's marks: -ise counts as neither once Oxford -ize is allowed), or None on a tie or
    when none is marked. Found once per document."""

    def count() -> str | None:
        us = gb = 0
        for w in variety_words(doc):  # (sums: the order of the words does not matter)
            v = variety_of(w)
            if v is not None:
                if v[0] == "US":
                    us += doc.word_counts[w]
                else:
                    gb += doc.word_counts[w]
        return "US" if us > gb else "GB" if gb > us else None

    return doc.memo("variety.document", count)  # type: ignore[no-any-return]


def prefer_variety(top: list[str], doc: Any, spelling: str | None) -> list[str]:
    """Suggestions ``top`` with the first one in the variety the text wants when it has a
    form in each ("subsidise" / "subsidize"): the document's own variety, else the
    configured ``spelling``, else the form wordfreq lists more often."""
    v = variety_of(top[0]) if top else None
    if v is None:
        return top
    mine, other = v
    want = document_variety(doc)
    if want is None and spelling in ("en-US", "en-GB"):
        want = spelling[3:]
    if want is None:
        want = mine if lexicon.zipf(top[0]) >= lexicon.zipf(other) else ("US" if mine == "GB" else "GB")
    if want == mine:
        return top
    return [other] + [c for c in top if c != other]
