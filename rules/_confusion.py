"""The error models behind S/O suggestions: keyboard slips, OCR look-alike glyphs, and the
weighted edit distance that ranks candidate corrections (a noisy channel's P(typed | meant)).
"""

from __future__ import annotations

import math
import os
import re
from functools import lru_cache
from typing import Iterable

from ..lint import lexicon, nearwords
from ..lint._records import record
from ..lint.lazyre import lazy_re

MIN_SUGGESTION_FREQ = 20_000

# ------------------------------------------------------- confusion models
_KEYBOARD_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _keyboard_neighbours() -> dict[str, frozenset[str]]:
    pos = {}
    for r, row in enumerate(_KEYBOARD_ROWS):
        for c, ch in enumerate(row):
            pos[ch] = (r, c + 0.5 * r)  # rows are staggered by about half a key
    out = {}
    for a, (ra, ca) in pos.items():
        out[a] = frozenset(b for b, (rb, cb) in pos.items() if b != a and abs(ra - rb) <= 1 and abs(ca - cb) <= 1.0)
    return out


KEYBOARD = _keyboard_neighbours()

# OCR look-alikes as (what the scan gave, what was printed). Both directions occur.
_LOOKALIKE_PAIRS = [
    ("rn", "m"),
    ("cl", "d"),
    ("li", "h"),
    ("ii", "n"),
    ("ii", "u"),
    ("in", "m"),
    ("ri", "n"),
    ("vv", "w"),
    ("e", "c"),
    ("b", "h"),
    ("l", "i"),
    ("l", "t"),
    ("i", "t"),
    ("u", "n"),
    ("f", "s"),
    ("o", "c"),
    ("a", "o"),
    ("e", "o"),
    ("h", "k"),
    ("nn", "m"),
    ("rn", "n"),
]
# pairs that OCR confuses less often than the rest: they cost a little more
_WEAK_PAIRS = {("o", "c"), ("a", "o"), ("e", "o"), ("h", "k"), ("l", "t"), ("i", "t"), ("nn", "m"), ("rn", "n")}
_WEAK_PAIRS |= {(b, a) for a, b in _WEAK_PAIRS}
LOOKALIKES: dict[str, tuple[str, ...]] = {}
for _a, _b in _LOOKALIKE_PAIRS:
    LOOKALIKES.setdefault(_a, ())
    LOOKALIKES[_a] += (_b,)
    LOOKALIKES.setdefault(_b, ())
    LOOKALIKES[_b] += (_a,)
LOOKALIKES["ſ"] = ("s",)
_LOOKALIKE_SET = {(a, b) for a, bs in LOOKALIKES.items() for b in bs}
_LOOKALIKE_KEYS = sorted(LOOKALIKES, key=len, reverse=True)
#: the keys by their first character (in _LOOKALIKE_KEYS order): the only ones that can match
#: where that character stands
_KEYS_AT: dict[str, tuple[str, ...]] = {}
for _k in _LOOKALIKE_KEYS:
    _KEYS_AT[_k[0]] = _KEYS_AT.get(_k[0], ()) + (_k,)

#: digits and symbols a scan puts for letters, with the letters they most often stand for
GLYPH_LETTERS = {
    "0": "o",
    "1": "li",
    "3": "e",
    "4": "a",
    "5": "s",
    "6": "b",
    "8": "b",
    "9": "gq",
    "2": "z",
    "!": "il",
    "|": "li",
    "$": "s",
    "@": "a",
    "(": "c",
    "{": "c",
    "[": "l",
    "]": "l",
    "€": "e",
    "¢": "c",
    "£": "e",
    "§": "s",
    "ſ": "s",
    "®": "o",
    "©": "c",
    "^": "a",
    "*": "x",
}
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


@lru_cache(maxsize=65536)
def lookalike_variants(word: str, max_subs: int = 2) -> frozenset[str]:
    """Strings reachable from ``word`` by up to ``max_subs`` OCR look-alike substitutions
    (kept for the process: the analyses ask it of the same unknown words again)."""
    out: set[str] = set()
    frontier = {word}
    for _ in range(max_subs):
        nxt = set()
        for w in frontier:
            # (only the keys opening with the letter at i: a few instead of all 25 per letter)
            for i, ch in enumerate(w):
                for key in _KEYS_AT.get(ch, ()):
                    if w.startswith(key, i):
                        for rep in LOOKALIKES[key]:
                            nxt.add(w[:i] + rep + w[i + len(key) :])
        nxt.discard(word)
        out |= nxt
        frontier = nxt
        if len(frontier) > 4000:  # pragma: no cover - very long words
            break
    return frozenset(out)


@record(("keyboard", "lookalike", "transpose", "freq", "first", "omit", "by_ear"), frozen=True)
class Weights:
    keyboard: float
    lookalike: float
    transpose: float
    freq: float  # cost units per decade of frequency
    #: a different first letter: people seldom get a word's first letter wrong (most typing and
    #: learner misspellings keep it), while a letter added in front of a word is how
    #: technical names are made ("egrep", "umask", "mtime"); scanners damage first letters
    #: as often as any other, so OCR weights leave it at 0
    first: float = 0.0
    #: a letter the typed word lacks: people drop letters more often than they add them
    omit: float = 1.0
    #: people spell by ear: letters spelling one sound ("refuced", "lazer") cost less, and a
    #: candidate with the word's Metaphone code half ("bisnes" / "business"); scans do not
    by_ear: bool = False

    def __init__(
        self,
        keyboard: float,
        lookalike: float,
        transpose: float,
        freq: float,
        first: float = 0.0,
        omit: float = 1.0,
        by_ear: bool = False,
    ) -> None:
        _set = object.__setattr__
        _set(self, "keyboard", keyboard)
        _set(self, "lookalike", lookalike)
        _set(self, "transpose", transpose)
        _set(self, "freq", freq)
        _set(self, "first", first)
        _set(self, "omit", omit)
        _set(self, "by_ear", by_ear)


GENERAL = Weights(keyboard=0.55, lookalike=0.8, transpose=0.6, freq=0.2, first=0.5, omit=0.8, by_ear=True)
#: the weights of the test whether a listed word is a typo at all (``_lexcheck``): letters of
#: one sound are not cheap there ("ryde" is an old spelling, not a slip for "ride")
TYPO = Weights(GENERAL.keyboard, GENERAL.lookalike, GENERAL.transpose, GENERAL.freq, GENERAL.first, GENERAL.omit, by_ear=False)
OCR = Weights(keyboard=0.95, lookalike=0.3, transpose=0.95, freq=0.3)
_WEAK_EXTRA = 0.3


def _sub_cost(a: str, b: str, w: Weights) -> float:
    if a == b:
        return 0.0
    best = 1.0
    if b in KEYBOARD.get(a, ()):
        best = min(best, w.keyboard)
    if (a, b) in _LOOKALIKE_SET:
        best = min(best, w.lookalike + (_WEAK_EXTRA if (a, b) in _WEAK_PAIRS else 0.0))
    if a in "aeiou" and b in "aeiou":
        best = min(best, 0.85)
    if w.by_ear and a + b in _SAME_SOUND:
        best = min(best, 0.6)
    return best


#: letter pairs that spell one sound
_SAME_SOUND = frozenset(("cs", "sc", "ck", "kc", "sz", "zs", "iy", "yi"))


@lru_cache(maxsize=8)
def _without_first(w: Weights) -> Weights:
    return Weights(w.keyboard, w.lookalike, w.transpose, w.freq, 0.0, w.omit, w.by_ear)


@lru_cache(maxsize=65536)
def confusion_cost(typed: str, cand: str, w: Weights) -> float:
    """A weighted Damerau-Levenshtein distance with cheap keyboard slips and OCR look-alikes
    (plus ``w.first`` when the first letters differ). Kept for the process: the suggestions
    of an unknown word are ranked again wherever it recurs."""
    if w.first and typed[:1] != cand[:1]:
        # a letter added or dropped in front costs twice as much again ("umask" / "mask")
        extra = w.first if typed[1:] == cand or cand[1:] == typed else 0.0
        return w.first + extra + confusion_cost(typed, cand, _without_first(w))
    i = 0
    n = min(len(typed), len(cand))
    while i < n and typed[i] == cand[i]:
        i += 1
    j = 0
    while j < n - i and typed[-1 - j] == cand[-1 - j]:
        j += 1
    # keep one character of context on each side so doubled letters can be judged
    a0 = max(0, i - 1)
    a = typed[a0 : len(typed) - j]
    b = cand[a0 : len(cand) - j]
    la, lb = len(a), len(b)
    INF = 1e9
    # what the cells read of one string only, worked out once (the same sums as the cell by
    # cell tests: tests/rules/test_lexicon_fast_paths.py keeps that form): deleting a[x] and
    # inserting b[y] (cheaper when doubling a neighbour), substitutions by character pair,
    # and the multi-character look-alikes (rn -> m, m -> rn, cl -> d ...) that start at (x, y)
    dele = [0.6 if (x > 0 and a[x - 1] == a[x]) or (x + 1 < la and a[x + 1] == a[x]) else 1.0 for x in range(la)]
    ins = [0.6 if (y > 0 and b[y - 1] == b[y]) or (y + 1 < lb and b[y + 1] == b[y]) else w.omit for y in range(lb)]
    subs = _SUB_COSTS.get(w)
    if subs is None:
        subs = _SUB_COSTS[w] = {}
    # (a look-alike with a side of two characters: none unless ``a`` or ``b`` holds one)
    multi = _multi_steps(a, b, w) if _TWO_CHAR_SIDE.search(a) or _TWO_CHAR_SIDE.search(b) else None
    transpose = w.transpose
    d = [[INF] * (lb + 1) for _ in range(la + 1)]
    d[0][0] = 0.0
    for x in range(la + 1):
        row = d[x]
        nxt = d[x + 1] if x < la else row
        ax = a[x] if x < la else ""
        for y in range(lb + 1):
            cur = row[y]
            if cur >= INF:
                continue
            if x < la:  # delete a[x]
                c = dele[x]
                if nxt[y] > cur + c:
                    nxt[y] = cur + c
            if y < lb:  # insert b[y]
                c = ins[y]
                if row[y + 1] > cur + c:
                    row[y + 1] = cur + c
                if x < la:
                    by = b[y]
                    sc = subs.get((ax, by))
                    if sc is None:
                        sc = subs[ax, by] = _sub_cost(ax, by, w)
                    if nxt[y + 1] > cur + sc:
                        nxt[y + 1] = cur + sc
                    if x + 1 < la and y + 1 < lb and ax == b[y + 1] and a[x + 1] == by and ax != a[x + 1]:
                        if d[x + 2][y + 2] > cur + transpose:
                            d[x + 2][y + 2] = cur + transpose
            if multi:
                for nx, ny, c in multi.get((x, y), ()):
                    if d[nx][ny] > cur + c:
                        d[nx][ny] = cur + c
    return d[la][lb]


#: Weights -> (letter, letter) -> _sub_cost (per Weights object: its hash reads every field)
_SUB_COSTS: dict[Weights, dict[tuple[str, str], float]] = {}
#: the look-alike pairs with a side of two characters, by their first side
_MULTI_PAIRS: dict[str, list[str]] = {}
for _a, _b in sorted(_LOOKALIKE_SET):
    if len(_a) + len(_b) > 2:
        _MULTI_PAIRS.setdefault(_a, []).append(_b)


#: any side of two characters or more of a pair of _MULTI_PAIRS (each pair has one): where
#: neither string of a comparison holds one, ``_multi_steps`` finds nothing, and its 14
#: searches of each string are left out (901 of the bench file's 1,048 comparisons)
_TWO_CHAR_SIDE = lazy_re("|".join(sorted({re.escape(s) for a, bs in _MULTI_PAIRS.items() for t in bs for s in (a, t) if len(s) >= 2})))


def _multi_steps(a: str, b: str, w: Weights) -> dict[tuple[int, int], list[tuple[int, int, float]]]:
    """(x, y) -> the cells a multi-character look-alike reaches from there, with its cost:
    ``a[x:x + len(s)] == s`` and ``b[y:y + len(t)] == t`` for a pair (s, t) with a side of two
    characters."""
    out: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
    for s, ts in _MULTI_PAIRS.items():
        x = a.find(s)
        while x >= 0:
            for t in ts:
                c = w.lookalike + (_WEAK_EXTRA if (s, t) in _WEAK_PAIRS else 0.0)
                y = b.find(t)
                while y >= 0:
                    out.setdefault((x, y), []).append((x + len(s), y + len(t), c))
                    y = b.find(t, y + 1)
            x = a.find(s, x + 1)
    return out


#: decades of context evidence (pointwise mutual information with each neighbour) worth one
#: decade of a candidate's own frequency
CONTEXT_WEIGHT = 1.0
PMI_CLIP = 3.0


#: the sum of symspellpy's word counts (its 82,765 words): the independence baseline of a pair
TOTAL_COUNT = 541_808_760_578.0


def context_pmi(c: str, prev: str | None, nxt: str | None) -> float:
    """How much likelier ``c`` is between ``prev`` and ``next`` than alone, in decades: the
    pointwise mutual information of ``c`` with each neighbour, from symspellpy's pair counts
    (a pair it does not list counts as independent words, at most its smallest listed count).
    "more than" is listed 90 times as often as "more then", so "than" gains two decades after
    "more"."""
    freqs = lexicon.counts()
    fc = freqs.get(c, 0)
    if not fc:
        return 0.0
    total = TOTAL_COUNT
    out = 0.0
    for a, b, other in ((prev, c, prev), (c, nxt, nxt)):
        if other is None:
            continue
        fo = freqs.get(other, 0)
        if not fo:
            continue
        seen = float(lexicon.bigram(a, b))  # type: ignore[arg-type]
        expected = lexicon.BIGRAM_SCALE * fo * fc / total
        if not seen:
            seen = min(lexicon.BIGRAM_FLOOR, expected)
        pmi = math.log10(seen / expected)
        out += max(-PMI_CLIP, min(PMI_CLIP, pmi))
    return out


def rank(typed: str, candidates: Iterable[str], w: Weights, prev: str | None = None, nxt: str | None = None) -> list[tuple[float, str]]:
    """Candidates ordered best first by a noisy channel: the confusion cost (how unlikely the
    slip is) minus a bonus for the candidate's frequency and, given the neighbouring words
    ``prev`` and ``nxt`` (lower-case dictionary words, or None), for how well it fits between
    them (``context_pmi``)."""
    freqs = lexicon.counts()
    out = []
    for c in set(candidates):
        f = freqs.get(c, 0)
        if f < MIN_SUGGESTION_FREQ:
            continue
        logp = math.log10(f)
        if prev is not None or nxt is not None:
            logp += CONTEXT_WEIGHT * context_pmi(c, prev, nxt)
        cost = confusion_cost(typed, c, w)
        if w.by_ear and cost > 1.5 and len(c) >= len(typed) and metaphone(typed) == metaphone(c):
            # spelt as it sounds, with letters left out ("bisnes" / "business"): half the rest
            cost = 0.75 + (cost - 1.5) / 2
        out.append((cost - w.freq * logp, c))
    out.sort()
    return out


@lru_cache(maxsize=65536)
def metaphone(w: str) -> str:
    import jellyfish

    return jellyfish.metaphone(w)


def _sound_lines() -> list[str]:
    """``code<TAB>words`` lines: each Metaphone code with the suggestible dictionary words of
    four letters or more having it (about 50 ms to make)."""
    import jellyfish

    code = jellyfish.metaphone
    out: dict[str, list[str]] = {}
    for c, f in lexicon.frequencies().items():
        if f >= MIN_SUGGESTION_FREQ and len(c) >= 4:
            out.setdefault(code(c), []).append(c)
    return sorted(f"{k}\t{' '.join(v)}" for k, v in out.items() if k and "\t" not in k)


@lru_cache(maxsize=1)
def _sound_index() -> lexicon.Table:
    """The sound-alike table, made once into the data cache folder and opened in a few ms."""
    size = os.stat(lexicon._data_path(lexicon.DICTIONARY)).st_size
    return lexicon.cached_table(f"sounds-v1-{size}.bin", _sound_lines)


@lru_cache(maxsize=65536)
def sound_alikes(word: str) -> tuple[str, ...]:
    """Dictionary words spelt as ``word`` sounds ("imidiatly" -> "immediately"): the same
    Metaphone code and first letter, at most three letters longer or shorter. Catches
    misspellings by ear that are more than two edits away."""
    if len(word) < 5:
        return ()
    raw = _sound_index().raw(metaphone(word))
    if raw is None:
        return ()
    words = raw.decode("utf-8").split(" ")
    return tuple(c for c in words if c[0] == word[0] and abs(len(c) - len(word)) <= 3 and c != word)


@lru_cache(maxsize=65536)
def symspell_candidates(word: str) -> tuple[str, ...]:
    """Dictionary words at the smallest edit distance (1, else 2) from ``word``."""
    # nearwords.lookup gives what SymSpell's lookup (Verbosity.ALL, then CLOSEST) gives on the
    # lexicon, without building its 190 MB delete index (see lint/nearwords.py)
    found = nearwords.lookup(word, 1) if len(word) > 1 else []
    if not found and len(word) >= 5:
        found = nearwords.lookup(word, 2, closest=True)
    found = sorted(found, key=lambda s: (s.distance, -s.count))[:12]
    return tuple(s.term for s in found if s.term != word)
