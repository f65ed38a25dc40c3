"""lint/nearwords.py must answer exactly as a real SymSpell index over the lexicon does.

The reference index (symspellpy's own ``load_dictionary``, about 2 s and 190 MB) is built once
for this module. The words asked about are generated at run time from the lexicon: random
keyboard edits of words of every length, edits around the seven-letter prefix boundary, OCR
look-alikes and digits, apostrophes and accented letters, very short and very long strings.
"""
from __future__ import annotations

import random

import pytest
from rapidfuzz.distance import OSA
from symspellpy import SymSpell, Verbosity
from symspellpy.editdistance import DamerauOsa

from garblint.lint import lexicon, nearwords
from garblint.rules import _lexcheck


@pytest.fixture(scope="module")
def ref() -> SymSpell:
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    sym.load_dictionary(lexicon._data_path(lexicon.DICTIONARY), term_index=0, count_index=1)
    return sym


_ALPHA = "abcdefghijklmnopqrstuvwxyz"
_ODD = "'0123456789é\u017f\u0440-"  # apostrophe, digits, accented, long s, Cyrillic er, hyphen
_OCR = {"m": "rn", "d": "cl", "h": "li", "n": "ri", "w": "vv", "o": "0", "l": "1", "e": "c", "s": "5", "i": "!"}


def _edit(rng: random.Random, word: str, k: int, lo: int = 0) -> str:
    w = list(word)
    for _ in range(k):
        i = rng.randrange(min(lo, len(w)), len(w) + 1)
        op = rng.randrange(6)
        if op == 0 and i < len(w):
            del w[i]
        elif op == 1:
            w.insert(i, rng.choice(_ALPHA + _ODD if rng.random() < 0.2 else _ALPHA))
        elif op == 2 and i < len(w):
            w[i] = rng.choice(_ALPHA)
        elif op == 3 and i + 1 < len(w):
            w[i], w[i + 1] = w[i + 1], w[i]
        elif op == 4 and i < len(w):
            w[i] = _OCR.get(w[i], w[i])
        elif i < len(w):
            w[i] = rng.choice(_ODD)
    return "".join(w)


def _sample(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = list(lexicon.frequencies())
    by_len: dict[int, list[str]] = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)
    out = {"", "a", "x", "q'", "ab", "teh", "wrold", "goverment", "recieved", "ofthe", "internatonal",
           "abcdefghijklmnopqrstuvwxyzabcdefgh", "rnodern", "cornrnittee"}
    while len(out) < n:
        r = rng.random()
        if r < 0.05:
            out.add(rng.choice(words))  # a known word (SymSpell lists it at distance 0)
        elif r < 0.12:
            out.add("".join(rng.choice(_ALPHA + _ODD) for _ in range(rng.randint(1, 40))))
        elif r < 0.30:  # long words, edits around the prefix boundary (positions 4-10)
            w = rng.choice(by_len[rng.randint(8, 16)])
            out.add(_edit(rng, w, rng.choice((1, 2, 2, 3)), lo=4))
        else:  # every length, one to three edits
            L = rng.choice(sorted(by_len))
            out.add(_edit(rng, rng.choice(by_len[L]), rng.choice((1, 1, 2, 2, 3))))
    return sorted(out)


def _as_tuples(items) -> list[tuple[str, int, int]]:
    return [(s.term, s.distance, s.count) for s in items]


def test_lexicon_is_the_index_dictionary(ref: SymSpell) -> None:
    assert ref._words == lexicon.frequencies()
    assert ref._max_length == nearwords._tables()[2]
    assert not ref._below_threshold_words


@pytest.fixture(scope="module")
def small_mode() -> tuple:
    """What ``nearwords._mode`` gives a process that reads the mapped copy of the list: that
    copy and the mapped tables, both made here in memory as the data cache folder holds them."""
    freqs = lexicon.frequencies()
    mapped = lexicon._MappedCounts(lexicon._Index.from_lines(f"{w}\t{freqs[w]}" for w in sorted(freqs)))
    small = nearwords.small_from(lexicon._Index.from_lines(nearwords._small_lines()))
    assert small is not None
    return mapped, small


def test_small_tables_equal_the_dict_tables(small_mode) -> None:
    _, small = small_mode
    order, alphabet, max_length = nearwords._tables()
    assert (small.alphabet, small.max_length) == (alphabet, max_length)
    by_len, spans = nearwords._by_length()
    for n in range(max_length + 3):
        a, b = spans.get(n, (0, 0))
        assert small.words_of_length(n) == by_len[a:b]
    for w in list(order)[::97]:
        assert small.position(w) == order[w]


@pytest.mark.parametrize("mode", ["mapped tables", "no tables"])
def test_joined_words_of_length_equal_joining_the_words(small_mode, mode, monkeypatch) -> None:
    """``joined_words_of_length`` (the mapped table's line, its spaces replaced) against the
    words of each length joined, with the mapped tables and without (the dict's tables)."""
    mapped, small = small_mode
    if mode == "mapped tables":
        monkeypatch.setattr(nearwords, "_mode", lambda: (mapped, small))
    else:
        monkeypatch.setattr(nearwords, "_mode", lambda: (lexicon.frequencies(), None))
    by_len, spans = nearwords._by_length()
    for n in range(nearwords._tables()[2] + 3):
        a, b = spans.get(n, (0, 0))
        for sep in ("\n", " ", ", "):
            assert nearwords.joined_words_of_length(n, sep) == sep.join(by_len[a:b]), (n, sep)
    assert nearwords.joined_words_of_length(5, "\n").count("\n") > 1000


@pytest.mark.parametrize(
    "seed,head_index,small",
    [(0, "none", "dict"), (1, "memory", "dict"), (2, "none", "mapped"), (3, "none", "dict+tables"), (4, "memory", "dict+tables"), (5, "table", "mapped"), (6, "table", "dict+tables")],
)
def test_lookup_equals_symspell(ref: SymSpell, seed: int, head_index: str, small: str, small_mode, monkeypatch) -> None:
    # distance-2 searches scan the words of a near length, or (seed 1) use the head index, in
    # the tables the process builds from the dict; (seed 2) run on the mapped tables of a short
    # text's process; (seeds 3, 4) on the dict and the mapped tables, as a process that has
    # the dict and a data cache folder does; (seeds 5, 6) read the head index's mapped table
    # (``_head_table``), as every process with a data cache folder does
    if head_index == "table":
        assert nearwords._head_table() is not None
    else:
        monkeypatch.setattr(nearwords, "_head_table", lambda: None)
        monkeypatch.setattr(nearwords, "HEAD_INDEX_AFTER", -1 if head_index == "memory" else 10**9)
    if small == "mapped":
        monkeypatch.setattr(nearwords, "_mode", lambda: small_mode)
    else:
        tables = small_mode[1] if small == "dict+tables" else None
        monkeypatch.setattr(nearwords, "_mode", lambda: (lexicon.frequencies(), tables))
    nearwords._lookup.cache_clear()  # (answers kept from an earlier search would skip the path under test)
    for q in _sample(400 if small != "dict" else 1200, seed):
        for med in (0, 1, 2):
            for verbosity in (Verbosity.ALL, Verbosity.CLOSEST):
                want = _as_tuples(ref.lookup(q, verbosity, med))
                got = _as_tuples(nearwords.lookup(q, med, closest=verbosity == Verbosity.CLOSEST))
                assert got == want, (q, med, verbosity)


def test_phrases_at_distance_one_equal_symspell(ref: SymSpell) -> None:
    """``_whole_word_answer``, the answer at distance 1 (Verbosity.ALL) without the tiny index:
    every two-character string, words of one to six letters with an edit, and longer words
    with an edit anywhere or around the end of the seven-letter prefix (where SymSpell's
    prefix tests apply); most answered that way, the rest (words of equal count) by the tiny
    index."""
    rng = random.Random(13)
    chars = _ALPHA + "'é1"
    phrases = [a + b for a in chars for b in chars] + list(chars)
    short = [w for w in lexicon.frequencies() if len(w) <= 6]
    phrases += [_edit(rng, rng.choice(short), 1) for _ in range(1500)] + rng.sample(short, 500)
    long = [w for w in lexicon.frequencies() if len(w) >= 6]
    phrases += [_edit(rng, rng.choice(long), 1) for _ in range(1500)] + rng.sample(long, 300)
    phrases += [_edit(rng, w, 1, lo=4) for w in rng.sample(long, 1500)]
    phrases += [_edit(rng, w[:6], 1, lo=5) + w[6:] for w in rng.sample(long, 500)]  # at positions 5-6
    nearwords._lookup.cache_clear()
    words = lexicon.frequencies()
    whole = tied = whole_long = 0
    for q in phrases:
        want = _as_tuples(ref.lookup(q, Verbosity.ALL, 1))
        assert _as_tuples(nearwords.lookup(q, 1)) == want, q
        near = nearwords._near(q, 1)
        if near or q in words:
            answer = nearwords._whole_word_answer(q, near, words)
            if answer is None:
                tied += 1
            else:
                whole += 1
                whole_long += len(q) >= nearwords.PREFIX_LENGTH
                assert _as_tuples(answer) == want, q
    assert whole > 3000 and whole_long > 1500 and tied >= 1


def _reference_candidates(ref: SymSpell, word: str) -> tuple[str, ...]:
    """``symspell_candidates`` as it was written against the real index."""
    found = ref.lookup(word, Verbosity.ALL, 1) if len(word) > 1 else []
    if not found and len(word) >= 5:
        found = ref.lookup(word, Verbosity.CLOSEST, 2)
    found = sorted(found, key=lambda s: (s.distance, -s.count))[:12]
    return tuple(s.term for s in found if s.term != word)


def test_symspell_candidates_unchanged(ref: SymSpell) -> None:
    _lexcheck.symspell_candidates.cache_clear()
    for q in _sample(2000, 7):
        assert _lexcheck.symspell_candidates(q) == _reference_candidates(ref, q), q


def test_segmenter_segments_as_the_full_index(ref: SymSpell) -> None:
    rng = random.Random(11)
    words = [w for w in lexicon.frequencies() if len(w) <= 9]
    function = sorted(_lexcheck.FUNCTION_WORDS)
    seg = nearwords.segmenter()
    phrases = ["ofthe", "inthe", "tothe", "andthe", "wasnot", "xqzofthe", "a", "Theend", "it's-the"]
    for _ in range(600):
        parts = [rng.choice(function if rng.random() < 0.5 else words) for _ in range(rng.randint(1, 3))]
        p = "".join(parts)
        if rng.random() < 0.3:
            p = _edit(rng, p, 1)
        phrases.append(p)
    for p in phrases:
        a = ref.word_segmentation(p, max_edit_distance=0)
        b = seg.word_segmentation(p, max_edit_distance=0)
        assert tuple(b) == tuple(a), p


def test_edits1_is_osa_distance_one() -> None:
    by_len, _ = nearwords._by_length()
    for q in _sample(60, 5):
        brute = sorted(w for w in by_len if w != q and OSA.distance(q, w, score_cutoff=1) <= 1)
        assert sorted(nearwords._near(q, 1)) == brute, q
        assert set(nearwords._near(q, 1).values()) <= {1}


def test_rapidfuzz_osa_equals_symspellpy_damerau_osa() -> None:
    """The distance lookup() uses is the one symspellpy's DAMERAU_OSA comparer returns."""
    rng = random.Random(2)
    dl = DamerauOsa()
    for _ in range(20000):
        a = "".join(rng.choice("abc' ") for _ in range(rng.randint(0, 9)))
        b = _edit(rng, a, rng.randint(0, 4)) if a else "".join(rng.choice("abc") for _ in range(rng.randint(0, 3)))
        for m in (1, 2, 3):
            want = dl.distance(a, b, m)
            got = OSA.distance(a, b, score_cutoff=m)
            assert (got if got <= m else -1) == want, (a, b, m)


@pytest.mark.parametrize("table", [True, False])
def test_head_index_keeps_every_word_symspell_can_reach(table: bool, monkeypatch) -> None:
    # the head index read from its mapped table, and built in memory
    if table:
        assert nearwords._head_table() is not None
    else:
        monkeypatch.setattr(nearwords, "_head_table", lambda: None)
        monkeypatch.setattr(nearwords, "_mode", lambda: (lexicon.frequencies(), None))
    for q in _sample(400, 9):
        if len(q) < 5:
            continue
        scan = nearwords._near(q, 2, use_head_index=False)
        narrowed = nearwords._near(q, 2, use_head_index=True)
        assert set(narrowed) <= set(scan)
        assert list(narrowed.items()) == [(w, d) for w, d in scan.items() if w in narrowed]  # same order
        assert all(d == OSA.distance(q, w) for w, d in scan.items())
        for closest in (False, True):
            for s in nearwords.lookup(q, 2, closest=closest):
                assert s.term == q or s.term in narrowed, (q, s)
