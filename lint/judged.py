"""Words judged once per process: a test asked of each word text the first time any document
holds it, its answers kept, so that later documents are answered by set operations in C
instead of a cached call per distinct word of every document."""

from __future__ import annotations

from itertools import filterfalse
from typing import AbstractSet, Callable, Iterable


class JudgedWords:
    """The word texts ``test`` has been asked of in this process and those it said yes to.

    Both sets are emptied when the judged ones would grow past ``most`` (a long run over many
    documents keeps a bounded table)."""

    def __init__(self, test: Callable[[str], object], most: int = 262144) -> None:
        self.test = test
        self.most = most
        self.judged: set[str] = set()
        self.passed: set[str] = set()

    def _judge(self, words: AbstractSet[str]) -> None:
        # (the new words by one pass of set look-ups in C: ``words - self.judged`` on a dict's
        # keys copies every key into a new set first, three times the cost)
        new = list(filterfalse(self.judged.__contains__, words))
        if new:
            if len(self.judged) + len(new) > self.most:
                self.judged.clear()
                self.passed.clear()
                new = list(words)
            self.judged.update(new)
            self.passed.update(filter(self.test, new))

    def passing(self, words: Iterable[str]) -> set[str]:
        """The words of ``words`` (distinct texts: a dict's keys, a set) that pass the test."""
        words = _as_set(words)
        self._judge(words)
        return self.passed.intersection(words)

    def any_passing(self, words: Iterable[str]) -> bool:
        """Whether any of ``words`` passes the test."""
        words = _as_set(words)
        self._judge(words)
        return not self.passed.isdisjoint(words)


def _as_set(words: Iterable[str]) -> AbstractSet[str]:
    """``words`` as a set-like view: a dict's keys (``Document.word_counts``), a set, or a new set."""
    if isinstance(words, dict):
        return words.keys()
    return words if isinstance(words, (set, frozenset)) else set(words)
