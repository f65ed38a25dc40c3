"""The one loader of garblint's built-in vocabularies: ``rules/data/NAME.txt``, one list a file,
one entry a line, ``#`` starts a comment, blank lines are ignored.

Rules read their word lists here (``word_set("speech-verbs")``) instead of hard-coding them, so a
list exists once and a reviewer sees it as data. A list users will want to extend gets a config
key naming extra files in the same format (``boilerplate-phrases``, ``legit-doubles``): read them
with :func:`garblint.lint.vocab.read_list` and add them to the built-in set.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

DATA_PACKAGE = "garblint.rules"


def parse_entries(text: str) -> list[str]:
    """The entries of a list file's text: one a line, ``#`` to the end of the line a comment."""
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of the built-in list ``rules/data/NAME.txt``, in file order."""
    text = resources.files(DATA_PACKAGE).joinpath(f"data/{name}.txt").read_text(encoding="utf-8")
    return tuple(parse_entries(text))


def word_set(name: str) -> frozenset[str]:
    """The built-in list ``NAME`` as a set (what membership tests want)."""
    return frozenset(word_list(name))
