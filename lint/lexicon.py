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
import importlib.resources
import importlib.util
import os
import re
import tempfile
import time
import zlib
from array import array
from functools import lru_cache
from pathlib import Path
from .lazyre import lazy_re

DICTIONARY = "frequency_dictionary_en_82_765.txt"


_TWO_FIELD_LINES = lazy_re(r"(?:\S+ \S+\n)*(?:\S+ \S+)?")


def _data_path(name: str) -> str:
    return str(importlib.resources.files("symspellpy") / name)


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """Lower-case word -> frequency count."""
    with open(_data_path(DICTIONARY), encoding="utf-8") as fh:
        return parse_counts(fh.read())


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


def frequency(word: str) -> int:
    return frequencies().get(word.lower(), 0)


def is_known(word: str) -> bool:
    return word.lower() in frequencies()


# ------------------------------------------------------------- Hunspell en_US (spylls)
def _package_dir(name: str) -> Path | None:
    """Where an installed package lives, found without importing it (wordfreq's import alone
    takes 0.3 s)."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(list(spec.submodule_search_locations)[0])


#: Hunspell dictionaries a system may have (Debian's hunspell-en-us, hunspell-en-gb ...)
SYSTEM_HUNSPELL_DIRS = ("/usr/share/hunspell", "/usr/share/myspell", "/usr/share/myspell/dicts")
_VARIETIES = ("en_US", "en_GB", "en_CA", "en_AU")


def _hunspell_files() -> list[tuple[Path, Path]]:
    """The English Hunspell dictionaries at hand (.dic, .aff): the en_US list of spylls when
    that optional package is installed (``garblint[hunspell]``), and any en_US/en_GB/en_CA/en_AU
    dictionary in the system's Hunspell folders. None is required: symspellpy's list (SCOWL
    words) is the curated base; these widen it (mostly with American forms)."""
    out = []
    base = _package_dir("spylls")
    if base is not None:
        dic, aff = base / "hunspell" / "data" / "en" / "en_US.dic", base / "hunspell" / "data" / "en" / "en_US.aff"
        if dic.is_file() and aff.is_file():
            out.append((dic, aff))
    for folder in SYSTEM_HUNSPELL_DIRS:
        for v in _VARIETIES:
            dic, aff = Path(folder) / f"{v}.dic", Path(folder) / f"{v}.aff"
            if dic.is_file() and aff.is_file() and dic.resolve() not in {d.resolve() for d, _ in out}:
                out.append((dic, aff))
    return out


def _parse_affixes(aff: str) -> dict[str, tuple[bool, bool, list[tuple[str, str, "re.Pattern[str]"]]]]:
    """flag -> (is_prefix, cross_product, [(strip, add, condition)]) from a Hunspell .aff text."""
    rules: dict[str, tuple[bool, bool, list[tuple[str, str, re.Pattern[str]]]]] = {}
    for line in aff.splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) < 4 or parts[0] not in ("PFX", "SFX"):
            continue
        kind, flag = parts[0], parts[1]
        if flag not in rules:  # the header: PFX/SFX flag cross_product count
            rules[flag] = (kind == "PFX", parts[2] == "Y", [])
            continue
        strip = "" if parts[2] == "0" else parts[2]
        add = parts[3].split("/", 1)[0]
        add = "" if add == "0" else add
        cond = parts[4] if len(parts) > 4 else "."
        try:
            rx = re.compile(("^" + cond) if kind == "PFX" else (cond + "$"))
        except re.error:  # pragma: no cover - a condition we cannot read
            continue
        rules[flag][2].append((strip, add, rx))
    return rules


def hunspell_forms(dic: str, aff: str) -> set[str]:
    """Every lower-case word form a Hunspell dictionary spells (stems with their affixes).

    Capitalised stems (names) are left out; continuation flags on affixes are not followed.
    """
    rules = _parse_affixes(aff)
    out: set[str] = set()
    for line in dic.splitlines()[1:]:
        stem, _, flags = line.strip().partition("/")
        if not stem or not stem[0].islower() or not stem.replace("'", "").isalpha():
            continue
        out.add(stem)
        suffixed: list[str] = []
        prefixes = []
        for f in flags:
            r = rules.get(f)
            if r is None:
                continue
            is_pfx, cross, entries = r
            if is_pfx:
                prefixes.append(r)
                continue
            for strip, add, rx in entries:
                if rx.search(stem) and (not strip or stem.endswith(strip)):
                    form = (stem[: -len(strip)] if strip else stem) + add
                    out.add(form)
                    if cross:
                        suffixed.append(form)
        for _, cross, entries in prefixes:
            for strip, add, rx in entries:
                for base in [stem] + (suffixed if cross else []):
                    if rx.search(base) and (not strip or base.startswith(strip)):
                        out.add(add + (base[len(strip) :] if strip else base))
    return {w.lower() for w in out}


# ------------------------------------------------------------------ the compact index
_INDEX_VERSION = 2
#: other languages whose common words (Zipf >= 3.5 there) the index records, for U001 and
#: for keeping S001 off foreign words
FOREIGN_LANGUAGES = ("es", "pt", "fr", "de", "it", "nl", "id", "vi", "pl", "tr", "sv", "ro")
_FOREIGN_MIN_BUCKET = 550  # Zipf 3.5


def _cache_dir() -> Path | None:
    """``$GARBLINT_DATA_CACHE``, else ``$XDG_CACHE_HOME/garblint``, else ``~/.cache/garblint``;
    None when ``GARBLINT_DATA_CACHE`` is empty (the index is then built in memory each run)."""
    env = os.environ.get("GARBLINT_DATA_CACHE")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "garblint"


def _sources_key() -> str:
    """Changes when wordfreq's or spylls's data file changes (an upgrade makes a new index)."""
    parts = [f"v{_INDEX_VERSION}"]
    wf = _package_dir("wordfreq")
    try:
        # by content, not modification time: every venv with the same wordfreq release then
        # shares one index instead of replacing the others' (a rebuild costs seconds and
        # about 300 MB); reading and checksumming the 1.5 MB file takes about a millisecond
        data = (wf / "data" / "large_en.msgpack.gz").read_bytes() if wf else None
    except OSError:
        data = None
    parts.append(f"{len(data)}-{zlib.crc32(data):08x}" if data is not None else "nowf")
    hs = []
    for dic, _ in _hunspell_files():
        st = os.stat(dic)
        hs.append(f"{st.st_size}-{st.st_mtime_ns}")
    parts.append(format(zlib.crc32(" ".join(hs).encode()), "08x") if hs else "nohs")
    return "_".join(parts)


_INDEX_WORD = lazy_re(r"^[^\W\d_]+(?:['\-][^\W\d_]+)*$")


def build_index_lines() -> list[str]:
    """``word<TAB>zipf*100<TAB>1 if a dictionary word else 0<TAB>language<TAB>its zipf*100``
    lines, sorted by word; the language is the other language (of FOREIGN_LANGUAGES) where
    the word is commonest, if it is common there."""
    zipfs: dict[str, int] = {}
    foreign: dict[str, tuple[int, str]] = {}
    try:
        import wordfreq

        for i, bucket in enumerate(wordfreq.get_frequency_list("en", wordlist="large")):
            z = 900 - i  # bucket i holds words of frequency 10^(-i/100): Zipf 9 - i/100
            for w in bucket:
                if _INDEX_WORD.match(w) and w not in zipfs:
                    zipfs[w] = z
        for lang in FOREIGN_LANGUAGES:
            try:
                buckets = wordfreq.get_frequency_list(lang, wordlist="large")
            except (LookupError, ValueError):
                buckets = wordfreq.get_frequency_list(lang, wordlist="small")
            for i, bucket in enumerate(buckets[: _FOREIGN_MIN_BUCKET + 1]):
                z = 900 - i
                for w in bucket:
                    if _INDEX_WORD.match(w) and foreign.get(w, (0, ""))[0] < z:
                        foreign[w] = (z, lang)
    except ImportError:  # pragma: no cover - wordfreq is a dependency
        pass
    dictionary: set[str] = set()
    for dic, aff in _hunspell_files():
        with contextlib.suppress(OSError, UnicodeError):
            dictionary |= hunspell_forms(dic.read_text(encoding="utf-8", errors="replace"), aff.read_text(encoding="utf-8", errors="replace"))
    dictionary.update(frequencies())
    words = sorted(set(zipfs) | dictionary | set(foreign))
    lines = []
    for w in words:
        fz, lang = foreign.get(w, (0, ""))
        lines.append(f"{w}\t{max(0, zipfs.get(w, 0))}\t{int(w in dictionary)}\t{lang}\t{fz}")
    return lines


_MAGIC = b"GLX1"


class _Index:
    """Sorted ``word\\tZ\\tD\\tLANG\\tFZ`` lines in one bytes object, searched by bisection.

    The cache file is ``GLX1``, the line count (4 bytes), the line offsets (4 bytes each) and
    the lines, so loading it is two reads.
    """

    def __init__(self, blob: bytes, starts: "array[int]") -> None:
        self.blob = blob
        self.starts = starts

    @classmethod
    def from_lines(cls, lines: list[str]) -> "_Index":
        blob = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        starts = array("I")
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line.encode("utf-8")) + 1
        return cls(blob, starts)

    def to_bytes(self) -> bytes:
        return _MAGIC + len(self.starts).to_bytes(4, "little") + self.starts.tobytes() + self.blob

    @classmethod
    def from_bytes(cls, data: bytes) -> "_Index":
        if data[:4] != _MAGIC or array("I").itemsize != 4:
            raise ValueError("not a lexicon index")
        n = int.from_bytes(data[4:8], "little")
        starts = array("I")
        starts.frombytes(data[8 : 8 + 4 * n])
        if len(starts) != n:
            raise ValueError("truncated lexicon index")
        return cls(data[8 + 4 * n :], starts)

    def get(self, word: str) -> tuple[int, bool, str, int] | None:
        key = word.encode("utf-8") + b"\t"
        blob, starts = self.blob, self.starts
        lo, hi = 0, len(starts)
        n = len(key)
        while lo < hi:
            mid = (lo + hi) // 2
            s = starts[mid]
            probe = blob[s : s + n]
            if probe < key:
                lo = mid + 1
            else:
                hi = mid
        if lo < len(starts):
            s = starts[lo]
            if blob.startswith(key, s):
                e = blob.find(b"\n", s)
                fields = blob[s + n : e if e != -1 else len(blob)].split(b"\t")
                return int(fields[0]), fields[1] == b"1", fields[2].decode("ascii"), int(fields[3])
        return None


@lru_cache(maxsize=1)
def _index() -> _Index:
    folder = _cache_dir()
    name = f"lexicon-{_sources_key()}.bin"
    if folder is not None:
        try:
            return _Index.from_bytes((folder / name).read_bytes())
        except (OSError, ValueError):
            pass  # not made yet, or damaged: made again below
    index = _Index.from_lines(build_index_lines())
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".lexicon-", suffix=".part", dir=folder)
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(index.to_bytes())
                os.replace(tmp, folder / name)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
            week_ago = time.time() - 7 * 86400
            for old in folder.glob("lexicon-*.bin"):  # indexes of older data, written over a week ago
                if old.name != name:
                    with contextlib.suppress(OSError):
                        if old.stat().st_mtime < week_ago:  # (another venv may still read it)
                            old.unlink()
        except OSError:
            pass  # a read-only or full cache folder: keep the index in memory only
    return index


@lru_cache(maxsize=65536)
def _entry(word: str) -> tuple[int, bool, str, int]:
    hit = _index().get(word)
    return hit if hit is not None else (0, False, "", 0)


def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of a lower-case English word (0.0 when not listed)."""
    return _entry(word)[0] / 100


def in_dictionary(word: str) -> bool:
    """A lower-case word of the curated lists (symspellpy's or Hunspell en_US)."""
    return word in frequencies() or _entry(word)[1]


def foreign(word: str) -> tuple[str, float]:
    """The other language (a code of FOREIGN_LANGUAGES) where a lower-case word is commonest,
    with its Zipf frequency there; ("", 0.0) when it is common in none of them."""
    e = _entry(word)
    return e[2], e[3] / 100
