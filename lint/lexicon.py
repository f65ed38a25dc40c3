"""The English lexicon every rule shares: symspellpy's bundled word frequencies, loaded once.

``frequency("the")`` is a corpus count (0 for an unknown word). Edit-distance look-ups over the
same words (SymSpell's answers, without building its delete index) are in ``lint.nearwords``.
Nothing is downloaded: the data ships inside the symspellpy wheel.
"""
from __future__ import annotations

import importlib.resources
from functools import lru_cache

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
