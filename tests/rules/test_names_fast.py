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


# ------------------------------------------------------------------ mentions, whole
from tests.rules.names_reference import extract_mentions as _old_extract  # noqa: E402

_NAME_PIECES = [
    "Ada",
    "Quell",
    "Quell's",
    "Quell\u2019s",
    "Mira",
    "Castel",
    "Castell",
    "von",
    "der",
    "Aa",
    "de",
    "la",
    "Cruz",
    "al-Nour",
    "Al-Nour",
    "Minister",
    "Defense",
    "Health",
    "President",
    "Vice",
    "Mr.",
    "Dr.",
    "Maj.",
    "Gen.",
    "J.",
    "R.",
    "Mott",
    "Jr.",
    "Inc",
    "University",
    "of",
    "for",
    "State",
    "Secretary",
    "The",
    "It",
    "May",
    "Monday",
    "NATO",
    "US",
    "I",
    "A",
    "Farmers",
    "Bank",
    "China-style",
    "Chinese",
    "said",
    "told",
    "the",
    "plan",
    "a",
    "quell",
    "may",
    "film",
    "titled",
    "Paris",
    "Li-Yen",
    "Hsia",
    "Liyan",
    "McDonald",
    "O'Brien",
    "\u00c9mile",
    "Zola",
    "Ng",
    "2024",
]
_NAME_GAPS = [" ", " ", " ", " ", ", ", ". ", ": ", " \u201c", "\u201d ", ' "', '" ', "\n", "\n\n", "  ", "; ", "? ", " (", ") ", "'s ", " - "]


def _mention_fields(m):
    return (
        m.start,
        m.end,
        [tuple(t) for t in m.tokens],
        m.title,
        m.possessive,
        m.sentence,
        m.paragraph,
        m.sentence_initial,
        m.duplicate,
        m.repeated,
        m.kind,
        m.raw,
        m.entity,
        m.word_like,
        m.text,
        m.surname,
        m.surname_index,
        m.surname_end,
        m.first,
    )


def _name_text(rng, n):
    parts = []
    for _ in range(n):
        parts.append(rng.choice(_NAME_PIECES))
        parts.append(rng.choice(_NAME_GAPS))
    text = "".join(parts)
    if rng.random() < 0.3:  # a paragraph pasted twice
        paras = text.split("\n\n")
        text = "\n\n".join(paras + [rng.choice(paras)])
    return text


@pytest.mark.parametrize("seed", range(300))
def test_extract_mentions_same_as_before(seed):
    rng = random.Random(seed)
    text = _name_text(rng, rng.randrange(0, 80))
    new = [_mention_fields(m) for m in M.extract_mentions(Document(text))]
    old = [_mention_fields(m) for m in _old_extract(Document(text))]
    assert new == old, text
