"""The English lexicon every rule shares: symspellpy's bundled word frequencies, loaded once.

``frequency("the")`` is a corpus count (0 for an unknown word); ``symspell()`` is a SymSpell
index over the same words, built on first use (about 1.5 s, so only rules that need edit-distance
look-ups should call it). Nothing is downloaded: the data ships inside the symspellpy wheel.
"""
from __future__ import annotations

import importlib.resources
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from symspellpy import SymSpell

DICTIONARY = "frequency_dictionary_en_82_765.txt"
BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"


def _data_path(name: str) -> str:
    return str(importlib.resources.files("symspellpy") / name)


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Lower-case word -> frequency count."""
    out: dict[str, int] = {}
    with open(_data_path(DICTIONARY), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                out[parts[0]] = int(parts[1])
    return out


def frequency(word: str) -> int:
    return frequencies().get(word.lower(), 0)


def is_known(word: str) -> bool:
    return word.lower() in frequencies()


@lru_cache(maxsize=2)
def symspell(max_edit_distance: int = 2, with_bigrams: bool = False) -> "SymSpell":
    """A SymSpell index over the lexicon (built once per process)."""
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=max_edit_distance, prefix_length=7)
    _fill(sym, max_edit_distance, 7)
    if with_bigrams:
        sym.load_bigram_dictionary(_data_path(BIGRAMS), term_index=0, count_index=2)
    return sym


def _prefix_deletes(prefix: str, max_edit_distance: int) -> tuple[str, ...]:
    """``prefix`` and every string made from it by deleting 1..max_edit_distance characters."""
    out = {prefix}
    layer = {prefix}
    for _ in range(max_edit_distance):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        out |= layer
    return tuple(out)


def _fill(sym: "SymSpell", max_edit_distance: int, prefix_length: int) -> None:
    """Load the dictionary into ``sym``: the same index as ``SymSpell.load_dictionary`` builds.

    symspellpy computes the deletes of every word in Python, one recursive call per delete;
    here they are computed once per distinct prefix (many words share their first seven
    letters) and appended in the same word order, so every delete's list is identical
    (``bench/check_same_findings.py`` and tests/test_lexicon_index.py compare them).
    Anything unusual (a repeated word, a count below the threshold) goes through symspellpy's
    own ``create_dictionary_entry``.
    """
    from symspellpy import helpers

    words = sym._words
    deletes = sym._deletes
    threshold = sym._count_threshold
    below = sym._below_threshold_words
    cache: dict[str, tuple[str, ...]] = {}
    max_len = sym._max_length
    with open(_data_path(DICTIONARY), encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip().split(" ")
            if len(parts) < 2:
                continue
            count = helpers.try_parse_int64(parts[1])
            if count is None:
                continue
            key = parts[0]
            if count <= 0 or count < threshold or key in words or key in below:
                sym._max_length = max_len
                sym.create_dictionary_entry(key, count)
                max_len = sym._max_length
                continue
            words[key] = count
            if len(key) > max_len:
                max_len = len(key)
            prefix = key[:prefix_length]
            edits = cache.get(prefix)
            if edits is None:
                edits = _prefix_deletes(prefix, max_edit_distance)
                if len(key) <= max_edit_distance:
                    edits = tuple(set(edits) | {""})
                cache[prefix] = edits
            for d in edits:
                deletes[d].append(key)
    sym._max_length = max_len
