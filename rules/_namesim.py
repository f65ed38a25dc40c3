"""Spelling similarity of names: when two spellings are one name damaged (edit distance, phonetic
keys, morphological and gendered forms), the blocking keys that keep comparisons few, and the
clustering of spellings into groups.

Every comparison is blocked first (by phonetic key and by prefix), so grouping thousands of
distinct names never compares all pairs.
"""

from __future__ import annotations


from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Sequence

from ..lint.lazyimport import lazy_module

if TYPE_CHECKING:
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA, Levenshtein
else:  # imported when first used (a text without names never needs rapidfuzz)
    fuzz = lazy_module("rapidfuzz.fuzz")
    process = lazy_module("rapidfuzz.process")
    OSA = lazy_module("rapidfuzz.distance.OSA")
    Levenshtein = lazy_module("rapidfuzz.distance.Levenshtein")

from ._namewords import fold, given_names, phonetic

# ------------------------------------------------------------------ similarity
_MORPH_SUFFIXES = ("s", "es", "i", "is", "n", "an", "ian", "ans", "ians", "ese", "ish", "ite", "ites", "ic")


_GENDERED = (
    ("ov", "ova"),
    ("ev", "eva"),
    ("in", "ina"),
    ("yn", "yna"),
    ("ski", "ska"),
    ("sky", "skaya"),
    ("skiy", "skaya"),
    ("cki", "cka"),
    ("dzki", "dzka"),
    ("ý", "á"),
    ("is", "ienė"),
    ("as", "ienė"),
)

_MASCULINE = tuple(m for m, _f in _GENDERED)


def morphological(a: str, b: str) -> bool:
    """True when one spelling is the other plus an English ending (Kenya/Kenyan, Japan/Japanese)
    or its other-gender form (Karimov/Karimova, Nowacki/Nowacka): related words or relatives,
    not a misspelling."""
    if len(a) > len(b):
        a, b = b, a
    if a.endswith(_MASCULINE):  # (most pairs end in none of them: asked in C)
        for m, f in _GENDERED:
            if len(a) > len(m) + 2 and a.endswith(m) and b == a[: len(a) - len(m)] + f:
                return True
    if not b.startswith(a):
        return False
    suffix = b[len(a) :]
    if suffix not in _MORPH_SUFFIXES:
        return False
    if suffix == "n" and a[-1:] not in "aeiou":
        return False  # "Quellman"/"Quellmann" is a doubled letter, "Kenya"/"Kenyan" a demonym
    return True


def phon_dist(a: str, b: str) -> int:
    return Levenshtein.distance(phonetic(a), phonetic(b))


def close_spelling(a: str, b: str) -> float:
    """Similarity (0..1) of two spellings of one name, or 0 when they are not variants.

    Both must look alike (rapidfuzz ratio) and sound alike (metaphone keys at most one edit
    apart). Used where nothing else says the two are one name (bare names, places)."""
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 3:
        return 0.0
    r = fuzz.ratio(fa, fb) / 100.0
    if r < 0.75 or morphological(fa, fb):  # (below 0.75 neither test below holds: most pairs)
        return 0.0
    pd = phon_dist(fa, fb)
    if r >= 0.8 and pd <= 1:
        return r
    if r >= 0.75 and pd == 0 and fa[0] == fb[0]:
        return r
    return 0.0


def close_surname(a: str, b: str) -> float:
    """Like :func:`close_spelling`, for the surname of a known person: one slip of typing
    (a letter dropped, added, changed or two swapped) is enough even where the phonetic key
    changes ("Abela"/"Aela"), since the person's introduction already says it is a name."""
    s = close_spelling(a, b)
    if s:
        return s
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 4 or morphological(fa, fb):
        return 0.0
    r = fuzz.ratio(fa, fb) / 100.0
    if OSA.distance(fa, fb) <= 1 or (r >= 0.9 and min(len(fa), len(fb)) >= 7):
        return r
    return 0.0


def loose_spelling(a: str, b: str) -> float:
    """Looser similarity for a bare surname that may be a damaged form of an introduced one."""
    fa, fb = fold(a), fold(b)
    if fa == fb or min(len(fa), len(fb)) < 4 or fa[0] != fb[0]:
        return 0.0
    r = fuzz.ratio(fa, fb) / 100.0
    # (the ratio first, in C: most pairs fail it, and morphological need not be asked)
    if r >= 0.6 and not morphological(fa, fb) and phon_dist(fa, fb) <= 1:
        return r
    return 0.0


@lru_cache(maxsize=131072)
def first_compatible(a: str, b: str) -> bool:
    """Could these two first names be one person's (equal, an initial, or a misspelling)?"""
    fa, fb = fold(a).rstrip("."), fold(b).rstrip(".")
    if fa == fb:
        return True
    if len(fa) == 1 or len(fb) == 1:
        return fa[0] == fb[0]
    if fa in given_names() and fb in given_names():
        return False  # two real, different given names: two people
    return fuzz.ratio(fa, fb) >= 70 and phon_dist(fa, fb) <= 1


@lru_cache(maxsize=65536)
def blocking_keys(s: str) -> tuple[str, ...]:
    """Phonetic key, the last three letters, and the one-letter deletions of the first four
    (as SymSpell does): two spellings one or two edits apart nearly always share one."""
    f = fold(s)
    head = f[:4]
    keys = {"p:" + phonetic(f), "e:" + f[-3:]}
    if len(head) < 4:
        keys.add("b:" + head)
    else:  # (each one-letter deletion of the four, written out: no generator per spelling)
        keys.update(("b:" + head[1:], "b:" + head[0] + head[2:], "b:" + head[:2] + head[3], "b:" + head[:3]))
    return tuple(sorted(keys))


_PREFILTER = 59.0  # no similarity test of this module accepts a pair below this ratio


def loose_near(a: str, folded: list[str]) -> list[int]:
    """The indexes of the spellings ``folded`` (each one ``fold``-ed) whose ratio with
    ``fold(a)`` is at least _PREFILTER, found by rapidfuzz in C: ``loose_spelling(a, b)`` is 0
    for every ``b`` whose fold is one of the others (its ratio below 60)."""
    return [i for _, _, i in process.extract(fold(a), folded, scorer=fuzz.ratio, score_cutoff=_PREFILTER, limit=None)]


def cluster_spellings(spellings: Sequence[str], close: Callable[[str, str], float] = close_spelling) -> list[list[int]]:
    """Group spellings that are variants of each other, comparing only within blocks.

    Blocks are those of :func:`blocking_keys`: a damaged spelling nearly always keeps one of
    them. Returns groups of indices (singletons too).
    """
    n = len(spellings)
    if n < 2:
        return [[0]] if spellings else []  # nothing to compare
    if n == 2:
        # (most documents' lists: what _cluster_blocks does for one pair, without its tables;
        # tests/rules/test_names_fast.py compares the two)
        return [[0, 1]] if _joined(spellings[0], spellings[1], close) else [[0], [1]]
    if n <= _FEW:
        return _cluster_few(spellings, close)
    return _cluster_blocks(spellings, close)


#: whether cluster_spellings joins two spellings (a shared blocking key, the prefilter, then
#: ``close``), per close function and ordered pair: kept across documents, since the people and
#: places of a corpus come back from file to file; bounded (a huge text starts over)
_JOINED: dict[tuple[Callable[[str, str], float], str, str], bool] = {}
_JOINED_MAX = 65_536
_FEW = 8  # up to this many spellings, compared pair by pair


def _joined(a: str, b: str, close: Callable[[str, str], float]) -> bool:
    """Does _cluster_blocks join ``a`` and ``b`` directly (``a`` listed first)?"""
    key = (close, a, b)
    hit = _JOINED.get(key)
    if hit is None:
        hit = (
            not set(blocking_keys(a)).isdisjoint(blocking_keys(b))
            and fuzz.ratio(fold(a), fold(b), score_cutoff=_PREFILTER) >= _PREFILTER
            and close(a, b) > 0
        )
        if len(_JOINED) >= _JOINED_MAX:
            _JOINED.clear()
        _JOINED[key] = hit
    return hit


def _cluster_few(spellings: Sequence[str], close: Callable[[str, str], float]) -> list[list[int]]:
    """cluster_spellings of a few spellings: the groups _cluster_blocks finds (each pair it
    would join, by _joined; the groups in the order of their first spelling, each in order),
    without its tables (tests/rules/test_names_fast.py compares the two)."""
    n = len(spellings)
    group = list(range(n))  # each spelling's group: the index of its first spelling
    for j in range(1, n):
        b = spellings[j]
        for i in range(j):
            if group[i] != group[j] and _joined(spellings[i], b, close):
                old, new = (group[i], group[j]) if group[i] > group[j] else (group[j], group[i])
                group = [new if g == old else g for g in group]
    out: dict[int, list[int]] = {}
    for i, g in enumerate(group):
        out.setdefault(g, []).append(i)
    return list(out.values())


def _cluster_blocks(spellings: Sequence[str], close: Callable[[str, str], float]) -> list[list[int]]:
    """cluster_spellings of two spellings or more."""
    parent = list(range(len(spellings)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    blocks: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(spellings):
        for k in blocking_keys(s):
            blocks[k].append(i)
    folded = [fold(s) for s in spellings]
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2:
            continue
        choices = [folded[i] for i in members]
        for x in range(len(members) - 1):
            i = members[x]
            # rapidfuzz scans the rest of the block in C; only near pairs reach Python
            near = process.extract(choices[x], choices[x + 1 :], scorer=fuzz.ratio, score_cutoff=_PREFILTER, limit=None)
            for _, _, y in near:
                j = members[x + 1 + y]
                key = (i, j) if i < j else (j, i)
                if key in seen:
                    continue
                seen.add(key)
                if find(i) != find(j) and close(spellings[i], spellings[j]) > 0:
                    parent[find(i)] = find(j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(spellings)):
        groups[find(i)].append(i)
    return list(groups.values())
