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
    sym.load_dictionary(_data_path(DICTIONARY), term_index=0, count_index=1)
    if with_bigrams:
        sym.load_bigram_dictionary(_data_path(BIGRAMS), term_index=0, count_index=2)
    return sym
