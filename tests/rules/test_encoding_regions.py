"""E001's changed regions of a long paragraph (line by line, trimmed, tokens) against the one
character-level comparison of the whole paragraph that short paragraphs still get."""

from __future__ import annotations

import difflib
import random

import pytest

from garblint.rules import encoding as E

ftfy = pytest.importorskip("ftfy")

_WORDS = (
    "the council said on Tuesday that a new bridge would open next spring after years of delay "
    "residents café naïve résumé “quoted” it’s – — déjà vu façade coöperate piñata"
).split()


def _whole_regions(old: str, new: str) -> list[tuple[int, int, int, int]]:
    """The regions as E001 finds them in a short paragraph: one character-level difflib
    comparison of the whole text, grown to tokens and merged."""
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    regions: list[list[int]] = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        a, b = E._expand(old, i1, i2)
        c, d = j1 - (i1 - a), j2 + (b - i2)
        if regions and a <= regions[-1][1]:
            regions[-1][1], regions[-1][3] = b, d
        else:
            regions.append([a, b, c, d])
    return [tuple(r) for r in regions]  # type: ignore[misc]


def _damaged_paragraph(rng: random.Random, n_words: int, line_every: int, damage: float) -> str:
    """A paragraph with lines of ``line_every`` words (0: one line) in which a share ``damage``
    of the non-ASCII words are mis-decoded as Windows-1252."""
    out = []
    for i in range(n_words):
        w = rng.choice(_WORDS)
        if not w.isascii() and rng.random() < damage:
            try:
                w = w.encode("utf-8").decode("cp1252")
            except UnicodeDecodeError:  # (a byte Windows-1252 leaves undefined)
                pass
        sep = "\n" if line_every and i % line_every == line_every - 1 else " "
        out.append(w + sep)
    return "".join(out).rstrip()


@pytest.mark.parametrize("seed", range(12))
def test_long_paragraph_regions_match_the_whole_comparison(seed: int) -> None:
    rng = random.Random(seed)
    line_every = (0, 12, 40)[seed % 3]
    damage = (0.05, 0.3, 0.9)[seed // 3 % 3]
    old = _damaged_paragraph(rng, rng.randint(450, 550), line_every, damage)
    new = ftfy.fix_encoding(old)
    assert len(old) + len(new) > E._WHOLE_DIFF_CHARS  # the long path is the one tested
    if new == old:
        pytest.skip("nothing to repair in this draw")
    got = E._changed_regions(old, new)
    assert got == _whole_regions(old, new)
    for a, b, c, d in got:  # every region maps to its repair, and the rest is unchanged
        assert ftfy.fix_encoding(old[a:b]) == new[c:d]


def test_long_line_far_apart_changes() -> None:
    # One line far beyond the limit with a change near each end: the token alignment path.
    filler = " ".join(["plain"] * 3000)
    old = "cafÃ© " + filler + " itâ€™s"
    new = ftfy.fix_encoding(old)
    got = E._changed_regions(old, new)
    assert got == [(0, 5, 0, 4), (len(old) - 6, len(old), len(new) - 4, len(new))]
    assert [new[c:d] for _, _, c, d in got] == ["café", "it’s"]


def test_prefix_helper() -> None:
    assert E._common_prefix("abcdef", "abcxef") == 3
    assert E._common_prefix("", "abc") == 0
    assert E._common_prefix("same", "same") == 4
    assert E._common_prefix("ab", "abc") == 2
