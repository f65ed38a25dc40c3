"""Facts about each distinct word of a document that read the word's text alone, found once
per process for the O, S and U rules together (``lint.judged.WordFacts``): a document's
distinct words are passed over once, by set look-ups in C, and each rule then reads only
the few words with a fact instead of passing over all of them itself.

The facts, as bits: the word's kind for the spelling/OCR analysis (``_tokenkinds``, the two
low bits: ``_SKIP`` is none), a word with four identical letters or six consonants
(``_garbage._odd_word``: O004's hints), a lower-case word U001's foreign runs can open on
(``untranslated._latin_word_state`` False), a word with an American/British spelling-pair
ending (``_variety.variety_candidate``: S004) and a word of kind _PLAIN the analysis leaves at
once outside OCR mode (``_lexcheck.inert_plain``)."""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_, not_
from typing import Any

from ..lint import lexicon
from ..lint.judged import WordFacts
from ._garbage import _odd_word
from ._tokenkinds import _PLAIN, kinds_of_new

KIND = 3
ODD = 4
OPENER = 8
VARIETY = 16
INERT = 32


def _facts(new: list[str]) -> list[int]:
    """The facts of each of the word texts ``new``."""
    from ._lexcheck import inert_plain  # (modules that read the facts: imported here)
    from ._variety import _ENDINGS
    from .untranslated import _latin_word_state

    bits = kinds_of_new(new)
    for i in compress(range(len(new)), map(_odd_word, new)):
        bits[i] |= ODD
    # (the tests asked in C-level maps, the loops only over the words that pass)
    at = list(compress(range(len(new)), map(str.islower, new)))  # (both tests say no to any other word)
    lows = [new[i] for i in at]
    # (a word of the lexicon's counts opens no run: _latin_word_state asks only the others)
    unlisted = list(compress(at, map(not_, map(lexicon.counts().__contains__, lows))))
    for i in compress(unlisted, map(is_, map(_latin_word_state, [new[i] for i in unlisted]), repeat(False))):
        bits[i] |= OPENER
    # (variety_candidate: a lower-case word of letters, five or more, with a pair's ending)
    for i in compress(at, map(str.endswith, lows, repeat(_ENDINGS))):
        w = new[i]
        if len(w) >= 5 and w.isalpha():
            bits[i] |= VARIETY
    plain = [i for i, b in enumerate(bits) if b & KIND == _PLAIN]
    for i in compress(plain, map(inert_plain, [new[i] for i in plain])):
        bits[i] |= INERT
    return bits


FACTS = WordFacts(_facts)


def document_facts(doc: Any) -> dict[str, int]:
    """``{word: facts}`` for the document's distinct words with any fact (in the order of
    ``Document.word_counts``), found once per document."""
    return doc.memo("lexfacts", lambda: FACTS.of(doc.word_counts))  # type: ignore[no-any-return]
