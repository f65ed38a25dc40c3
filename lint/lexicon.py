"""The English lexicon every rule shares.

Three sources, all shipped inside installed packages (nothing is downloaded):

* ``frequencies()``: symspellpy's bundled frequency list (82,765 words: SCOWL words with
  their Google Books counts). The fast path: a lower-case word in it costs one dict look-up,
  and suggestions are chosen among its words (``lint.nearwords``).
* ``in_dictionary(word)``: that list, or an English Hunspell dictionary where one is at hand
  (the en_US list of the optional spylls package, ``garblint[hunspell]``, or the system's
  en_US/en_GB dictionaries; their affix rules expanded): both varieties are correct.
* ``zipf(word)``: how common a word is in wordfreq's English list (many sources, web text
  included; Zipf scale, 1.0 = once per 100 million words, 0.0 = not listed). Being listed
  does not make a word correct: wordfreq lists common misspellings too ("recieve" 2.75).

The last two come from one compact index built the first time a run needs it (about 1 s)
and kept in the user's cache folder (see ``_index_file``): a sorted text blob searched by
bisection, a few MB, read only when a text has a word the first list lacks.
"""

from __future__ import annotations

import contextlib
import importlib.util
import mmap
import os
import zlib
from array import array
from bisect import bisect_left
from functools import lru_cache
from itertools import accumulate, islice, repeat
import operator
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from . import _samples
from ._lexbuild import build_index_lines
from .hunspell import hunspell_files as _hunspell_files
from ._datacache import _Blob, _cache_dir, _save, remake
from .lazyre import lazy_re

DICTIONARY = "frequency_dictionary_en_82_765.txt"


_TWO_FIELD_LINES = lazy_re(r"(?:\S+ \S+\n)*(?:\S+ \S+)?")


def _data_path(name: str) -> str:
    """A data file of symspellpy, found without importing it (its import sets up logging)."""
    base = _package_dir("symspellpy")
    if base is None:  # pragma: no cover - symspellpy is a dependency
        import importlib.resources

        return str(importlib.resources.files("symspellpy") / name)
    return str(base / name)


_FREQS: dict[str, int] | None = None


def frequencies() -> dict[str, int]:
    """Lower-case word -> frequency count (built once per process; see ``counts``)."""
    global _FREQS
    if _FREQS is None:
        _FREQS = _cached_frequencies()
    return _FREQS


def _cached_frequencies() -> dict[str, int]:
    """parse_counts of symspellpy's list, kept in the cache folder as marshal data: read back
    in about 15 ms instead of 50 ms to check and parse the text (a process that analyses a
    long text needs the dict). The name says which file (size, modification time) and which
    marshal format it was made from."""
    import marshal

    path = _data_path(DICTIONARY)
    folder = _cache_dir()
    name = None
    if folder is not None:
        with contextlib.suppress(OSError):
            st = os.stat(path)
            name = f"counts-m{marshal.version}-{st.st_size}-{st.st_mtime_ns}.bin"
            with contextlib.suppress(ValueError, EOFError, TypeError):
                table = marshal.loads((folder / name).read_bytes())
                if type(table) is dict:
                    return table
    with open(path, encoding="utf-8") as fh:
        table = parse_counts(fh.read())
    if folder is not None and name is not None:
        _save(_Blob(marshal.dumps(table)), folder, name, "counts-")
    return table


def parse_counts(text: str) -> dict[str, int]:
    """``word count`` lines -> {word: count}; lines without exactly two fields are skipped."""
    if _TWO_FIELD_LINES.fullmatch(text):
        # every line is "word count": pair the fields in C (half the time of a loop per line)
        fields = text.split()
        return dict(zip(fields[0::2], map(int, fields[1::2])))
    out: dict[str, int] = {}
    for line in text.splitlines():  # an unexpected line somewhere: keep only the two-field lines
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = int(parts[1])
    return out


BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
#: symspellpy's pair counts run about this many times its word counts (a common word's pairs
#: add up to about 45 times its own count: both lists are Google Books counts, differently scaled)
BIGRAM_SCALE = 45.0
#: the pair list's smallest count: a pair it does not list was seen fewer times than this
BIGRAM_FLOOR = 6_400_000


def _bigram_lines() -> list[str]:
    with open(_data_path(BIGRAMS), encoding="utf-8") as fh:
        f = fh.read().split()
    return sorted(f"{a} {b}\t{n}" for a, b, n in zip(f[0::3], f[1::3], f[2::3]))


@lru_cache(maxsize=1)
def _bigram_index() -> "_Index":
    """symspellpy's pair list (242,342 pairs of common words with Google Books counts; MIT)
    as a sorted index in the cache folder: made once (about 0.3 s), then opened in a few ms,
    and only by a text with a misspelling whose suggestions need their neighbours."""
    size = os.stat(_data_path(BIGRAMS)).st_size
    return _cached_index(f"bigrams-v1-{size}.bin", _bigram_lines)


@lru_cache(maxsize=65536)
def bigram(a: str, b: str) -> int:
    """How often ``a b`` occurs in symspellpy's pair list (0 when it is not listed)."""
    raw = _bigram_index().raw(f"{a} {b}")
    return int(raw) if raw is not None else 0


def frequency(word: str) -> int:
    return counts().get(word.lower(), 0)


def is_known(word: str) -> bool:
    return word.lower() in counts()


# ------------------------------------------------------------- Hunspell en_US (spylls)
def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, found without importing it (wordfreq's import alone
    takes 0.3 s)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


# ------------------------------------------------------------------ the compact index
_INDEX_VERSION = 2


def _sources_key() -> str:
    """Changes when wordfreq's or spylls's data file changes (an upgrade makes a new index)."""
    parts = [f"v{_INDEX_VERSION}", _wordfreq_key()]
    hs = []
    for dic, _ in _hunspell_files():
        st = os.stat(dic)
        hs.append(f"{st.st_size}-{st.st_mtime_ns}")
    parts.append(format(zlib.crc32(" ".join(hs).encode()), "08x") if hs else "nohs")
    return "_".join(parts)


@lru_cache(maxsize=1)
def _wordfreq_key() -> str:
    """wordfreq's data file by content, not modification time: venvs with the same release
    share one index (a rebuild costs seconds). Read and checksummed (1.5-2 ms) once a process."""
    wf = _package_dir("wordfreq")
    try:
        data = (wf / "data" / "large_en.msgpack.gz").read_bytes() if wf else None
    except OSError:
        data = None
    return f"{len(data)}-{zlib.crc32(data):08x}" if data is not None else "nowf"


_MAGIC = b"GLX1"


class _Index:
    """Sorted ``word\\tFIELDS`` lines in one buffer, searched by bisection.

    The cache file is ``GLX1``, the line count (4 bytes), the line offsets (4 bytes each) and
    the lines: :meth:`open` maps it into memory (nothing is read until a look-up touches it).
    """

    #: a process that looks many keys up bisects a sample of every SAMPLE_EVERY-th line in C
    #: first (made after SAMPLE_AFTER look-ups: about 3 ms for the 446,000-line index, which a
    #: short text's few look-ups would not repay), then the 64 lines it leaves
    SAMPLE_EVERY = 64
    SAMPLE_AFTER = 500
    #: a mapped file's sample, once made, is kept beside it in the data cache folder and read
    #: back by later processes after STORED_AFTER look-ups (``lint/_samples.py``)
    STORED_AFTER = 50

    def __init__(self, buf: Any, starts: Any, base: int = 0, sample_file: Path | None = None) -> None:
        self.buf = buf  # bytes, or a read-only mmap of the cache file
        self.starts = starts  # line offsets from ``base``
        self.base = base
        self.end = len(buf)
        self._sample: list[bytes] | None = None
        #: (the sample, where each of its lines starts: every SAMPLE_EVERY-th of ``starts``)
        self._sample_at: tuple[list[bytes] | None, list[int]] = (None, [])
        self._probes = 0
        self.sample_file = sample_file  # where the sample is kept (None: not kept)

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> "_Index":
        blob = bytearray()
        starts = array("I")
        it = iter(lines)
        while chunk := list(islice(it, 8192)):  # joined and encoded a chunk at a time, in C
            text = "\n".join(chunk) + "\n"
            sizes = map(len, chunk) if text.isascii() else (len(line.encode("utf-8")) for line in chunk)
            offsets = list(accumulate(map(operator.add, sizes, repeat(1)), initial=len(blob)))
            starts.extend(offsets[:-1])
            blob += text.encode("utf-8")
        return cls(bytes(blob), starts)

    def to_bytes(self) -> bytes:
        return _MAGIC + len(self.starts).to_bytes(4, "little") + bytes(self.starts) + bytes(self.buf[self.base :])

    def write(self, out: Any) -> None:
        out.write(_MAGIC + len(self.starts).to_bytes(4, "little"))
        out.write(memoryview(self.starts).cast("B"))
        out.write(memoryview(self.buf)[self.base :])

    @classmethod
    def _check(cls, data: Any) -> int:
        if data[:4] != _MAGIC or array("I").itemsize != 4:
            raise ValueError("not a lexicon index")
        n = int.from_bytes(data[4:8], "little")
        if len(data) < 8 + 4 * n:
            raise ValueError("truncated lexicon index")
        return n

    @classmethod
    def from_bytes(cls, data: bytes) -> "_Index":
        n = cls._check(data)
        starts = array("I")
        starts.frombytes(data[8 : 8 + 4 * n])
        return cls(data, starts, 8 + 4 * n)

    @classmethod
    def open(cls, path: Path) -> "_Index":
        """The index in the file ``path``, mapped read-only (a damaged file: ValueError)."""
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if st.st_size < 8:
                raise ValueError("truncated lexicon index")
            mm = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        n = cls._check(mm)
        # the offsets, in this machine's byte order (the cache file is written here)
        return cls(mm, memoryview(mm)[8 : 8 + 4 * n].cast("I"), 8 + 4 * n, _samples.sample_file(path, st, cls.SAMPLE_EVERY))

    def _first_at_least(self, key: bytes) -> int:
        """The index of the first line whose first ``len(key)`` bytes are not below ``key``
        (the lines are sorted by their bytes)."""
        buf, starts, base = self.buf, self.starts, self.base
        lo, hi, n = 0, len(starts), len(key)
        sample = self._sample
        if sample is not None:
            # (for a key without a newline, as every key is, a line's first n bytes are below
            # it exactly when the whole line is: the sample's whole lines are compared, and
            # the lines sampled before the j-th are below it)
            j = bisect_left(sample, key)
            every = self.SAMPLE_EVERY
            if j:
                lo = (j - 1) * every + 1
            hi = min(hi, j * every)
        else:
            self._probes += 1
            if self._probes == self.STORED_AFTER + 1:
                self._sample = _samples.read(self)
            elif self._probes > self.SAMPLE_AFTER:
                self._sample = self._make_sample()
                _samples.keep(self, self._sample)
        while lo < hi:
            mid = (lo + hi) // 2
            s = base + starts[mid]
            if buf[s : s + n] < key:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def _make_sample(self) -> list[bytes]:
        """Every SAMPLE_EVERY-th line, whole (with its newline)."""
        buf, starts, base, n = self.buf, self.starts, self.base, len(self.starts)
        every = self.SAMPLE_EVERY
        return [bytes(buf[base + starts[i] : base + starts[i + 1] if i + 1 < n else self.end]) for i in range(0, n, every)]

    def _fields(self, word: str) -> bytes | None:
        """The line of ``word`` after its tab; None when it has none."""
        try:
            key = word.encode("utf-8") + b"\t"
        except UnicodeEncodeError:  # a lone surrogate: no line has it
            return None
        buf, starts, base = self.buf, self.starts, self.base
        n = len(key)
        sample = self._sample
        if sample is not None:
            # the line, if any, is the sampled line j * every or one of the lines between the
            # sampled lines j - 1 (below the key) and j: found there by one search in C for the
            # key after a newline (a line start) from the sampled line j - 1's start, not by
            # bisecting those lines in Python
            j = bisect_left(sample, key)
            if j < len(sample) and sample[j].startswith(key):
                return sample[j][n:].rstrip(b"\n")
            if not j:
                return None
            kept = self._sample_at
            if kept[0] is not sample:  # (a sample made or read since: its lines' offsets)
                kept = self._sample_at = (sample, starts[:: self.SAMPLE_EVERY].tolist())
            at = kept[1]
            s = buf.find(b"\n" + key, base + at[j - 1], base + at[j] if j < len(at) else self.end) + 1
            if not s:
                return None
        else:
            lo = self._first_at_least(key)
            if lo >= len(starts):
                return None
            s = base + starts[lo]
            if buf[s : s + n] != key:
                return None
        e = buf.find(b"\n", s + n)
        return buf[s + n : e if e != -1 else self.end]

    def with_prefix(self, prefix: str, limit: int = 4000) -> Iterator[bytes]:
        """The lines (at most ``limit``) whose key starts with ``prefix``, in order."""
        key = prefix.encode("utf-8")
        buf, starts, base = self.buf, self.starts, self.base
        n = len(key)
        lo = self._first_at_least(key)
        for i in range(lo, min(len(starts), lo + limit)):
            s = base + starts[i]
            if buf[s : s + n] != key:
                return
            e = buf.find(b"\n", s)
            yield bytes(buf[s : e if e != -1 else self.end])

    def block_with_prefix(self, prefix: str, limit: int = 4000) -> str:
        """The lines ``with_prefix`` gives, as one text (each line ending in a newline): two
        bisections and one slice, for a regex to read in C instead of a line at a time."""
        key = prefix.encode("utf-8")
        if not key:
            return ""
        lo = self._first_at_least(key)
        # (the first line past them: the first not below ``key`` with its last byte raised;
        # UTF-8 never has a byte 0xff, so the raised byte exists)
        hi = min(self._first_at_least(key[:-1] + bytes((key[-1] + 1,))), lo + limit)
        if lo >= hi:
            return ""
        starts, base = self.starts, self.base
        end = base + starts[hi] if hi < len(starts) else self.end
        return bytes(self.buf[base + starts[lo] : end]).decode("utf-8")

    def block_between(self, lo: str, hi: str) -> str:
        """The lines whose key is at least ``lo`` and below ``hi`` (keys of the same length as
        both, as in a table of fixed-width keys), as one text, each line ending in a newline."""
        a = self._first_at_least(lo.encode("utf-8", "surrogatepass"))
        b = self._first_at_least(hi.encode("utf-8", "surrogatepass"))
        if a >= b:
            return ""
        starts, base = self.starts, self.base
        end = base + starts[b] if b < len(starts) else self.end
        return bytes(self.buf[base + starts[a] : end]).decode("utf-8")

    def get(self, word: str) -> tuple[int, bool, str, int] | None:
        fields = self._fields(word)
        if fields is None:
            return None
        f = fields.split(b"\t")
        return int(f[0]), f[1] == b"1", f[2].decode("ascii"), int(f[3])

    def count(self, word: str) -> int | None:
        fields = self._fields(word)
        return None if fields is None else int(fields)

    def raw(self, key: str) -> bytes | None:
        """The value of ``key`` (the line after its tab), or None: for tables of other data."""
        return self._fields(key)


@lru_cache(maxsize=1)
def _index() -> _Index:
    return _cached_index(f"lexicon-{_sources_key()}.bin", build_index_lines)


#: a sorted ``key<TAB>value`` table searched by bisection (``raw(key)`` -> the value bytes)
Table = _Index


def cached_table(name: str, build: "Callable[[], Iterable[str]]") -> Table:
    """A table of sorted ``key<TAB>value`` lines kept as ``name`` in the data cache folder
    (made from ``build()`` the first time, or in memory when there is no usable folder)."""
    return _cached_index(name, build)


def _cached_index(name: str, build: "Callable[[], Iterable[str]]") -> _Index:
    """The index file ``name`` in the cache folder, made from ``build()`` if it is missing."""
    folder = _cache_dir()
    keep = folder is not None
    if folder is not None:
        try:
            return _Index.open(folder / name)
        except (OSError, ValueError) as exc:
            keep = remake(exc)  # not made yet, or damaged: made again below (and kept)
    index = _Index.from_lines(build())
    if folder is not None and keep:
        _save(index, folder, name, name.split("-", 1)[0] + "-")
    return index


# ------------------------------------------------------- small texts: the mapped base list
#: a text of at most this many words looks symspellpy's counts up in a mapped copy of the list
#: (``counts_for``) instead of building the 82,765-entry dict (about 30 ms and 12 MB)
SMALL_TEXT_WORDS = 1000
#: index look-ups (bisections of a few microseconds each) after which a process builds the
#: dict instead: from there on the dict is the cheaper of the two (a run of many small files)
_SMALL_PROBES = 5000


class _MappedCounts(Mapping[str, int]):
    """symspellpy's word counts from the mapped base index: the answers of the dict of
    ``frequencies()``, each word bisected for once."""

    def __init__(self, index: _Index) -> None:
        self.index = index
        self.seen: dict[str, int | None] = {}
        self.probes = 0

    def _count(self, word: object) -> int | None:
        seen = self.seen
        if word in seen:
            return seen[word]  # type: ignore[index]
        if not isinstance(word, str):
            return None
        self.probes += 1
        n = seen[word] = self.index.count(word)
        return n

    def __contains__(self, word: object) -> bool:
        return self._count(word) is not None

    def __getitem__(self, word: str) -> int:
        n = self._count(word)
        if n is None:
            raise KeyError(word)
        return n

    def get(self, word: str, default: Any = None) -> Any:  # type: ignore[override]
        n = self._count(word)
        return default if n is None else n

    def __iter__(self) -> Iterator[str]:
        return iter(frequencies())

    def __len__(self) -> int:
        return len(frequencies())


@lru_cache(maxsize=1)
def _base_key() -> str | None:
    """By content (size and CRC-32 of symspellpy's list, about a millisecond), not modification
    time: every venv with the same symspellpy release then shares one copy."""
    try:
        with open(_data_path(DICTIONARY), "rb") as fh:
            data = fh.read()
    except OSError:
        return None
    return f"{len(data)}-{zlib.crc32(data):08x}"


_MAPPED: list[_MappedCounts | None] = []


def _mapped_counts() -> _MappedCounts | None:
    """The mapped base list, or None where there is no cache folder. The first time on a
    machine it is written from the dict (so that run builds the dict anyway)."""
    if _MAPPED:
        return _MAPPED[0]
    folder, key = _cache_dir(), _base_key()
    mapped = None
    if folder is not None and key is not None:
        name = f"base-{key}.bin"
        try:
            mapped = _MappedCounts(_Index.open(folder / name))
        except (OSError, ValueError) as exc:
            freqs = frequencies()
            if remake(exc):
                _save(_Index.from_lines(f"{w}\t{freqs[w]}" for w in sorted(freqs)), folder, name, "base-")
    _MAPPED.append(mapped)
    return mapped


def counts() -> Mapping[str, int]:
    """symspellpy's word counts for a few look-ups: the dict once a process has it; before
    that, the mapped copy (same answers) until it has answered ``_SMALL_PROBES`` new words."""
    if _FREQS is not None:
        return _FREQS
    mapped = _mapped_counts()
    if mapped is None or mapped.probes > _SMALL_PROBES:
        return frequencies()
    return mapped


def counts_for(n_words: int) -> Mapping[str, int]:
    """symspellpy's word counts for the analysis of a text of ``n_words`` words: the dict for a
    longer text than SMALL_TEXT_WORDS (an analysis then looks up thousands of words), else
    ``counts()``."""
    return frequencies() if n_words > SMALL_TEXT_WORDS else counts()


def member_test(freqs: Mapping[str, int]) -> "Callable[[object], bool]":
    """``freqs.__contains__`` for the counts ``counts_for`` gave: the dict's own (C) where it
    is the dict, else ``listed`` (the mapped copy answers each word in Python)."""
    return freqs.__contains__ if type(freqs) is dict else listed


@lru_cache(maxsize=65536)
def listed(word: object) -> bool:
    """Whether symspellpy's list has ``word`` (``word in counts()``), kept for the process: a
    run of many small files asks it of the same words again."""
    return word in counts()


@lru_cache(maxsize=65536)
def _entry(word: str) -> tuple[int, bool, str, int]:
    hit = _index().get(word)
    return hit if hit is not None else (0, False, "", 0)


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-case English word (0.0 when not listed)."""
    return _entry(word)[0] / 100


def words_with_prefix(prefix: str, limit: int = 20000) -> Iterator[tuple[str, float]]:
    """The words of the index that start with ``prefix`` (at most ``limit``), with their
    wordfreq Zipf values, in alphabetical order."""
    for line in _index().with_prefix(prefix, limit):
        f = line.split(b"\t", 2)
        yield f[0].decode("utf-8"), int(f[1]) / 100


def lines_with_prefix(prefix: str, limit: int = 20000) -> str:
    """The index lines of the words ``words_with_prefix`` gives (``word<TAB>zipf*100<TAB>...``,
    each ending in a newline), as one text for a regex to pick from in C."""
    return _index().block_with_prefix(prefix, limit)


def commonest_zipf_with_prefix(prefix: str) -> float:
    """The Zipf value of the commonest English word that starts with ``prefix`` (a word
    clipped from it opens a blend: "econo|box"); 0.0 when none does."""
    return max((z for _, z in words_with_prefix(prefix, 4000)), default=0.0)


def in_dictionary(word: str) -> bool:
    """A lower-case word of the curated lists (symspellpy's or Hunspell en_US)."""
    return word in counts() or _entry(word)[1]


def foreign(word: str) -> tuple[str, float]:
    """The other language (a code of FOREIGN_LANGUAGES) where a lower-case word is commonest,
    with its Zipf frequency there; ("", 0.0) when it is common in none of them."""
    e = _entry(word)
    return e[2], e[3] / 100
