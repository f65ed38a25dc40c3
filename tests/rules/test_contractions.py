"""S002's scan from its hints finds what a plain scan of the whole pattern finds."""

from __future__ import annotations

import random

from garblint.rules import _words


def _plain(text: str) -> list[tuple[int, int, str]]:
    saved = _words._contraction_matches
    _words._contraction_matches = _words._BROKEN_CONTRACTION.finditer
    try:
        return _words.broken_contractions(text)
    finally:
        _words._contraction_matches = saved


def test_hint_scan_equals_plain_scan():
    rng = random.Random(11)
    letters = list("abcdint ostehywrvmlu") + ["'", "\u2019", "\u2018", " ", " ", "\n", "`"]
    pieces = "it isn is n't don do can ca wo I you they we he she that there let 's 're 've 'll 'd 'm t s".split()
    found = 0
    for trial in range(4000):
        if trial % 2:
            text = "".join(rng.choice(letters) for _ in range(rng.randrange(0, 80)))
        else:
            text = "".join(rng.choice(pieces) + rng.choice([" ", "", "' ", " '", "\n", "\u2019 "]) for _ in range(rng.randrange(0, 20)))
        got = _words.broken_contractions(text)
        assert got == _plain(text), text
        found += len(got)
    assert found > 100
