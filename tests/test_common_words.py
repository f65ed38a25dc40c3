"""The stored set of common English words (lint/_commonwords.py): exactly the index's words of
Zipf COMMON_ZIPF or more, kept in the data cache folder; and the name test that skips their
look-ups (rules/_techterms._names_used) finds the names it finds with a look-up per word."""

from __future__ import annotations

import random

from garblint.lint import _commonwords as CW
from garblint.lint import lexicon
from garblint.lint.document import Document
from garblint.rules import _techterms as T


def test_common_words_are_the_index_words_of_zipf_4_or_more(tmp_path, monkeypatch):
    lines = [
        "abbey\t400\t1\t\t0",
        "about\t712\t1\tfr\t455",
        "acorn\t399\t1\t\t0",
        "aa\t0\t0\t\t0",
        "ab\t7\t0\t\t0",
        "ad\t40\t1\tde\t401",
        "zz\t999\t0\t\t0",
    ]
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicon, "build_index_lines", lambda: lines)
    lexicon._index.cache_clear()
    CW.common_words.cache_clear()
    try:
        want = frozenset(w for w in ("abbey", "about", "zz"))
        assert CW.common_words() == want
        (stored,) = tmp_path.glob("common-v1-*.bin")
        CW.common_words.cache_clear()
        assert CW.common_words() == want  # (read back)
        stored.write_bytes(b"\x00damaged")
        CW.common_words.cache_clear()
        assert CW.common_words() == want  # (made again)
        monkeypatch.setenv("GARBLINT_DATA_CACHE", "")
        CW.common_words.cache_clear()
        assert CW.common_words() is None  # (no folder: the look-ups instead)
    finally:
        lexicon._index.cache_clear()
        lexicon._entry.cache_clear()
        CW.common_words.cache_clear()


def test_common_words_of_the_real_index():
    common = CW.common_words()
    if common is None:  # pragma: no cover - a run without a data cache folder
        return
    rng = random.Random(4)
    words = [w for p in ("a", "co", "de", "in", "ma", "re", "st", "th", "un", "wh") for w, _ in lexicon.words_with_prefix(p, 3000)]
    for w in rng.sample(words, 3000) + rng.sample(sorted(common), 500):
        assert (w in common) == (lexicon.zipf(w) >= CW.COMMON_ZIPF), w


def _names_used_old(doc: Document) -> tuple[frozenset[str], frozenset[str]]:
    """_names_used as it was: every word written three times or more looked up."""
    names = set()
    for t, n in doc.word_counts.items():
        if n >= 3 and len(t) >= 4 and t.isalpha():
            low = t.casefold()
            z = lexicon.zipf(low)
            if z < T._UNCOMMON_ZIPF or z < T._NAME_ZIPF and not lexicon.in_dictionary(low):
                names.add(low)
    cut = {n[k:] for n in names for k in (1, 2) if len(n) - k >= 3}
    return frozenset(names), frozenset(cut)


def test_names_used_same_without_the_common_words(monkeypatch):
    """_names_used skips the look-ups of common words: a word of Zipf 4 or more is no name
    under either of its tests (below Zipf 3, or below Zipf 4 and in no dictionary)."""
    assert T._UNCOMMON_ZIPF <= CW.COMMON_ZIPF and T._NAME_ZIPF <= CW.COMMON_ZIPF
    freqs = lexicon.frequencies()
    rng = random.Random(7)
    pool = [w for w in rng.sample(sorted(freqs), 4000) if len(w) >= 4 and w.isalpha()][:600]
    names = [
        "sudo",
        "gawk",
        "Aspell",
        "mrouted",
        "bluetoothctl",
        "superfrobnicate",
        "tanta",
        "colour",
        "Theirs",
        "about",
        "ABOUT",
        "house",
        "whose",
        "thereof",
    ]
    pool += names
    texts = []
    for _ in range(60):
        words = [rng.choice(pool) for _ in range(rng.randrange(5, 40))] + rng.sample(names, 4)
        texts.append(" ".join(w for w in words for _ in range(rng.choice([1, 3, 4]))))
    with_set = [T._names_used(Document(t)) for t in texts]
    assert with_set == [_names_used_old(Document(t)) for t in texts]
    monkeypatch.setattr(T, "common_words", lambda: None)
    assert [T._names_used(Document(t)) for t in texts] == with_set
    assert sum(len(n) for n, _ in with_set) > 50 and any(len(n) < len({w.casefold() for w in t.split()}) for (n, _), t in zip(with_set, texts))
