"""Dictionary words near a string, as a SymSpell index would give them, without the index.

garblint used to build ``SymSpell(max_dictionary_edit_distance=2, prefix_length=7)`` over the
lexicon for its spelling suggestions: about 2.4 million delete entries, 2.5 s and 190 MB, paid by
the first unknown word of a run (a one-line pre-commit file included). A text has few distinct
unknown words, so here each look-up searches the lexicon directly instead:

1. ``_near`` finds every lexicon word within optimal-string-alignment (OSA) distance
   ``max_edit_distance`` of the phrase: for distance 1 from a mapped table in the data cache
   folder of the lexicon's words under each of their single deletions (``_near1_by_deletes``:
   the phrase's n + 1 lines), or without one by generating the phrase's edits (deletes,
   adjacent transpositions, substitutions and inserts over the lexicon's alphabet, as
   Norvig's corrector does: about 600 dict look-ups), for distance 2 with rapidfuzz's OSA over
   the words a small "head index" leaves (0.2-0.5 ms; see ``_near``), read from a mapped table
   in the data cache folder; without one, over the words of a near length (a C loop, 1-4 ms)
   until a process has made many such searches and builds the head index.
2. ``lookup`` then asks symspellpy's own ``SymSpell.lookup`` on a tiny index of just those words,
   so its candidate order, tie-breaks and quirks (a near word its prefix test rejects stays
   rejected) are symspellpy's; see ``lookup`` for why the answer is the full index's.
   tests/test_nearwords.py compares both with the real index on thousands of words.

A process that has not built the lexicon's dict (a short text: ``lexicon.counts`` answers from the
mapped copy of the list) searches the same way over a mapped table instead (``_small``): the
words' dictionary positions, the words of each length, the alphabet, the longest length and
which letters stand between which two characters (``_edits1_in``), kept in the data cache
folder, so a one-line file with a misspelling builds neither the 82,765-entry dict nor the
tables above (about 90 ms and 25 MB). Same answers (tests/test_nearwords.py). A process that
has the dict reads the same mapped table for positions, lengths, the alphabet and the letter
contexts (``_mode``), with the dict for membership: it builds neither ``_tables`` nor
``_by_length``.

``segmenter()`` is a SymSpell object for ``word_segmentation(..., max_edit_distance=0)``: with an
edit distance of 0, ``lookup`` returns before it reads the delete index (it only needs
``_words`` and ``_max_length``), so an object without deletes segments identically.
"""
from __future__ import annotations

import itertools
from collections import Counter
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping, NamedTuple

from . import lexicon
from ._datacache import _save, remake

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
    order = dict(zip(words, itertools.count()))  # (made in C)
    joined = "".join(words)
    if joined.isascii():  # the characters present, in order: 128 scans in C, not a set of 600,000
        alphabet = "".join(filter(joined.__contains__, map(chr, range(128))))
    else:  # pragma: no cover - symspellpy's list is ASCII
        alphabet = "".join(sorted(set(joined)))
    return order, alphabet, max(map(len, words), default=0)


@lru_cache(maxsize=1)
def _by_length() -> tuple[list[str], dict[int, tuple[int, int]]]:
    """The words sorted by length (dictionary order within a length); length -> its slice."""
    by_len = sorted(lexicon.frequencies(), key=len)
    sizes = Counter(map(len, by_len))  # (counted in C)
    spans: dict[int, tuple[int, int]] = {}
    start = 0
    for L in sorted(sizes):
        spans[L] = (start, start + sizes[L])
        start += sizes[L]
    return by_len, spans


def words_of_length(n: int) -> list[str]:
    """The lexicon's words of ``n`` characters, in dictionary order."""
    small = _mode()[1]
    if small is not None:
        return small.words_of_length(n)
    by_len, spans = _by_length()
    a, b = spans.get(n, (0, 0))
    return by_len[a:b]


def joined_words_of_length(n: int, sep: str) -> str:
    """``sep.join(words_of_length(n))``: from the mapped table, the line of the words of that
    length with its spaces replaced by ``sep`` (no list of the words made and joined again:
    10,000 words of a common length, about a millisecond)."""
    small = _mode()[1]
    if small is None:
        return sep.join(words_of_length(n))
    raw = small.table.raw(f"\x01{n:04d}")
    return raw.decode("utf-8").replace(" ", sep) if raw else ""


# ---------------------------------------------- short texts: the mapped tables
class _Small(NamedTuple):
    """What ``_tables`` and ``_by_length`` give, read from a mapped table (``_small_lines``)."""

    table: Any  # lexicon.Table: word -> position; "\x01LLLL" -> the words of length L
    alphabet: str
    max_length: int

    def position(self, word: str) -> int:
        raw = self.table.raw(word)
        if raw is None:  # pragma: no cover - only words of the list are asked
            raise KeyError(word)
        return int(raw)

    def words_of_length(self, n: int) -> list[str]:
        return list(_group(self, n))


@lru_cache(maxsize=64)
def _group(small: _Small, n: int) -> tuple[str, ...]:
    """The words of length ``n`` in ``small``'s table (kept: distance-2 searches ask the same
    few lengths again)."""
    raw = small.table.raw(f"\x01{n:04d}")
    return tuple(raw.decode("utf-8").split(" ")) if raw else ()


def _small_lines() -> list[str]:
    """The table's lines, sorted by key: each word's dictionary position, the words of each
    length joined by spaces (words never hold white space: the list is read by ``split``),
    the alphabet, the longest length and the letter contexts of ``_contexts_line`` (keys
    opening with \x01 and \x02 sort before words)."""
    order, alphabet, max_length = _tables()
    by_len, spans = _by_length()
    lines = [(w, str(i)) for w, i in order.items()]
    lines += [(f"\x01{n:04d}", " ".join(by_len[a:b])) for n, (a, b) in spans.items()]
    lines += [("\x02alphabet", alphabet), ("\x02max", str(max_length)), ("\x02contexts", _contexts_line(order, alphabet))]
    lines.sort()
    return [f"{k}\t{v}" for k, v in lines]


#: the marks ``_contexts_line`` puts before and after each word
_START, _END = "\x02", "\x03"


def _contexts_line(words: Iterable[str], alphabet: str) -> str:
    """Which letters stand between which two characters in the lexicon's words: "xy" followed
    by every letter c of the alphabet such that some word, marked ``_START`` + word +
    ``_END``, holds "xcy"; the entries joined by spaces (``_edits1_in`` reads them)."""
    joined = _START + (_END + _START).join(words) + _END
    between: dict[str, set[str]] = {}
    for a, c, b in set(zip(joined, joined[1:], joined[2:])):
        if c in alphabet:
            between.setdefault(a + b, set()).add(c)
    return " ".join(k + "".join(sorted(v)) for k, v in sorted(between.items()))


def small_from(table: Any) -> _Small | None:
    """The tables of ``_small_lines`` in ``table`` (None if it lacks them)."""
    alphabet, longest = table.raw("\x02alphabet"), table.raw("\x02max")
    if alphabet is None or longest is None:
        return None
    return _Small(table, alphabet.decode("utf-8"), int(longest))


@lru_cache(maxsize=4)
def _contexts(small: _Small) -> dict[str, str] | None:
    """The letter contexts of ``small``'s table ("xy" -> the letters found between x and y;
    see ``_contexts_line``), or None if it lacks them."""
    raw = small.table.raw("\x02contexts")
    if raw is None:
        return None
    return {e[:2]: e[2:] for e in raw.decode("utf-8").split(" ") if len(e) >= 2}


@lru_cache(maxsize=1)
def _small() -> _Small | None:
    key = lexicon._base_key()
    if key is None:  # pragma: no cover - symspellpy's list is always there
        return None
    return small_from(lexicon.cached_table(f"nearwords-v2-{key}.bin", _small_lines))


def _mode() -> tuple[Mapping[str, int], _Small | None]:
    """(symspellpy's counts, the mapped tables): the mapped copy of the list (``lexicon.counts``)
    or, once the process has it, the dict. The mapped tables serve the dict too: a process
    that analyses a long text reads the positions of the few words it finds, the words of the
    lengths it searches and the alphabet from them instead of building ``_tables`` and
    ``_by_length`` (26-50 ms of CPU against about 10). (the dict, None) where there is no data
    cache folder."""
    counts = lexicon.counts()
    if type(counts) is dict:
        return counts, _small()
    small = _small()
    return (counts, small) if small is not None else (lexicon.frequencies(), None)


def _edits1(word: str, alphabet: str) -> set[str]:
    """Every string at OSA distance exactly 0 or 1 from ``word`` over ``alphabet`` (and ``word``).

    The substitutions and inserts (27 of each per position) are made in C: ``c.join((a, b))``
    is ``a + c + b``, mapped over the alphabet."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    join = str.join
    for a, b in splits:
        if b:
            out.update(map(join, alphabet, repeat((a, b[1:]))))
        out.update(map(join, alphabet, repeat((a, b))))
    return out


def _edits1_in(word: str, contexts: Mapping[str, str]) -> set[str]:
    """The strings of ``_edits1(word, alphabet)`` that can be lexicon words: every delete and
    transposition, and the substitutions and inserts of only the letters ``contexts`` (see
    ``_contexts_line``) lists between the two characters around the letter put in (or a word's
    start or end mark). A word with letter c between x and y holds "xcy", so no word of the
    lexicon among the edits is left out; about a third fewer strings to make and look up."""
    n = len(word)
    marked = _START + word + _END
    out = {word[:i] + word[i + 1 :] for i in range(n)}
    out.update(word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(n - 1))
    join = str.join
    get = contexts.get
    for i in range(n + 1):
        a = word[:i]
        put = get(marked[i : i + 2])  # an insert before word[i]: between marked[i] and marked[i + 1]
        if put:
            out.update(map(join, put, repeat((a, word[i:]))))
        if i < n:
            put = get(marked[i] + marked[i + 2])  # word[i] replaced
            if put:
                out.update(map(join, put, repeat((a, word[i + 1 :]))))
    return out


# ------------------------------------------- distance 1: the lexicon's words by their deletions
def _deletes_lines(words: Iterable[str]) -> list[str]:
    """The table of ``_deletes_table`` for the list ``words``, as sorted lines: each string that
    is a word or one of its single deletions, then the words it is (itself) or is a deletion
    of, joined by spaces (words hold none; each word once a line, in the list's order)."""
    by_key: dict[str, list[str]] = {}
    for w in words:
        by_key.setdefault(w, []).append(w)
        for k in dict.fromkeys([w[:i] + w[i + 1 :] for i in range(len(w))]):
            if k != w:  # (never: a deletion is shorter)
                by_key.setdefault(k, []).append(w)
    lines = [f"{k}\t{' '.join(ws)}" for k, ws in by_key.items()]
    lines.sort()  # (the lines themselves, as the table bisects them: keys of letters sort as lines)
    return lines


@lru_cache(maxsize=1)
def _deletes_table() -> Any:
    """The lexicon's words under each of their single deletions and under themselves
    (``_deletes_lines``), a mapped table in the data cache folder (``neardeletes-v1-*.bin``,
    about 15 MB, made once in about 2 s); None without a data cache
    folder, or when the file is there but cannot be read now (out of file handles: the
    distance-1 search then makes the phrase's edits, as without a folder)."""
    folder, key = lexicon._cache_dir(), lexicon._base_key()
    if folder is None or key is None:
        return None
    name = f"neardeletes-v1-{key}.bin"
    try:
        return lexicon._Index.open(folder / name)
    except (OSError, ValueError) as exc:
        if not remake(exc):
            return None
    index = lexicon._Index.from_lines(_deletes_lines(lexicon.frequencies()))
    _save(index, folder, name, "neardeletes-")  # (atomically; older ones pruned after a week)
    return index


def _near1_by_deletes(phrase: str, table: Any, alphabet: str) -> list[str]:
    """The lexicon words at OSA distance exactly 1 from ``phrase`` (in no set order), from
    ``_deletes_table``: the words ``phrase`` is a deletion of (one letter put in), and the words
    under each deletion of ``phrase``: that deletion itself (one letter dropped), and the words
    of ``phrase``'s length it is a deletion of, those that differ from ``phrase`` only at the
    deleted position (a letter changed) or by a swap of two neighbours (every swapped word is
    listed under a deletion of one of the two letters). A character outside ``alphabet`` (at
    most one: ``_near`` returns before) has to be dropped or changed, so only the deletion at
    its position is looked up. ``_edits1``' strings in the lexicon, in fewer look-ups: a
    phrase's n + 1 lines against about 285 strings made and looked up."""
    n = len(phrase)
    raw = table.raw
    found: set[str] = set()
    positions: Iterable[int] = range(n)
    if len(phrase) - sum(map(alphabet.__contains__, phrase)):
        positions = [next(i for i, ch in enumerate(phrase) if ch not in alphabet)]
    else:
        line = raw(phrase)
        if line:
            found.update(w for w in line.decode("utf-8").split(" ") if len(w) > n)
    swaps: set[str] | None = None
    lines: dict[str, list[str]] = {}
    for j in positions:
        d = phrase[:j] + phrase[j + 1 :]
        words = lines.get(d)
        if words is None:
            line = raw(d)
            words = lines[d] = line.decode("utf-8").split(" ") if line else []
        head, tail = phrase[:j], phrase[j + 1 :]
        for w in words:
            if len(w) < n:
                found.add(w)  # d itself
            elif w != phrase:
                if w.startswith(head) and w.endswith(tail):
                    found.add(w)
                else:
                    if swaps is None:
                        swaps = {phrase[:i] + phrase[i + 1] + phrase[i] + phrase[i + 2 :] for i in range(n - 1)}
                    if w in swaps:
                        found.add(w)
    return list(found)


_HEAD = 5  # the head index files a word under the 3-letter subsequences of its first 5 letters
_HEAD_COMBOS = tuple(itertools.combinations(range(_HEAD), 3))
#: without a data cache folder, distance-2 searches scan the words of a near length (1-4 ms
#: each) until this many have been made in the process; then the head index (about 0.1 s to
#: build, a few MB) narrows the scan. With one, every search reads the head index's mapped
#: table (``_head_table``) from the first.
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


def _head_lines() -> list[str]:
    """``_head_index`` as table lines, sorted: for each 3-letter key and each length, the words
    of that length whose head has the key, joined by spaces (words hold none), under the key
    "KEY\x01LLL" (the length in three digits: a key's lines of near lengths are adjacent)."""
    keyed, heads = _head_index.__wrapped__()  # (not kept: the table is)
    lines = []
    for k, hs in keyed.items():
        by_len: dict[int, list[str]] = {}
        for h in hs:
            for w in heads[h]:
                by_len.setdefault(len(w), []).append(w)
        lines += [f"{k}\x01{n:03d}\t{' '.join(ws)}" for n, ws in by_len.items()]
    lines.sort()
    return lines


@lru_cache(maxsize=1)
def _head_table() -> Any:
    """The head index as a mapped table in the data cache folder (``nearheads-v2-*.bin``, from
    ``_head_lines``: about 0.2 s to make, once), or None without a data cache folder. Opening it
    reads nothing (a marshal copy of the index took 10-15 ms to read), and a search reads the
    lines of its 3-letter keys, so every process uses it from its first distance-2 search.
    (The name's v2: made again under a new name when ``_HEAD`` or ``_head_keys`` change.)"""
    folder, key = lexicon._cache_dir(), lexicon._base_key()
    if folder is None or key is None:
        return None
    return lexicon.cached_table(f"nearheads-v2-{key}.bin", _head_lines)


def _head_words(table: Any, phrase: str, max_edit_distance: int) -> list[str]:
    """The words of ``_head_index`` under the keys of ``phrase`` (its first five letters) whose
    length is within ``max_edit_distance`` of the phrase's, each once."""
    n = len(phrase)
    lo, hi = f"\x01{max(0, n - max_edit_distance):03d}", f"\x01{n + max_edit_distance + 1:03d}"
    found: set[str] = set()
    for k in _head_keys(phrase):
        for line in table.block_between(k + lo, k + hi).splitlines():
            found.update(line.split("\t", 1)[1].split(" "))
    return list(found)


def _near(phrase: str, max_edit_distance: int, use_head_index: bool | None = None, ordered: bool = True) -> dict[str, int]:
    """Lexicon words other than ``phrase`` within OSA ``max_edit_distance``, in dictionary order
    (in no set order with ``ordered=False``: each word's position is a look-up in a mapped
    table), with their OSA distance from ``phrase``.

    For distance 2 and a phrase of five or more characters, only words SymSpell could reach are
    needed (see ``lookup``): a word reached through the delete string ``c`` shares ``c`` with the
    phrase, and ``c`` keeps at least three characters, its first three within the first five
    of both the phrase and the word (two deletions at most on each side). So such a word and the
    phrase share a 3-letter subsequence of their first five letters: the head index lists those.
    """
    global _far_searches
    counts, small = _mode()
    position: Callable[[str], int]
    if small is None:
        order, alphabet, _ = _tables()
        position = order.__getitem__
        listed: Callable[[str], bool] = order.__contains__
    else:
        alphabet, position, listed = small.alphabet, small.position, counts.__contains__
    if max_edit_distance <= 0:
        return {}
    # each character the lexicon's words never use ("свобода", "北京") costs an edit of its
    # own (a substitution or deletion; a transposition keeps the characters): more of them
    # than the distance allowed, and no word is near
    if len(phrase) - sum(map(alphabet.__contains__, phrase)) > max_edit_distance:
        return {}
    if max_edit_distance == 1:
        deletes = _deletes_table()
        if deletes is not None:
            found = _near1_by_deletes(phrase, deletes, alphabet)
            if ordered:
                found.sort(key=position)
            return dict.fromkeys(found, 1)
        contexts = _contexts(small) if small is not None else None
        edits = _edits1(phrase, alphabet) if contexts is None else _edits1_in(phrase, contexts)
        edits.discard(phrase)
        found = list(filter(listed, edits))
        if ordered:
            found.sort(key=position)
        return dict.fromkeys(found, 1)
    from rapidfuzz import process
    from rapidfuzz.distance import OSA

    n = len(phrase)
    dict_mode = type(counts) is dict
    choices: Iterable[str]
    head_table = _head_table() if max_edit_distance == DICTIONARY_EDIT_DISTANCE and n >= _HEAD and n < 997 else None
    if use_head_index is None:
        _far_searches += 1
        # (with a data cache folder: the mapped head index from the first search)
        use_head_index = _far_searches > HEAD_INDEX_AFTER or head_table is not None
    if use_head_index and head_table is not None:
        choices = _head_words(head_table, phrase, max_edit_distance)
    elif use_head_index and dict_mode and max_edit_distance == DICTIONARY_EDIT_DISTANCE and n >= _HEAD:
        keyed, heads = _head_index()
        seen: set[str] = set()
        for k in _head_keys(phrase):
            seen.update(keyed.get(k, ()))
        choices = [w for h in seen for w in heads[h] if abs(len(w) - n) <= max_edit_distance]
    elif small is not None:  # the words of the near lengths (the by-length slice below)
        # (joined by list.extend, in C: a comprehension over the 20,000-48,000 words cost
        # 0.5-1 ms a search, beside the 5-6 ms of rapidfuzz's scan of them)
        near_len: list[str] = []
        for L in range(max(0, n - max_edit_distance), n + max_edit_distance + 1):
            near_len.extend(_group(small, L))
        choices = near_len
        if not choices:
            return {}
    else:
        by_len, spans = _by_length()
        lo = [spans[L][0] for L in range(max(0, n - max_edit_distance), n + max_edit_distance + 1) if L in spans]
        hi = [spans[L][1] for L in range(max(0, n - max_edit_distance), n + max_edit_distance + 1) if L in spans]
        if not lo:
            return {}
        choices = by_len[min(lo) : max(hi)]
    hits = process.extract(phrase, choices, scorer=OSA.distance, score_cutoff=max_edit_distance, limit=None)
    found = [(w, int(d)) for w, d, _ in hits if w != phrase]
    if ordered:
        found.sort(key=lambda wd: position(wd[0]))
    return dict(found)


def lookup(phrase: str, max_edit_distance: int, closest: bool = False) -> list[Suggestion]:
    """``SymSpell.lookup(phrase, Verbosity.ALL or CLOSEST, max_edit_distance)`` over the lexicon.

    Same terms, distances, counts and order as symspellpy's lookup on ``SymSpell(2, 7)`` loaded
    with the whole lexicon (``include_unknown``, ``ignore_token`` and ``transfer_casing`` left at
    their defaults). ``closest=False`` is ``Verbosity.ALL``.

    How: symspellpy's own ``lookup`` runs on a tiny index holding only the near words (and the
    phrase itself when it is a word), added in dictionary order, with the full lexicon's longest
    word length. Each delete string's list in the tiny index is then the full index's list
    restricted to those words, in the same order. Every word SymSpell can append to its result
    is within ``max_edit_distance`` of the phrase, so it is in the tiny index; the words left out
    could only have failed SymSpell's tests, and a failed test changes no state another word
    depends on (the shrinking distance of ``Verbosity.CLOSEST`` changes only when a word is
    appended). So the answer is the same; tests/test_nearwords.py compares it with the full
    index on thousands of words.
    """
    if not 0 <= max_edit_distance <= DICTIONARY_EDIT_DISTANCE:
        raise ValueError("distance too large")
    return list(_lookup(phrase, max_edit_distance, closest))


@lru_cache(maxsize=65536)
def _lookup(phrase: str, max_edit_distance: int, closest: bool) -> tuple[Suggestion, ...]:
    """``lookup``'s answer, kept for the process: the spelling rules ask it of the same word
    more than once (the typo test, then the suggestions), and a run of many files meets the
    same unknown words again."""
    words, small = _mode()
    if small is None:
        order, _, max_length = _tables()
        position: Callable[[str], int] = order.__getitem__
    else:
        position, max_length = small.position, small.max_length
    if len(phrase) - max_edit_distance > max_length:
        return ()
    # (in no set order: the answer without the tiny index needs none, and the tiny index takes
    # its words in dictionary order, sorted below)
    near = _near(phrase, max_edit_distance, ordered=False) if max_edit_distance else {}
    if phrase not in words and not near:
        return ()
    if max_edit_distance == 1 and not closest:
        whole = _whole_word_answer(phrase, near, words)
        if whole is not None:
            return whole
    from symspellpy import SymSpell, Verbosity

    members = list(near)
    if phrase in words:
        members.append(phrase)
    members.sort(key=position)
    sym = SymSpell(max_dictionary_edit_distance=DICTIONARY_EDIT_DISTANCE, prefix_length=PREFIX_LENGTH)
    for w in members:
        sym.create_dictionary_entry(w, words[w])
    sym._max_length = max_length  # the early exit for over-long phrases uses the whole lexicon's
    verbosity = Verbosity.CLOSEST if closest else Verbosity.ALL
    return tuple(Suggestion(s.term, s.distance, s.count) for s in sym.lookup(phrase, verbosity, max_edit_distance))


def _whole_word_answer(phrase: str, near: Mapping[str, int], words: Mapping[str, int]) -> tuple[Suggestion, ...] | None:
    """``SymSpell.lookup(phrase, Verbosity.ALL, 1)``, ``near`` being every lexicon word at OSA
    distance 1 from ``phrase`` (``_near``, in any order), without building the tiny index: None
    when two of those words have the same count.

    That look-up finds every word at distance 1. A phrase shorter than PREFIX_LENGTH and every
    word within distance 1 of it (at most PREFIX_LENGTH characters) are their own prefixes, so
    SymSpell's delete strings cover them whole: a word at distance 1 shares a delete string of
    at most one deletion with the phrase (the shorter of the two, or both without the
    substituted letter, or without either letter of a swapped pair), which the look-up visits,
    and no test on prefix lengths turns it away there (the word is at most one letter longer
    than that string; the ``min_distance`` test needs phrases of PREFIX_LENGTH or more).

    A longer phrase is searched from its prefix P (its first PREFIX_LENGTH = 7 characters) and
    P's single deletions (with distance 1 the look-up goes no deeper). A word at distance 1
    whose own prefix S is P (the edit past P's end) is listed under P itself and met there
    first, where no test turns it away. Otherwise the edit is inside P (a swap may take P's
    last character and the next): S and P then share a deletion D of P (P without the
    substituted, inserted or deleted letter, or without a swapped one), listed as one of S's
    own deletions, so the word is met at D, six characters long: the one place where the
    ``min_distance`` test (min_distance = min of both lengths - 7) applies. That test compares
    the phrase and the word only at their last ``min_distance`` characters, counted from the
    end, and those are equal: past an edit inside P both strings have the same tail, at least
    ``min_distance`` characters long (for a swap of P's last character and the next, one
    shorter, and the test then lets the swapped pair through). A word turned away at another
    deletion is met again at D, and the distance SymSpell computes is the OSA distance.

    So the answer is the phrase (distance 0) if it is a word, and every word of ``near``
    (distance 1), sorted by distance, then count, descending: a stable sort, so only words of
    equal count keep the order the look-up found them in, which this does not know.
    tests/test_nearwords.py compares it with the index, around the prefix's end too."""
    found = [Suggestion(phrase, 0, words[phrase])] if phrase in words else []
    found += [Suggestion(w, 1, words[w]) for w in near]
    if len({s.count for s in found if s.distance}) < len(near):
        return None
    found.sort(key=lambda s: (s.distance, -s.count))
    return tuple(found)


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
    small = _mode()[1]
    sym._max_length = small.max_length if small is not None else _tables()[2]
    return sym
