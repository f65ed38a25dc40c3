"""The sentences (and paragraphs) a G rule of rules/garble.py can report, picked out in C
before its loop.

G004 visits every sentence of a document in a Python loop whose first tests reject nearly all
of them (about 0.9 us a sentence: 12 ms on a 200,000-word text where some 250 sentences go
on), and G005 every paragraph. The functions here pick out the sentences or paragraphs that
can pass those first tests, in text order, by C-level maps or one regex search, and the loop
visits only those: a superset of what the loop goes on with, its own tests unchanged.
tests/rules/test_sentpicks.py compares the picks with those tests on generated texts.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import accumulate, compress
from operator import itemgetter, methodcaller, not_
from typing import TYPE_CHECKING, AbstractSet

from ..lint.lazyre import lazy_re

if TYPE_CHECKING:  # pragma: no cover
    from ..lint.document import Document
    from ._sentences import Analysis

_MINUS_ONE = (-1).__add__
_END = itemgetter(1)
_match_start = methodcaller("start")
#: a paragraph's last character that ends no sentence
_NOT_TERMINAL = lazy_re("[^.!?\u2026:;]")


@lru_cache(maxsize=1)
def _title_verb_bases() -> frozenset[str]:
    """Each verb base in title case, as ``is_titlecase`` accepts it ("Push")."""
    from ._sentences import VERB_BASES

    return frozenset(v[:1].upper() + v[1:] for v in VERB_BASES)


def broken_clause_sentences(doc: "Document", an: "Analysis", dangling: AbstractSet[str]) -> list[int]:
    """The indexes in ``an.sentences`` of the sentences G004's loop can go on with, in order:
    those whose last word is in ``dangling`` (its test (a)) and those whose first word may be
    a verb base in title case (test (b): ``is_titlecase(t)`` and ``t.casefold()`` in
    VERB_BASES). For a word in ASCII that is the verb base with its first letter upper-cased;
    every first word outside ASCII is kept. (A sentence without words gets another
    sentence's word here, or none: the loop skips it anyway.)"""
    texts = doc.word_texts
    first = an.first_word
    after = an.after_word
    if not texts or not first:
        return []
    n = len(first)
    # (a) the last word, words[after - 1]; (after - 1 is -1 only for a sentence without words)
    picked = set(compress(range(n), map(dangling.__contains__, map(texts.__getitem__, map(_MINUS_ONE, after)))))
    # (b) the first word (a sentence after the last word starts at len(texts): no word)
    try:
        firsts = list(map(texts.__getitem__, first))
    except IndexError:
        last = len(texts)
        firsts = [texts[i] if i < last else "" for i in first]
    picked.update(compress(range(n), map(_title_verb_bases().__contains__, firsts)))
    if not doc.text.isascii():
        picked.update(compress(range(n), map(not_, map(str.isascii, firsts))))
    return sorted(picked)


def open_end_paragraphs(doc: "Document", an: "Analysis") -> list[list]:
    """The sentences (``an.sentences``' entries) of each paragraph that ends on a character
    other than . ! ? \u2026 : or ;, paragraph by paragraph in order: G005's loop goes on with no
    other (such a paragraph ends on no opening quotation mark, and its last sentence, which
    ends where the paragraph does, ends on a sentence end: ``ends_terminal``). Picked by one
    regex over the string of the paragraphs' last characters."""
    text = doc.text
    paras = doc.paragraphs
    lasts = "".join(map(text.__getitem__, map(_MINUS_ONE, map(_END, paras))))
    picked = list(map(_match_start, _NOT_TERMINAL.finditer(lasts)))
    if not picked:
        return []
    firsts = list(accumulate(doc.paragraph_sizes, initial=0))  # each paragraph's first sentence
    ends = list(map((1).__add__, picked))
    sentences = an.sentences
    return list(filter(None, map(sentences.__getitem__, map(slice, map(firsts.__getitem__, picked), map(firsts.__getitem__, ends)))))
