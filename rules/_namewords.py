"""Words about names: the vocabularies the name analysis reads (titles, particles, stop words...),
the case- and accent-folding key two spellings are compared on, and the given names and surnames
of the census lists the ``names`` package ships.

Not a rule module (the leading underscore keeps :func:`load_rules` from importing it as one).
"""

from __future__ import annotations


import contextlib
import importlib.util
import os
import re
import unicodedata
from functools import lru_cache
from operator import itemgetter, methodcaller
from typing import TYPE_CHECKING

from ..lint import lexicon
from ..lint.lazyimport import lazy_module
from ..lint.wordlists import word_set
from ._sentences import DETERMINERS  # noqa: F401 - one list, read once; the name modules import it from here

if TYPE_CHECKING:
    import jellyfish
else:
    jellyfish = lazy_module("jellyfish")  # imported when first used
from ..lint.lazyre import lazy_re

# ----------------------------------------------------------------- word lists
#: Words that make a title in front of a name (case-folded, abbreviations without the dot).
TITLE_WORDS = word_set("name-titles")
#: Abbreviations that take a full stop inside a name run ("Maj. Gen. Pat Doe", "Dr. Lee").
ABBREVIATIONS = word_set("title-abbreviations")
#: Lower-case particles inside names (von der Aa, bin Said, de la Cruz).
PARTICLES = word_set("name-particles")
SUFFIXES = word_set("name-suffixes")
#: Capitalised words that are not names even mid-sentence.
NOT_NAMES = word_set("not-names")
#: Words that open sentences and are never names.
STOPWORDS = word_set("name-stopwords")
#: Verbs of saying that follow a person's name ("Quell said").
SPEECH_VERBS = word_set("speech-verbs")
#: Last words that make a run an organisation or a place, not a person.
ORG_WORDS = word_set("organisation-words")
_QUOTE_CUES = lazy_re(
    r"\b(?:book|novel|memoir|film|movie|song|album|play|series|show|documentary|article|essay|"
    r"report|poem|opera|painting|exhibition|column|titled|entitled|called|headlined)\W{0,3}$",
    re.I,
)
_QUOTE_PAIRS = lazy_re(r"\u201c([^\u201c\u201d\n]{1,200})\u201d|\"([^\"\n]{1,200})\"|\u2018([^\u2018\u2019\n]{1,200})\u2019(?!\w)")
#: each of _QUOTE_PAIRS' three kinds of pair alone (the inner text its group 1), with the
#: character it opens with: a text that quotes with one kind only has those pairs, found by
#: sre's fast scan for that character rather than by the alternation's test at every position
_QUOTE_PAIR_KINDS = (
    ("\u201c", lazy_re(r"\u201c([^\u201c\u201d\n]{1,200})\u201d")),
    ('"', lazy_re(r"\"([^\"\n]{1,200})\"")),
    ("\u2018", lazy_re(r"\u2018([^\u2018\u2019\n]{1,200})\u2019(?!\w)")),
)
_QWORD = lazy_re(r"[^\W\d_][\w'\u2019\-]*")
_CLAUSE_PUNCT = lazy_re(r"[.!?,;]\s")
_OPENING = lazy_re(r"[:\u201c\"]\s*[\u201c\"\u2018']?$")
_APOS = "'\u2019\u02bc"
_POSSESSIVE = lazy_re(r"[" + _APOS + r"]s$")
#: where a word _OPENING opens starts: the end of a match (an opening character, then what
#: _OPENING lets follow it in the two characters before the word: a white space character or
#: two, a quotation mark after at most one, or, for "$"
#: before a final line break, a quotation mark and a line break), a word character after it
_OPENED_WORD = lazy_re(r"[:\u201c\"](?:\s{1,2}|\s?[\u201c\"\u2018']|[\u201c\"\u2018']\n)?(?=[^\W_])")
#: _OPENED_WORD for each of its three opening characters ("_OPENED_WORD" whose charset is
#: that character): a pattern that opens with one character is searched for by sre's fast
#: scan for it, the charset by a test of the three at every position. Their matches end where
#: _OPENED_WORD's do (a match ends at the first word character after its opening character,
#: what lies between being white space or quotation marks: one inside another's ends with it)
_OPENED_GAP = r"(?:\s{1,2}|\s?[\u201c\"\u2018']|[\u201c\"\u2018']\n)?"  # (what lies between)
_OPENED_AFTER = tuple((c, lazy_re(re.escape(c) + _OPENED_GAP + r"(?=[^\W_])")) for c in ':\u201c"')


def _strip_possessive(tok: str) -> str:
    """``_POSSESSIVE.sub("", tok)`` without a regex: a word token has no newline, so ``$`` is
    its end."""
    return tok[:-2] if len(tok) >= 2 and tok[-1] == "s" and tok[-2] in _APOS else tok


_GAP_SPACE = lazy_re(r"[ \t\u00a0]{1,3}(?:\r?\n[ \t]*)?|\r?\n[ \t]*")
_GAP_DOT = lazy_re(r"\.[ \t\u00a0]{0,2}(?:\r?\n)?")
_LOWER_PART = lazy_re(r"^(?:" + "|".join(sorted(PARTICLES)) + r")[\-\u2010\u2011](?=[A-Z])")


@lru_cache(maxsize=131072)
def fold(s: str) -> str:
    """Case-fold and strip accents and apostrophes: the key two spellings are compared on."""
    if s.isascii():  # what the general path gives an ASCII word, without NFKD
        s = s.lower()
        return s.replace("'", "") if "'" in s else s
    s = unicodedata.normalize("NFKD", s.casefold())
    return "".join(c for c in s if not unicodedata.combining(c) and c not in _APOS)


@lru_cache(maxsize=65536)
def phonetic(s: str) -> str:
    f = fold(s)
    # (a spelling of ASCII letters only, most of them, is its letters: no generator)
    letters = f if f.isalpha() and f.isascii() else "".join(c for c in f if c.isalpha() and c.isascii())
    if not letters:
        return f
    try:
        return jellyfish.metaphone(letters)
    except Exception:  # pragma: no cover - jellyfish rejects odd input
        return letters.upper()


@lru_cache(maxsize=1)
def _names_folder() -> str | None:
    """The ``names`` package's folder, found without importing it ("" when it is not
    installed; None when its spec has no folder): looked for once a process."""
    try:
        spec = importlib.util.find_spec("names")
        return list(spec.submodule_search_locations or [])[0] if spec else ""
    except (ModuleNotFoundError, TypeError, IndexError):
        return None


def _read_census(name: str) -> set[str]:
    try:
        folder = _names_folder()
        if folder is None:
            return set()
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as fh:
            text = fh.read()
    except OSError:  # (_names_folder has caught what finding the package can raise)
        return set()
    # the first field of each line, case-folded (the whole text at once: the same, in C)
    return set(map(itemgetter(0), filter(None, map(methodcaller("split", None, 1), text.casefold().splitlines()))))


_GIVEN_LISTS = ("dist.male.first", "dist.female.first")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Given names of the US census lists shipped in the MIT-licensed ``names`` package, kept
    in the data cache folder as marshal data named by the lists' sizes and modification times
    (read back with about a tenth of the instructions of reading and splitting the two lists
    again, which a run that looks at names paid once)."""
    import marshal

    from ..lint._datacache import _Blob, _cache_dir, _save

    folder = _cache_dir()
    name = f"census-first-m{marshal.version}-" + "-".join(map(_census_key, _GIVEN_LISTS)) + ".bin"
    if folder is not None:
        with contextlib.suppress(OSError, ValueError, EOFError, TypeError):
            kept = marshal.loads((folder / name).read_bytes())
            if type(kept) is frozenset:
                return kept
    out = frozenset(_read_census(_GIVEN_LISTS[0]) | _read_census(_GIVEN_LISTS[1]))
    if folder is not None:
        _save(_Blob(marshal.dumps(out)), folder, name, "census-first-")
    return out


class CensusTable:
    """Membership in a census list kept as a sorted table in the data cache folder
    (lexicon.cached_table): made once, then mapped, not read, by each process; the few names a
    run asks about are bisected for. Answers what ``name in set_of_the_list`` answers."""

    def __init__(self, table: "lexicon.Table") -> None:
        self.table = table
        self.seen: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        hit = self.seen.get(name)
        if hit is None:
            hit = self.seen[name] = self.table.raw(name) is not None
        return hit


def _census_key(name: str) -> str:
    """Changes when the list's file does (size and modification time)."""
    try:
        folder = _names_folder()
        if folder is None:
            return "none"
        st = os.stat(os.path.join(folder, name))
        return f"{st.st_size}-{st.st_mtime_ns}"
    except (OSError, TypeError):
        return "none"


@lru_cache(maxsize=1)
def surnames() -> CensusTable:
    """The census surnames (88,799 of them; a set of them takes about 40 ms to build, which
    most runs would pay for a handful of look-ups)."""
    name = "dist.all.last"
    return CensusTable(
        lexicon.cached_table(
            f"census-last-v1-{_census_key(name)}.bin",
            lambda: sorted(n + "\t" for n in _read_census(name)),
        )
    )


COMMON_WORD = 1_000_000  # lexicon count above which a lower-case form is an everyday word


@lru_cache(maxsize=32768)
def _word_frequency(word: str) -> int:
    """The lexicon count of a word's folded form, cached: asked of the same words again and again."""
    return lexicon.frequency(fold(word))


def is_common_word(word: str, threshold: int = COMMON_WORD) -> bool:
    return _word_frequency(word) >= threshold


def is_given_name(word: str) -> bool:
    return fold(word) in given_names()


def is_established(word: str) -> bool:
    """A spelling that exists in its own right: an English word or a census surname."""
    f = fold(word)
    return lexicon.frequency(f) >= 50_000 or f in surnames()
