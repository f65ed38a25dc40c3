"""Where the words of a set stand in a document, found per distinct word instead of per token.

Several rules pick out the tokens whose text is in a set (S004's spellings of the other
variety, S005's trigger words): ``compress(doc.word_indexes, map(wanted.__contains__,
doc.word_texts))`` tests every token, about 260 instructions a token in C (6-10 ms on a
200,000-word text), however few the set's words are. R001's word characters
(``repetition.word_chars``: one character per token, the same character exactly for the same
casefolded word) are an index of where each distinct word stands: the tokens of a few distinct
words are found by ``str.find`` on that string (a ``memchr`` over it per distinct word), and
each token found is tested against the set (a token of the same casefolded word in another
case is found too). :func:`word_positions` gives the same indexes in the same order as the
test of every token; it uses the characters only when R001 made them for this document
(nothing is built for it) and the set's distinct words in the text are few enough
(``FIND_MAX``): each one is a scan of the whole string.
"""

from __future__ import annotations

from itertools import compress
from typing import Collection

#: from this many words a text's set members may be found through R001's word characters
POSITIONS_MIN_WORDS = 5_000
#: at most this many distinct characters searched by str.find (each scans the whole string:
#: about a third of an instruction a token, against about 260 for the test of every token)
FIND_MAX = 128


def word_positions(doc, wanted: Collection[str]) -> list[int]:
    """The indexes of the words of ``doc`` whose text is in ``wanted`` (a set or a dict), in
    text order: ``list(compress(doc.word_indexes, map(wanted.__contains__, doc.word_texts)))``.
    ``wanted`` is asked once per word found, when this is called (not while the caller reads
    the list)."""
    texts = doc.word_texts
    if len(texts) >= POSITIONS_MIN_WORDS:
        found = _found_by_chars(doc, wanted)
        if found is not None:
            return found
    return list(compress(doc.word_indexes, map(wanted.__contains__, texts)))


def _found_by_chars(doc, wanted: Collection[str]) -> list[int] | None:
    from .repetition import word_char_table

    table = word_char_table(doc)
    if table is None:
        return None
    chars, char_of = table
    counts = doc.word_counts
    present = [w for w in wanted if w in counts] if len(wanted) <= len(counts) else [w for w in counts if w in wanted]
    if not present:
        return []
    wanted_chars = set(map(char_of.__getitem__, present))
    if len(wanted_chars) > FIND_MAX:
        return None
    find = chars.find
    found: list[int] = []
    add = found.append
    for c in wanted_chars:
        i = find(c)
        while i >= 0:
            add(i)
            i = find(c, i + 1)
    found.sort()
    texts = doc.word_texts
    return [i for i in found if texts[i] in wanted]
