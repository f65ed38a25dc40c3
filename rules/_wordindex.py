"""Where the words of a set stand in a document, found per distinct word instead of per token.

Several analyses pick out the tokens whose text is in a set (the lexicon pass's words of a
kind, S004's spellings of the other variety, S005's trigger words, U001's run openers):
``compress(doc.word_indexes, map(wanted.__contains__, doc.word_texts))`` tests every token, about 260 instructions a token
in C (50-60M instructions on a 200,000-word text), however few the set's words are. R001's
word characters (``repetition.word_chars``: one character per token, the same character
exactly for the same casefolded word) are an index of where each distinct word stands: the
tokens of the set's casefolded words are found on that string, by ``str.find`` per distinct
character when they are few (a ``memchr`` over the string each), else by one regex of their
characters' class, and each token found is tested against the set (a token of the same
casefolded word in another case is found too). :func:`word_positions` gives the same indexes
in the same order as the test of every token, and picks whichever of the three costs least
by an estimate in instructions (``_cost``).

The characters are made once per document and kept in its memo: R001 makes them on every
English text it checks; a pass that runs before it (the lexicon pass) makes them in its
stead, only when R001 is among the process' rules and will make them for this document anyway (``repetition.chars_expected``), so a run without R001 builds nothing more.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import methodcaller
from typing import Collection, Iterable

#: from this many words a text's set members may be found through R001's word characters
POSITIONS_MIN_WORDS = 5_000
#: the estimate's instructions: a token tested in C; str.find's scan of the string, per token
#: and distinct character searched (memchr, with the false starts of a two-byte string); a
#: regex's class test per token; a class character compiled; a regex match; a token found
_PER_TOKEN_TESTED = 260
_PER_TOKEN_FOUND_SCAN = 0.7
_PER_TOKEN_CLASS_SCAN = 75
_PER_CLASS_CHARACTER = 12_000
_PER_MATCH = 2_200
_PER_FOUND = 300

_start = methodcaller("start")


def word_positions(doc, wanted: Collection[str], make: bool = False) -> list[int]:
    """The indexes of the words of ``doc`` whose text is in ``wanted`` (a set or a dict), in
    text order: ``list(compress(doc.word_indexes, map(wanted.__contains__, doc.word_texts)))``.
    ``wanted`` is asked once per word found, when this is called (not while the caller reads
    the list). ``make``: the word characters may be made here if R001 makes them for this
    document later in the run (see the module docstring)."""
    texts = doc.word_texts
    if len(texts) >= POSITIONS_MIN_WORDS:
        found = _found_by_chars(doc, wanted, make)
        if found is not None:
            return found
    return list(compress(doc.word_indexes, map(wanted.__contains__, texts)))


def _found_by_chars(doc, wanted: Collection[str], make: bool = False) -> list[int] | None:
    from . import repetition

    table = repetition.word_char_table(doc)
    if table is None:
        if not (make and repetition.chars_expected(doc)):
            return None
        repetition.word_chars(doc)
        table = repetition.word_char_table(doc)
        if table is None:
            return None
    chars, char_of = table
    counts = doc.word_counts
    present = [w for w in wanted if w in counts] if len(wanted) <= len(counts) else [w for w in counts if w in wanted]
    if not present:
        return []
    wanted_chars = set(map(char_of.__getitem__, present))
    how = _cost(len(chars), len(wanted_chars), sum(map(counts.__getitem__, present)))
    found: Iterable[int]
    if how == "find":
        found = _find_each(chars, wanted_chars)
    elif how == "class":
        found = map(_start, re.finditer("[" + re.escape("".join(sorted(wanted_chars))) + "]", chars))
    else:
        return None
    texts = doc.word_texts
    return [i for i in found if texts[i] in wanted]


def _cost(n: int, k: int, uses: int) -> str:
    """Which search costs least for ``k`` distinct characters of ``uses`` tokens in a string of
    ``n``: "find", "class" or "test" (every token tested)."""
    find = _PER_TOKEN_FOUND_SCAN * n * k + _PER_FOUND * uses
    cls = _PER_TOKEN_CLASS_SCAN * n + _PER_CLASS_CHARACTER * k + (_PER_MATCH + _PER_FOUND) * uses
    test = _PER_TOKEN_TESTED * n
    best = min(find, cls, test)
    return "find" if best == find else "class" if best == cls else "test"


def _find_each(chars: str, wanted_chars: Collection[str]) -> list[int]:
    """Where each of ``wanted_chars`` stands in ``chars``, in order."""
    find = chars.find
    found: list[int] = []
    add = found.append
    for c in wanted_chars:
        i = find(c)
        while i >= 0:
            add(i)
            i = find(c, i + 1)
    found.sort()
    return found
