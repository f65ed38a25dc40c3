"""Facts about word texts that the sentence-level rules ask of every distinct word of a
document, judged once per process: in a run over many small files the same words come back in
file after file (the 2,000 bench files hold 135,212 distinct words counted per file, 9,875 in
all), so each new word is tested once, and a document's answers are set operations in C over
its distinct words. (Not a rule module: the leading underscore keeps ``load_rules`` from
importing it as one.)

The facts kept (each the same answer as the test it names, for every word text):

- ``TITLE``: title case as the G analysis tests it (``t[0].isupper() and t[1:].islower()``);
- ``MIXED``: a word G007 scans the text for (not lower, title or upper case, and holding four
  capitals then a lower-case ending: ``_MIXED_IN_WORD``);
- ``LOWER_NOT_ASCII``: a lower-case word outside ASCII (whose casefold may differ from it).

Call :func:`judge` with a document's distinct words before reading the sets for them: the sets
are emptied together when the judged words would pass ``_MOST`` (a long run keeps a bounded
table), and only judge's caller knows that its words are in them.
"""

from __future__ import annotations

from itertools import compress, filterfalse
from operator import itemgetter
from typing import Collection

from ..lint.lazyre import lazy_re

#: four capitals and a lower-case ending inside a word (G007's pre-test; rules/artefacts.py)
MIXED_IN_WORD = lazy_re(r"[A-Z]{4}(?:s|es|ed|ing)")

_JUDGED: set[str] = set()
TITLE: set[str] = set()
MIXED: set[str] = set()
LOWER_NOT_ASCII: set[str] = set()
_MOST = 262144  # words judged before the sets are emptied

_FIRST = itemgetter(0)
_AFTER_FIRST = itemgetter(slice(1, None))


def judge(words: Collection[str]) -> None:
    """Judge the words of ``words`` (distinct texts: a dict's keys, a set) not judged yet."""
    if _JUDGED.issuperset(words):
        return  # (most documents of a long run hold no new word)
    new = list(filterfalse(_JUDGED.__contains__, words))
    if len(_JUDGED) + len(new) > _MOST:
        for kept in (_JUDGED, TITLE, MIXED, LOWER_NOT_ASCII):
            kept.clear()
        new = list(words)
    _JUDGED.update(new)
    upper = list(compress(new, map(str.isupper, map(_FIRST, new))))
    TITLE.update(compress(upper, map(str.islower, map(_AFTER_FIRST, upper))))
    # (the filters G007 asked of each word first: only a word in mixed case can hold a match)
    MIXED.update(filter(MIXED_IN_WORD.search, filterfalse(str.isupper, filterfalse(str.istitle, filterfalse(str.islower, new)))))
    LOWER_NOT_ASCII.update(filter(str.islower, filterfalse(str.isascii, new)))
