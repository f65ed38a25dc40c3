"""The lexicon index's lines (lint/_lexbuild.py) against the plain form they replace, on
generated word lists: one pass per list, the lines sorted themselves (session 27)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from garblint.lint import _lexbuild


def _reference_lines(buckets, dictionary):
    """The build as it was written before: a word's first English bucket, its greatest foreign
    value (the first language on a tie), the words sorted, then one line per word."""
    zipfs = {}
    foreign = {}
    for i, bucket in enumerate(buckets["en"]):
        for w in bucket:
            if w not in zipfs and (w.isalpha() or _lexbuild._INDEX_WORD.match(w) is not None):
                zipfs[w] = 900 - i
    for lang in _lexbuild.FOREIGN_LANGUAGES:
        for i, bucket in enumerate(buckets.get(lang, [])[: _lexbuild._FOREIGN_MIN_BUCKET + 1]):
            for w in bucket:
                if w.isalpha() or _lexbuild._INDEX_WORD.match(w) is not None:
                    old = foreign.get(w)
                    if old is None or old[0] < 900 - i:
                        foreign[w] = (900 - i, lang)
    out = []
    for w in sorted(set(dictionary).union(zipfs, foreign)):
        z = zipfs.get(w, 0)
        f = foreign.get(w)
        d = 1 if w in dictionary else 0
        out.append(f"{w}\t{z if z > 0 else 0}\t{d}\t\t0" if f is None else f"{w}\t{z if z > 0 else 0}\t{d}\t{f[1]}\t{f[0]}")
    return out


def _lists(seed: int):
    rng = random.Random(seed)
    pool = ["".join(rng.choice("abcé") for _ in range(rng.randint(1, 5))) for _ in range(400)]
    pool += ["x-y", "it's", "a1", "b_c", "-a", "a--b", "q'", "dé-jà", "", "ab\n", "Ab"]

    def buckets(n):
        # (a word may come again in a later bucket, or twice in one)
        return [sorted(rng.sample(pool, rng.randint(0, 12)) + rng.sample(pool, 1)) for _ in range(n)]

    lists = {"en": buckets(rng.choice([30, 905, 960]))}
    for lang in _lexbuild.FOREIGN_LANGUAGES[: rng.randint(1, len(_lexbuild.FOREIGN_LANGUAGES))]:
        lists[lang] = buckets(rng.choice([5, 40, 560]))
    dictionary = set(rng.sample(pool, 60)) | {"dictonly", "zz top"}
    return lists, dictionary


@pytest.mark.parametrize("seed", range(6))
def test_index_lines_same_as_the_plain_build(seed, monkeypatch):
    lists, dictionary = _lists(seed)
    if seed == 5:
        dictionary |= {"ab\x01c", "ab"}  # a word with a character that sorts before the tab
    monkeypatch.setattr(_lexbuild, "_wordfreq_buckets", lambda lang, last=None: iter(lists.get(lang, [])[: None if last is None else last + 1]))
    monkeypatch.setattr(_lexbuild, "_hunspell_files", lambda: [])
    monkeypatch.setattr("garblint.lint.lexicon.frequencies", lambda: dict.fromkeys(dictionary, 1))
    assert _lexbuild.build_index_lines() == _reference_lines(lists, dictionary)


def test_index_lines_take_hunspell_forms(tmp_path: Path, monkeypatch):
    dic, aff = tmp_path / "x.dic", tmp_path / "x.aff"
    dic.write_text("2\nzebra\nquokka\n", encoding="utf-8")
    aff.write_text("SET UTF-8\n", encoding="utf-8")
    monkeypatch.setattr(_lexbuild, "_wordfreq_buckets", lambda lang, last=None: iter([["zebra"]] if lang == "en" else []))
    monkeypatch.setattr(_lexbuild, "_hunspell_files", lambda: [(dic, aff)])
    monkeypatch.setattr("garblint.lint.lexicon.frequencies", lambda: {})
    assert _lexbuild.build_index_lines() == ["quokka\t0\t1\t\t0", "zebra\t900\t1\t\t0"]
