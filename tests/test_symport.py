"""lint/_symport.py must answer exactly as symspellpy does: its ``SymSpell.lookup`` on a tiny
index and its ``word_segmentation`` with distance 0, compared with symspellpy itself on
generated inputs (small alphabets, so that words share delete strings and prefixes; lengths
around the seven-letter prefix; tied counts; odd characters)."""

from __future__ import annotations

import random
import string

from rapidfuzz.distance import OSA
from symspellpy import SymSpell, Verbosity

from garblint.lint import _symport, lexicon


def _mutate(rng: random.Random, w: str, alphabet: str) -> str:
    s = list(w)
    for _ in range(rng.choice((0, 1, 1, 2, 2, 3))):
        i = rng.randrange(len(s) + 1)
        op = rng.randrange(4)
        if op == 0 and i < len(s):
            del s[i]
        elif op == 1:
            s.insert(i, rng.choice(alphabet))
        elif op == 2 and i < len(s):
            s[i] = rng.choice(alphabet)
        elif i + 1 < len(s):
            s[i], s[i + 1] = s[i + 1], s[i]
    return "".join(s)


def _reference_lookup(
    phrase: str, members: list[str], counts: dict[str, int], max_length: int, med: int, closest: bool
) -> list[tuple[str, int, int]]:
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    for w in members:
        sym.create_dictionary_entry(w, counts[w])
    sym._max_length = max_length
    verbosity = Verbosity.CLOSEST if closest else Verbosity.ALL
    return [(s.term, s.distance, s.count) for s in sym.lookup(phrase, verbosity, med)]


def test_tiny_lookup_equals_symspell() -> None:
    rng = random.Random(5)
    checked = found = 0
    for case in range(4000):
        alphabet = "abc" if case % 3 == 0 else "abcde'" if case % 3 == 1 else string.ascii_lowercase
        # (every other case of 6-13 letters: words past the prefix, deletes shared at its end)
        base = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12) if case % 2 else rng.randint(6, 13)))
        members = list(dict.fromkeys(_mutate(rng, base, alphabet) for _ in range(rng.randint(0, 25))))
        members = [w for w in members if w]
        phrase = _mutate(rng, base, alphabet) if rng.random() < 0.8 else rng.choice(members or [base])
        counts = {w: rng.choice((1, 2, 3, 5, 5, 100, 10**6)) for w in members}
        med = rng.choice((0, 1, 2, 2))
        # as nearwords._lookup gives them: the near words, and the phrase when it is a word
        near = {w: int(OSA.distance(phrase, w)) for w in members if w != phrase}
        if rng.random() < 0.7:
            near = {w: d for w, d in near.items() if d <= med}
            members = [w for w in members if w in near or w == phrase]
        # (the index's longest word, or a phrase too long for it: the early exit)
        max_length = max(map(len, members), default=0) + rng.choice((0, 0, 3)) if rng.random() < 0.8 else len(phrase) - med - rng.choice((0, 1))
        for closest in (False, True):
            want = _reference_lookup(phrase, members, counts, max_length, med, closest)
            got = _symport.tiny_lookup(phrase, members, counts, near, max_length, med, closest)
            assert got == want, (phrase, members, med, closest)
            checked += 1
            found += len(want) > 1
    assert checked == 8000 and found > 1000


def test_word_segmentation_equals_symspell() -> None:
    rng = random.Random(7)
    words = lexicon.frequencies()
    ref = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    ref._words = words
    longest = max(map(len, words))
    ref._max_length = longest
    short = [w for w in words if len(w) <= 8]
    phrases = ["", " ", "-", "a", "A", "ofthe", "Ofthe", "of the", "it's-the", "x'y", "ﬁnest", "İstanbul", "a.b", "e-mail", "  two  spaces", "THEEND"]
    for _ in range(700):
        p = "".join(rng.choice(short) for _ in range(rng.randint(1, 4)))
        r = rng.random()
        if r < 0.3:
            p = _mutate(rng, p, string.ascii_lowercase + " '-.,")
        elif r < 0.4:
            p = p.capitalize()
        elif r < 0.5:
            p = p.replace(rng.choice(p), rng.choice(("é", "İ", "ß", "!", " ")), 1)
        phrases.append(p)
    for p in phrases:
        want = ref.word_segmentation(p, max_edit_distance=0)
        got = _symport.word_segmentation(p, words, longest)
        assert tuple(got) == tuple(want), p
    # a shorter longest length (a part may not exceed it)
    ref._max_length = 5
    for p in phrases[:200]:
        assert tuple(_symport.word_segmentation(p, words, 5)) == tuple(ref.word_segmentation(p, max_edit_distance=0)), p


def test_punctuation_is_string_punctuation() -> None:
    assert _symport._PUNCTUATION == string.punctuation
