"""Facts about each distinct word of a document that read the word's text alone, found once
per process for the O, S and U rules together (``lint.judged.WordFacts``): a document's
distinct words are passed over once, by set look-ups in C, and each rule then reads only
the few words with a fact instead of passing over all of them itself.

The facts, as bits: the word's kind for the spelling/OCR analysis (``_tokenkinds``, the two
low bits: ``_SKIP`` is none), a word with four identical letters or six consonants
(``_garbage._odd_word``: O004's hints), a lower-case word U001's foreign runs can open on
(``untranslated._latin_word_state`` False), a word with an American/British spelling-pair
ending (``_variety.variety_candidate``: S004) and a word of kind _PLAIN or _COMPOUND the
analysis leaves at once outside OCR mode (``_lexcheck.inert_plain``,
``_tokenkinds.inert_compound``)."""

from __future__ import annotations

from itertools import compress, repeat
from operator import is_, not_
from typing import Any

from ..lint import lexicon
from ..lint.judged import WordFacts
from ._garbage import _odd_word, odd_indexes
from ._tokenkinds import _COMPOUND, _PLAIN, _SKIP, _token_kind, inert_compound, kinds_of_new

KIND = 3
ODD = 4
OPENER = 8
VARIETY = 16
INERT = 32


#: up to this many new words, ``_facts`` asks each word's tests in turn (``_word_facts``):
#: its C-level maps cost about 12 us a call whatever the number of words, and most of the
#: documents of a run of many small files bring only a few words the process has not met
FEW = 16
_readers: tuple[Any, ...] = ()


def _read_by() -> tuple[Any, ...]:
    """The tests of the modules that read the facts (imported at first use: they import this
    module)."""
    global _readers
    if not _readers:
        from ._lexcheck import inert_plain
        from ._variety import _ENDINGS
        from .untranslated import _latin_word_state

        _readers = (inert_plain, _ENDINGS, _latin_word_state)
    return _readers


def _word_facts(new: list[str]) -> list[int]:
    """``_facts`` of a few words, each word's tests asked in turn (the same tests: see there)."""
    inert_plain, endings, latin_word_state = _read_by()
    freqs = lexicon.counts()
    mapped = type(freqs) is not dict  # (kinds_of_new asks _token_kind of every word then)
    out = []
    for w in new:
        b = _token_kind(w) if mapped or w not in freqs else _SKIP
        if _odd_word(w):
            b |= ODD
        if w.islower():
            if w not in freqs and latin_word_state(w) is False:
                b |= OPENER
            if w.endswith(endings) and len(w) >= 5 and w.isalpha():
                b |= VARIETY
        if b & KIND == _PLAIN and inert_plain(w) or b & KIND == _COMPOUND and inert_compound(w):
            b |= INERT
        out.append(b)
    return out


def _facts(new: list[str]) -> list[int]:
    """The facts of each of the word texts ``new``."""
    return _word_facts(new) if len(new) <= FEW else _facts_by_maps(new)


def _facts_by_maps(new: list[str]) -> list[int]:
    """``_facts`` of many words: each test asked in a C-level map over the words, the loops
    only over the words that pass it."""
    inert_plain, _ENDINGS, _latin_word_state = _read_by()
    bits = kinds_of_new(new)
    for i in odd_indexes(new):
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
    kinds = [b & KIND for b in bits]
    for kind, inert in ((_PLAIN, inert_plain), (_COMPOUND, inert_compound)):
        at = list(compress(range(len(new)), map(kind.__eq__, kinds)))
        for i in compress(at, map(inert, [new[i] for i in at])):
            bits[i] |= INERT
    return bits


FACTS = WordFacts(_facts)


def document_facts(doc: Any) -> dict[str, int]:
    """``{word: facts}`` for the document's distinct words with any fact (in the order of
    ``Document.word_counts``), found once per document."""
    return doc.memo("lexfacts", lambda: FACTS.of(doc.word_counts))  # type: ignore[no-any-return]
