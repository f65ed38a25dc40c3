"""Dictionary words near a string, as a SymSpell index would give them, without the index.

garblint used to build ``SymSpell(max_dictionary_edit_distance=2, prefix_length=7)`` over the
lexicon for its spelling suggestions: about 2.4 million delete entries, 2.5 s and 190 MB, paid by
the first unknown word of a run (a one-line pre-commit file included). A text has few distinct
unknown words, so here each look-up searches the lexicon directly instead:

1. ``_near`` finds every lexicon word within optimal-string-alignment (OSA) distance
   ``max_edit_distance`` of the phrase: for distance 1 by generating the phrase's edits
   (deletes, adjacent transpositions, substitutions and inserts over the lexicon's alphabet, as
   Norvig's corrector does: about 600 dict look-ups), for distance 2 with rapidfuzz's OSA over
   the words of a near length (a C loop, 1-4 ms), or, once a process has made many such
   searches, over the words a small "head index" leaves (0.2 ms; see ``_near``).
2. ``lookup`` then runs symspellpy's own ``SymSpell.lookup`` loop (symspellpy 6.x, transcribed
   statement by statement below) with the index replaced by those words: the "bin" of a delete
   string ``c`` is the near words whose seven-letter prefix has ``c`` among its deletes of up to
   two characters, in dictionary order, exactly the list the index holds, minus words that can
   never be suggested. A word SymSpell appends to its result has a distance at most
   ``max_edit_distance`` (the OSA distance, or in two special cases an upper bound of it), so it is
   in the near set; the words left out only ever fail SymSpell's tests, and the loop's state
   (``considered_suggestions``, the shrinking ``max_edit_distance_2`` of ``Verbosity.CLOSEST``)
   is per word or changed only by appended words. The results are therefore the same words with
   the same distances and counts in the same order, including SymSpell's quirks (a near word its
   prefix test rejects stays rejected). tests/test_nearwords.py compares both with the real index
   on thousands of words.

``segmenter()`` is a SymSpell object for ``word_segmentation(..., max_edit_distance=0)``: with an
edit distance of 0, ``lookup`` returns before it reads the delete index (it only needs
``_words`` and ``_max_length``), so an object without deletes segments identically.
"""
from __future__ import annotations

import itertools
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from . import lexicon

if TYPE_CHECKING:  # pragma: no cover
    from symspellpy import SymSpell

#: the SymSpell configuration replicated: ``SymSpell(max_dictionary_edit_distance=2, prefix_length=7)``
PREFIX_LENGTH = 7
DICTIONARY_EDIT_DISTANCE = 2


class Suggestion(NamedTuple):
    term: str
    distance: int
    count: int


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], str, int]:
    """Word -> position in the dictionary file; the lexicon's alphabet; its longest word's length."""
    words = lexicon.frequencies()
    order = {w: i for i, w in enumerate(words)}
    alphabet = "".join(sorted(set("".join(words))))
    return order, alphabet, max(map(len, words), default=0)


@lru_cache(maxsize=1)
def _by_length() -> tuple[list[str], dict[int, tuple[int, int]]]:
    """The words sorted by length (dictionary order within a length); length -> its slice."""
    by_len = sorted(lexicon.frequencies(), key=len)
    spans: dict[int, tuple[int, int]] = {}
    start = 0
    for L, group in itertools.groupby(by_len, key=len):
        n = sum(1 for _ in group)
        spans[L] = (start, start + n)
        start += n
    return by_len, spans


def _edits1(word: str, alphabet: str) -> set[str]:
    """Every string at OSA distance exactly 0 or 1 from ``word`` over ``alphabet`` (and ``word``)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in alphabet)
    out.update(a + c + b for a, b in splits for c in alphabet)
    return out


_HEAD = 5  # the head index files a word under the 3-letter subsequences of its first 5 letters
_HEAD_COMBOS = tuple(itertools.combinations(range(_HEAD), 3))
#: distance-2 searches scan the words of a near length (1-4 ms each) until this many have been
#: made in the process; then the head index (about 0.1 s to build, a few MB) narrows the scan.
HEAD_INDEX_AFTER = 40
_far_searches = 0


def _head_keys(word: str) -> set[str]:
    h = word[:_HEAD]
    n = len(h)
    return {h[a] + h[b] + h[c] for a, b, c in _HEAD_COMBOS if c < n}


@lru_cache(maxsize=1)
def _head_index() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """3-letter key -> word heads (first five letters) having it; head -> its words."""
    heads: dict[str, list[str]] = {}
    for w in lexicon.frequencies():
        heads.setdefault(w[:_HEAD], []).append(w)
    keyed: dict[str, list[str]] = {}
    for h in heads:
        for k in _head_keys(h):
            keyed.setdefault(k, []).append(h)
    return keyed, heads


def _near(phrase: str, max_edit_distance: int, use_head_index: bool | None = None) -> dict[str, int]:
    """Lexicon words other than ``phrase`` within OSA ``max_edit_distance``, in dictionary order,
    with their OSA distance from ``phrase``.

    For distance 2 and a phrase of five or more characters, only words SymSpell could reach are
    needed (see ``lookup``): a word reached through the delete string ``c`` shares ``c`` with the
    phrase, and ``c`` keeps at least three characters, its first three within the first five
    of both the phrase and the word (two deletions at most on each side). So such a word and the
    phrase share a 3-letter subsequence of their first five letters: the head index lists those.
    """
    global _far_searches
    order, alphabet, _ = _tables()
    if max_edit_distance <= 0:
        return {}
    if max_edit_distance == 1:
        found = [w for w in _edits1(phrase, alphabet) if w in order and w != phrase]
        found.sort(key=order.__getitem__)
        return dict.fromkeys(found, 1)
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    n = len(phrase)
    if use_head_index is None:
        _far_searches += 1
        use_head_index = _far_searches > HEAD_INDEX_AFTER
    if use_head_index and max_edit_distance == DICTIONARY_EDIT_DISTANCE and n >= _HEAD:
        keyed, heads = _head_index()
        seen: set[str] = set()
        for k in _head_keys(phrase):
            seen.update(keyed.get(k, ()))
        choices = [w for h in seen for w in heads[h] if abs(len(w) - n) <= max_edit_distance]
    else:
        by_len, spans = _by_length()
        lo = [spans[L][0] for L in range(max(0, n - max_edit_distance), n + max_edit_distance + 1) if L in spans]
        hi = [spans[L][1] for L in range(max(0, n - max_edit_distance), n + max_edit_distance + 1) if L in spans]
        if not lo:
            return {}
        choices = by_len[min(lo) : max(hi)]
    hits = process.extract(phrase, choices, scorer=OSA.distance, score_cutoff=max_edit_distance, limit=None)
    found = sorted(((w, int(d)) for w, d, _ in hits if w != phrase), key=lambda wd: order[wd[0]])
    return dict(found)


@lru_cache(maxsize=8192)
def _prefix_deletes(prefix: str) -> frozenset[str]:
    """The keys under which SymSpell files a word with this prefix: the prefix and its 1-2 deletes."""
    out = {prefix}
    layer = {prefix}
    for _ in range(DICTIONARY_EDIT_DISTANCE):
        layer = {w[:i] + w[i + 1 :] for w in layer for i in range(len(w))}
        out |= layer
    return frozenset(out)


def lookup(phrase: str, max_edit_distance: int, closest: bool = False) -> list[Suggestion]:
    """``SymSpell.lookup(phrase, Verbosity.ALL or CLOSEST, max_edit_distance)`` over the lexicon.

    Same terms, distances, counts and order as symspellpy's lookup on
    ``SymSpell(2, 7)`` loaded with the lexicon (``include_unknown``, ``ignore_token`` and
    ``transfer_casing`` left at their defaults). ``closest=False`` is ``Verbosity.ALL``.
    """
    if not 0 <= max_edit_distance <= DICTIONARY_EDIT_DISTANCE:
        raise ValueError("distance too large")
    words = lexicon.frequencies()
    max_length = _tables()[2]
    suggestions: list[Suggestion] = []
    phrase_len = len(phrase)
    # ---- from here on, symspellpy's SymSpell.lookup, with self._deletes[c] -> bins.get(c, ())
    if phrase_len - max_edit_distance > max_length:
        return suggestions
    if phrase in words:
        suggestions.append(Suggestion(phrase, 0, words[phrase]))
        if closest:
            return suggestions
    if max_edit_distance == 0:
        return suggestions

    near = _near(phrase, max_edit_distance)
    if not near:
        return suggestions  # nothing could be appended (see the module docstring)
    # the index's bin of each delete string the loop may visit, restricted to the near words
    # (only keys the loop can visit: the loop's candidates are deletes of the phrase's prefix)
    reachable = _prefix_deletes(phrase[:PREFIX_LENGTH])
    bins: dict[str, list[str]] = {}
    for s in near:
        keys = _prefix_deletes(s[:PREFIX_LENGTH])
        if len(s) <= DICTIONARY_EDIT_DISTANCE:
            keys = keys | {""}
        for key in keys & reachable:
            bins.setdefault(key, []).append(s)

    prefix_length = PREFIX_LENGTH
    considered_deletes: set[str] = set()
    considered_suggestions: set[str] = {phrase}
    max_edit_distance_2 = max_edit_distance
    candidate_pointer = 0
    candidates: list[str] = []
    phrase_prefix_len = phrase_len
    if phrase_prefix_len > prefix_length:
        phrase_prefix_len = prefix_length
        candidates.append(phrase[:phrase_prefix_len])
    else:
        candidates.append(phrase)
    while candidate_pointer < len(candidates):
        candidate = candidates[candidate_pointer]
        candidate_pointer += 1
        candidate_len = len(candidate)
        len_diff = phrase_prefix_len - candidate_len
        if len_diff > max_edit_distance_2:
            if not closest:  # pragma: no cover - unreachable in symspellpy too
                continue
            break
        for suggestion in bins.get(candidate, ()):
            if suggestion == phrase:  # pragma: no cover - _near leaves the phrase out
                continue
            suggestion_len = len(suggestion)
            if (
                abs(suggestion_len - phrase_len) > max_edit_distance_2
                or suggestion_len < candidate_len
                or (suggestion_len == candidate_len and suggestion != candidate)
            ):
                continue
            suggestion_prefix_len = min(suggestion_len, prefix_length)
            if suggestion_prefix_len > phrase_prefix_len and suggestion_prefix_len - candidate_len > max_edit_distance_2:
                continue
            distance = 0
            if candidate_len == 0:
                distance = max(phrase_len, suggestion_len)
                if distance > max_edit_distance_2 or suggestion in considered_suggestions:
                    continue
            elif suggestion_len == 1:
                distance = phrase_len if phrase.index(suggestion[0]) < 0 else phrase_len - 1
                if distance > max_edit_distance_2 or suggestion in considered_suggestions:  # pragma: no cover
                    continue
            else:
                if prefix_length - max_edit_distance == candidate_len:
                    min_distance = min(phrase_len, suggestion_len) - prefix_length
                else:
                    min_distance = 0
                if (
                    prefix_length - max_edit_distance == candidate_len
                    and (
                        min_distance > 1
                        and phrase[phrase_len + 1 - min_distance :] != suggestion[suggestion_len + 1 - min_distance :]
                    )
                    or (
                        min_distance > 0
                        and phrase[phrase_len - min_distance] != suggestion[suggestion_len - min_distance]
                        and (
                            phrase[phrase_len - min_distance - 1] != suggestion[suggestion_len - min_distance]
                            or phrase[phrase_len - min_distance] != suggestion[suggestion_len - min_distance - 1]
                        )
                    )
                ):
                    continue
                if suggestion in considered_suggestions:
                    continue
                considered_suggestions.add(suggestion)
                # symspellpy's DamerauOsa.compare(phrase, suggestion, max_edit_distance_2): the
                # OSA distance, or -1 above the maximum; _near measured the OSA distance already
                distance = near[suggestion]
                if distance > max_edit_distance_2:
                    continue
            if distance <= max_edit_distance_2:
                item = Suggestion(suggestion, distance, words[suggestion])
                if suggestions and closest and distance < max_edit_distance_2:
                    suggestions = []
                if closest:
                    max_edit_distance_2 = distance
                suggestions.append(item)
        if len_diff < max_edit_distance and candidate_len <= prefix_length:
            if closest and len_diff >= max_edit_distance_2:
                continue
            for i in range(candidate_len):
                delete = candidate[:i] + candidate[i + 1 :]
                if delete not in considered_deletes:
                    considered_deletes.add(delete)
                    candidates.append(delete)
    if len(suggestions) > 1:
        suggestions.sort(key=lambda s: (s.distance, -s.count))  # SuggestItem's order; sort is stable
    return suggestions


@lru_cache(maxsize=1)
def segmenter() -> "SymSpell":
    """A SymSpell for ``word_segmentation(phrase, max_edit_distance=0)`` only: words, no deletes.

    With ``max_edit_distance=0`` symspellpy's ``lookup`` returns after the exact-match test, so
    it reads ``_words`` and ``_max_length`` (and ``word_segmentation`` the latter) and never the
    delete index; this object segments exactly as the full index does (tests/test_nearwords.py).
    Any look-up with a positive distance would find nothing: use ``lookup`` above for those.
    """
    from symspellpy import SymSpell

    sym = SymSpell(max_dictionary_edit_distance=DICTIONARY_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
    sym._words = lexicon.frequencies()  # shared, read-only: word_segmentation never writes it
    sym._max_length = _tables()[2]
    return sym
