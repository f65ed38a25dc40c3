"""G009's candidate sentences (rules/clauses._verb_first_sentences: the first word of each
sentence with words, picked out in C from the analysis' first_word) compared with the walk
over every sentence it replaced, kept here, on generated texts of subjects cut from their
finite verbs, sentences without words, headlines, lists and quotations."""

from __future__ import annotations

import random
from operator import attrgetter

import pytest

from garblint.lint.document import Document
from garblint.rules import _sentences as SA
from garblint.rules import clauses as CL

_WORDS = "The head of the water authority and its board Said said Announced Says Added Stated firm on Tuesday prices would rise Loads file".split()
_GAPS = [" ", " ", " ", " ", ". ", ". ", ". ", "? ", ", ", "\n", "\n\n", "... ", " 42. ", ". 7. ", "\u201c", "\u201d ", "- ", "1. ", ". \u2014 "]


def _old_candidates(doc) -> list[int]:
    """G009's loop's sentences as it found them: every sentence's first word (or "") tested."""
    sents = SA.analyse(doc).sentences
    firsts = [ws[0][2] if ws else "" for ws in map(attrgetter("words"), sents)]
    verbs = {t for t in set(firsts) if CL._finite_opener(t)}
    if not verbs:
        return []
    return [i for i, t in enumerate(firsts) if i and t in verbs]


@pytest.mark.parametrize("seed", range(100))
def test_g009_candidates_picked_in_c(seed):
    rng = random.Random(seed)
    for _ in range(10):
        text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randrange(0, 60)))
        doc = Document(text)
        assert CL._verb_first_sentences(doc, SA.analyse(doc)) == _old_candidates(doc), text
