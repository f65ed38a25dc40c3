"""Vocabularies: a newsroom's names lists and a project's accepted words, as plain text files.

One entry a line; ``#`` starts a comment; blank lines are ignored. Names lists hold correct
spellings of people and places ("Ada Lovelace"); word lists hold words to accept as spelled.
"""
from __future__ import annotations

from pathlib import Path

from .config import ConfigError
from .wordlists import parse_entries
from .lazyre import lazy_re
from ._records import FACTORY, record

_TOKEN = lazy_re(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")


def read_list(path: str) -> list[str]:
    """The entries of a user's list file (names, words, extra phrases or words for a built-in
    list); the format of the built-in lists (:mod:`garblint.lint.wordlists`). Raises ConfigError."""
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise ConfigError(f"{path}: list file not found") from None
    except IsADirectoryError:
        raise ConfigError(f"{path}: list file is a directory") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read list file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: list file is not valid UTF-8") from None
    return parse_entries(text)


@record(("names", "words", "name_tokens"))
class Vocabulary:
    names: list[str]
    words: set[str]
    name_tokens: set[str]

    def __init__(self, names: list[str] = FACTORY, words: set[str] = FACTORY, name_tokens: set[str] = FACTORY) -> None:
        self.names = [] if names is FACTORY else names
        self.words = set() if words is FACTORY else words
        self.name_tokens = set() if name_tokens is FACTORY else name_tokens

    @classmethod
    def load(cls, name_files: list[str], word_files: list[str]) -> "Vocabulary":
        names: list[str] = []
        for f in name_files:
            names.extend(read_list(f))
        words: set[str] = set()
        for f in word_files:
            words.update(w.casefold() for w in read_list(f))
        tokens = {t.casefold() for n in names for t in _TOKEN.findall(n)}
        return cls(names=list(dict.fromkeys(names)), words=words, name_tokens=tokens)

    def accepts(self, word: str) -> bool:
        """True when ``word`` is in a word list or is part of a listed name."""
        w = word.casefold()
        return w in self.words or w in self.name_tokens
