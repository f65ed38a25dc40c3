"""The distance-1 search through the lexicon's deletions (``nearwords._near1_by_deletes`` and
its table, ``_deletes_table``) against the search it replaced: every edit of the phrase made
(deletions, swaps of neighbours, and each letter of the alphabet put in or put in place of one)
and looked up in the word list.

On generated strings and on the lexicon's own words with edits, with the table made in memory
from the whole lexicon; and on small word lists of their own, where every string over their
letters (and one other character) up to a length is asked and the words at OSA distance 1 are
known by comparing every pair.
"""

from __future__ import annotations

import itertools
import random

import pytest
from rapidfuzz.distance import OSA

from garblint.lint import lexicon, nearwords


def _edits1_old(word: str, alphabet: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out.update(a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1)
    out.update(a + c + b[1:] for a, b in splits if b for c in alphabet)
    out.update(a + c + b for a, b in splits for c in alphabet)
    return out


def _near1_old(phrase: str, words, alphabet: str) -> set[str]:
    """``_near(phrase, 1)``'s words as the search gave them before the deletions' table."""
    if len(phrase) - sum(map(alphabet.__contains__, phrase)) > 1:
        return set()
    edits = _edits1_old(phrase, alphabet)
    edits.discard(phrase)
    return {e for e in edits if e in words}


def _new(phrase: str, table, alphabet: str) -> set[str]:
    if len(phrase) - sum(map(alphabet.__contains__, phrase)) > 1:  # (``_near`` returns before)
        return set()
    found = nearwords._near1_by_deletes(phrase, table, alphabet)
    assert len(found) == len(set(found)), phrase  # each word once
    return set(found)


@pytest.fixture(scope="module")
def whole() -> tuple:
    """The lexicon, its alphabet and the deletions' table made in memory from it."""
    order, alphabet, _ = nearwords._tables()
    return order, alphabet, lexicon._Index.from_lines(nearwords._deletes_lines(lexicon.frequencies()))


_ODD = "'0-é\u017f\u0440\t\n "


def _edited(rng: random.Random, word: str, alphabet: str) -> str:
    w = list(word)
    for _ in range(rng.choice((1, 1, 1, 2))):
        i = rng.randrange(len(w) + 1)
        op = rng.randrange(5)
        if op == 0 and i < len(w):
            del w[i]
        elif op == 1:
            w.insert(i, rng.choice(alphabet if rng.random() < 0.9 else _ODD))
        elif op == 2 and i < len(w):
            w[i] = rng.choice(alphabet if rng.random() < 0.9 else _ODD)
        elif op == 3 and i + 1 < len(w):
            w[i], w[i + 1] = w[i + 1], w[i]
        elif i < len(w):  # a letter doubled (runs: the same deletion at several positions)
            w.insert(i, w[i])
    return "".join(w)


@pytest.mark.parametrize("seed", range(6))
def test_same_words_as_every_edit_looked_up(whole, seed: int) -> None:
    order, alphabet, table = whole
    rng = random.Random(seed)
    words = list(order)
    asked = {"", "a", "x", "é", "\u0440", "aa", "teh", "recieve", "wrod", "the", "thhe", "speeded", "q'", "a b", "ab\tc", "x\ny"}
    asked.update(rng.choice(words) for _ in range(150))  # words of the list
    asked.update(_edited(rng, rng.choice(words), alphabet) for _ in range(500))
    asked.update("".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6))) for _ in range(150))
    for p in sorted(asked):
        assert _new(p, table, alphabet) == _near1_old(p, order, alphabet), p


def test_near_gives_the_same_answer_in_the_same_order(whole, monkeypatch) -> None:
    """``_near(w, 1)`` through the table: the same words, by dictionary position, as through the
    edits (``_deletes_table`` None: no data cache folder)."""
    order, alphabet, table = whole
    rng = random.Random(7)
    words = list(order)
    asked = [_edited(rng, rng.choice(words), alphabet) for _ in range(300)] + ["teh", "", "a", "wrod"]
    monkeypatch.setattr(nearwords, "_deletes_table", lambda: None)
    old = [nearwords._near(p, 1) for p in asked]
    monkeypatch.setattr(nearwords, "_deletes_table", lambda: table)
    for p, o in zip(asked, old):
        new = nearwords._near(p, 1)
        assert list(new.items()) == list(o.items()), p
        assert set(nearwords._near(p, 1, ordered=False)) == set(o), p


@pytest.mark.parametrize("seed", range(8))
def test_small_lists_every_string_against_every_word(seed: int) -> None:
    """Word lists of their own over "abc": every string over "abcx" of up to five characters,
    its words at OSA distance 1 found by comparing it with every word."""
    rng = random.Random(seed)
    alphabet = "abc"
    words = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 6))) for _ in range(rng.choice((5, 20, 60)))})
    if seed == 0:
        words = ["a", "aa", "ab", "ba", "abc", "acb", "bac", "aab", "aba", "baa", "abab", "baba", "aabb"]
    table = lexicon._Index.from_lines(nearwords._deletes_lines(words))
    for n in range(6):
        for t in itertools.product("abcx", repeat=n):
            p = "".join(t)
            want = {w for w in words if OSA.distance(p, w) == 1}
            assert _new(p, table, alphabet) == want, (p, words)
            assert _near1_old(p, set(words), alphabet) == want, (p, words)


def test_deletes_lines() -> None:
    assert nearwords._deletes_lines(["ab", "b", "aab"]) == ["\tb", "a\tab", "aa\taab", "aab\taab", "ab\tab aab", "b\tab b"]


def test_table_kept_in_the_data_cache_folder(tmp_path, monkeypatch) -> None:
    """Made once into the folder (the same lines), read back mapped by the next process; no
    folder: none (the search makes the edits); a file that cannot be read now: none either,
    and it is not written over."""
    monkeypatch.setattr(nearwords, "_deletes_lines", lambda words: ["a\tab", "b\tab"])
    monkeypatch.setattr(lexicon, "_base_key", lambda: "k")
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    nearwords._deletes_table.cache_clear()
    try:
        t = nearwords._deletes_table()
        assert (tmp_path / "neardeletes-v1-k.bin").exists()
        assert t.raw("a") == b"ab" and t.raw("c") is None
        nearwords._deletes_table.cache_clear()
        monkeypatch.setattr(nearwords, "_deletes_lines", lambda words: pytest.fail("made again"))
        again = nearwords._deletes_table()
        assert again.raw("b") == b"ab" and type(again.buf).__name__ == "mmap"
        nearwords._deletes_table.cache_clear()
        monkeypatch.setenv("GARBLINT_DATA_CACHE", "")
        assert nearwords._deletes_table() is None
        nearwords._deletes_table.cache_clear()
        monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))

        def no_handles(path):
            raise OSError(24, "Too many open files")

        monkeypatch.setattr(lexicon._Index, "open", staticmethod(no_handles))
        assert nearwords._deletes_table() is None
    finally:
        nearwords._deletes_table.cache_clear()
