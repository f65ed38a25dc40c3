"""The English lexicon every rule shares: symspellpy's bundled word frequencies, loaded once.

``frequency("the")`` is a corpus count (0 for an unknown word). Edit-distance look-ups over the
same words (SymSpell's answers, without building its delete index) are in ``lint.nearwords``.
Nothing is downloaded: the data ships inside the symspellpy wheel.
"""
from __future__ import annotations

import importlib.resources
import re
from functools import lru_cache

DICTIONARY = "frequency_dictionary_en_82_765.txt"


_TWO_FIELD_LINES = re.compile(r"(?:\S+ \S+\n)*(?:\S+ \S+)?")


def _data_path(name: str) -> str:
    return str(importlib.resources.files("symspellpy") / name)


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Lower-case word -> frequency count."""
    with open(_data_path(DICTIONARY), encoding="utf-8") as fh:
        return parse_counts(fh.read())


def parse_counts(text: str) -> dict[str, int]:
    """``word count`` lines -> {word: count}; lines without exactly two fields are skipped."""
    if _TWO_FIELD_LINES.fullmatch(text):
        # every line is "word count": pair the fields in C (half the time of a loop per line)
        fields = text.split()
        return dict(zip(fields[0::2], map(int, fields[1::2])))
    out: dict[str, int] = {}
    for line in text.splitlines():  # an unexpected line somewhere: keep only the two-field lines
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = int(parts[1])
    return out


def frequency(word: str) -> int:
    return frequencies().get(word.lower(), 0)


def is_known(word: str) -> bool:
    return word.lower() in frequencies()
