"""The names analysis' fast paths (rules/_mentions.py, rules/_entities.py) against the forms
they replaced, on generated texts full of the cases they reason about (quotation marks and
colons before words, white space of every kind, repeated paragraphs, names)."""

from __future__ import annotations

import random
from bisect import bisect_left

import pytest

from garblint.lint.document import Document
from garblint.rules import _mentions as M
from garblint.rules._namewords import _OPENING

_OPEN_PIECES = [
    ":",
    "\u201c",
    '"',
    "\u2018",
    "'",
    "\u2019",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u2009",
    "\x1c",
    "Ada",
    "Quell",
    "said",
    "x",
    "_",
    "-",
    "9",
    ".",
    ". ",
    "? ",
    "\n\n",
    "é",
    "ǅemal",
    "it's",
]


def _old_first_words(text, words, sentences):
    """The loops ``_first_words`` replaced."""
    out = set()
    wstarts = [w[0] for w in words]
    n = len(words)
    for s_start, s_end, _, _ in sentences:
        k = bisect_left(wstarts, s_start)
        if k < n and wstarts[k] < s_end:
            out.add(k)
    for p, ch in enumerate(text):
        if ch not in ':\u201c"':
            continue
        k = bisect_left(wstarts, p + 1)
        while k < n and wstarts[k] <= p + 3:
            ws = wstarts[k]
            if k and ws > 0 and _OPENING.search(text[max(0, ws - 3) : ws]):
                out.add(k)
            k += 1
    return out


@pytest.mark.parametrize("seed", range(300))
def test_first_words_same_as_the_loops(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(_OPEN_PIECES) for _ in range(rng.randrange(0, 60)))
    doc = Document(text)
    assert M._first_words(text, doc.words, doc.sentences) == _old_first_words(text, doc.words, doc.sentences), text
