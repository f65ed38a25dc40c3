"""Helpers for the parallel, cache and Dask tests: a seeded corpus and a test-only corpus rule."""
from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

from garblint.lint.rule import _REGISTRY, Rule

_CAP = re.compile(r"\b[A-Z][a-z]{3,}\b")

_SENTENCES = [
    "The river board met on Monday to discuss the new weir.",
    "Councillor Edda Brandt said the the plan was too expensive.",
    "Residents of Hollin asked for a second public meeting ,and got one.",
    "Work on the bridge will start in spring.It should take two years.",
    "\u201cWe will not rush this,\u201d said the chair, Oskar Lind.",
    "The library in Fernby will open on Saturdays from June.",
    "Ticket prices rose by 4.5 per cent, the operator said.",
    "A spokesperson for the depot declined to comment on the delay.",
    "Farmers near Wendlow said their fields flooded twice in March.",
    "The school  board approved the budget without debate.",
    "Volunteers planted 300 trees along the canal path on Sunday.",
    "The ferry timetable for winter was published on the website.",
]


def make_texts(n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        paras = [" ".join(rng.choice(_SENTENCES) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 4))]
        if i % 3 == 0:  # a place named in this document only
            paras.append(f"The mayor of Mor{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}ton sent a letter.")
        out.append("\n\n".join(paras) + "\n")
    return out


def write_tree(folder: Path, n: int, seed: int = 7) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i, t in enumerate(make_texts(n, seed)):
        p = folder / f"doc{i:03d}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    return paths


class RareCapitalisedWord(Rule):
    """What it flags: a capitalised word found in only one document of the corpus (test-only rule).

    Why: exercises the two-pass corpus machinery in tests.

    Example: "Hollin" in one file only -> flagged.

    Fix: none.
    """

    code = "Z901"
    name = "test-rare-capitalised-word"
    category = "name"
    severity = "suggestion"
    default_enabled = False
    corpus = True

    def collect(self, doc, config):
        return sorted({m.group() for m in _CAP.finditer(doc.text)})

    def merge(self, facts):
        c: Counter[str] = Counter()
        for f in facts:
            c.update(f or [])
        return dict(c)

    def check(self, doc, config):
        counts = doc.corpus.get(self.code, {})
        for m in _CAP.finditer(doc.text):
            if counts.get(m.group(), 0) <= 1:
                yield self.finding(doc, m.start(), m.end(), f"'{m.group()}' appears in one document only")


def unregister_test_rule() -> None:
    _REGISTRY.pop(RareCapitalisedWord.code, None)


# Registered on import; tests that import this module remove it again when they finish.
unregister_test_rule()
