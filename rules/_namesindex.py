"""A names list (config ``names``), indexed by blocking keys: the entries a person's full name
or a bare name is a near miss (or an exact match) of, for :mod:`._entities`."""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Iterable

from ..lint.lazyimport import lazy_module
from ._namesim import blocking_keys, close_spelling, close_surname, first_compatible, phon_dist
from ._namewords import PARTICLES, fold

if TYPE_CHECKING:
    from rapidfuzz import fuzz
else:
    fuzz = lazy_module("rapidfuzz.fuzz")  # imported when first used


class NamesIndex:
    """A names list, indexed by blocking keys for near-miss look-ups."""

    def __init__(self, entries: Iterable[str]) -> None:
        self.entries: list[tuple[str | None, str, str]] = []  # (first, surname, full)
        self.exact: set[str] = set()
        self.surname_exact: set[str] = set()
        self.blocks: dict[str, list[int]] = defaultdict(list)
        for e in entries:
            toks = e.split()
            if not toks:
                continue
            if len(toks) == 1:
                first, sur = None, toks[0]
            else:
                j = len(toks) - 1
                while j > 1 and fold(toks[j - 1]) in PARTICLES:
                    j -= 1
                first, sur = toks[0], " ".join(toks[j:])
            idx = len(self.entries)
            self.entries.append((first, sur, e))
            self.exact.add(fold(e))
            self.surname_exact.add(fold(sur))
            for k in blocking_keys(sur):
                self.blocks[k].append(idx)

    def candidates(self, surname: str) -> list[int]:
        out: list[int] = []
        seen: set[int] = set()
        for k in blocking_keys(surname):
            for i in self.blocks.get(k, ()):
                if i not in seen:
                    seen.add(i)
                    out.append(i)
        return out

    def match_person(self, first: str, surname: str) -> tuple[int, float] | None:
        """The entry a full name is a near miss (or an exact match) of, with a score."""
        best: list[tuple[float, int]] = []
        full = f"{first} {surname}"
        for i in self.candidates(surname):
            ef, es, efull = self.entries[i]
            if ef is None:
                continue
            sur_eq = fold(es) == fold(surname)
            sur_close = sur_eq or close_surname(surname, es) > 0
            if fold(first) == fold(ef) and sur_close:
                best.append((1.0 if sur_eq else 0.9, i))
            elif sur_eq and first_compatible(first, ef):
                best.append((0.9, i))
            else:
                fr = fuzz.ratio(fold(full), fold(efull))
                if fr >= 82 and fuzz.ratio(fold(first), fold(ef)) >= 70 and fuzz.ratio(fold(surname), fold(es)) >= 70 and phon_dist(surname, es) <= 1:
                    best.append((fr / 100 * 0.9, i))
        if not best:
            return None
        best.sort(reverse=True)
        if len(best) > 1 and best[1][0] == best[0][0] and fold(self.entries[best[1][1]][2]) != fold(self.entries[best[0][1]][2]):
            return None  # two entries fit equally: do not guess
        return best[0][1], best[0][0]

    def match_bare(self, spelling: str, strict: bool) -> int | None:
        f = fold(spelling)
        hits = []
        for i in self.candidates(spelling):
            ef, es, _ = self.entries[i]
            if fold(es) == f:
                return i
            s = close_spelling(spelling, es)
            if s and (ef is None or s >= (0.85 if strict else 0.8)):
                hits.append((s, i))
        if not hits:
            return None
        hits.sort(reverse=True)
        if len(hits) > 1 and hits[1][0] == hits[0][0] and fold(self.entries[hits[1][1]][1]) != fold(self.entries[hits[0][1]][1]):
            return None
        return hits[0][1]
