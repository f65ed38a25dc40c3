"""The one loader of garblint's built-in vocabularies: ``rules/data/NAME.txt``, one list a file,
one entry a line, ``#`` starts a comment, blank lines are ignored.

Rules read their word lists here (``word_set("speech-verbs")``) instead of hard-coding them, so a
list exists once and a reviewer sees it as data. A list users will want to extend gets a config
key naming extra files in the same format (``boilerplate-phrases``, ``legit-doubles``): read them
with :func:`garblint.lint.vocab.read_list` and add them to the built-in set.
"""

from __future__ import annotations

import os
from functools import lru_cache

DATA_PACKAGE = "garblint.rules"


def parse_entries(text: str) -> list[str]:
    """The entries of a list file's text: one a line, ``#`` to the end of the line a comment."""
    out = []
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def data_text(name: str) -> str:
    """The text of the file ``rules/data/NAME`` (read from the package's folder: importlib's
    resources, and their 26 modules, only where the package is not a folder)."""
    from .. import rules

    try:
        with open(os.path.join(os.path.dirname(rules.__file__ or ""), "data", name), encoding="utf-8") as fh:
            return fh.read()
    except FileNotFoundError:  # pragma: no cover - a zipped install
        from importlib import resources

        return resources.files(DATA_PACKAGE).joinpath(f"data/{name}").read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def word_list(name: str) -> tuple[str, ...]:
    """The entries of the built-in list ``rules/data/NAME.txt``, in file order."""
    return tuple(parse_entries(data_text(f"{name}.txt")))


def word_set(name: str) -> frozenset[str]:
    """The built-in list ``NAME`` as a set (what membership tests want)."""
    return frozenset(word_list(name))
