"""Words judged once per process: facts about a word text that read the text alone, found the
first time any document holds it and kept, so that later documents are answered by set and
dict look-ups in C instead of a cached call per distinct word of every document."""

from __future__ import annotations

from itertools import compress, filterfalse
from operator import not_
from typing import Callable, Collection


class WordFacts:
    """Each word text's facts (an int of bits, 0 for none) from ``facts``, a function that
    answers for a list of new word texts at once; asked once per word text in this process.

    The kept answers are emptied when they would grow past ``most`` word texts (a long run
    over many documents keeps a bounded table)."""

    def __init__(self, facts: Callable[[list[str]], list[int]], most: int = 262144) -> None:
        self.facts = facts
        self.most = most
        self.dull: set[str] = set()  # the word texts with no fact (most of them)
        self.bits: dict[str, int] = {}  # the others, with their facts

    def of(self, words: Collection[str]) -> dict[str, int]:
        """``{word: facts}`` for the words of ``words`` (distinct texts: a dict's keys, a set)
        that have any fact, in the order of ``words``."""
        dull, bits = self.dull, self.bits
        rest = list(filterfalse(dull.__contains__, words))  # (one pass of set look-ups in C)
        try:
            return {w: bits[w] for w in rest}  # (most documents of a long run: no new word)
        except KeyError:
            pass
        new = list(filterfalse(bits.__contains__, rest))
        if len(dull) + len(bits) + len(new) > self.most:
            # (emptied: ``rest`` still holds every word of ``words`` with a fact)
            dull.clear()
            bits.clear()
            new = list(words)
        found = self.facts(new)
        dull.update(compress(new, map(not_, found)))
        bits.update(compress(zip(new, found), found))
        return {w: bits[w] for w in rest if w in bits}
