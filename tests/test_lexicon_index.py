"""The lexicon's compact index (lint/lexicon.py): look-ups, the cache copy, Hunspell affixes."""

from __future__ import annotations

import errno
import random

from garblint.lint import _lexbuild, hunspell, lexicon


def test_index_finds_every_line_and_nothing_else():
    rng = random.Random(5)
    words = sorted({"".join(rng.choice("abcé'-") for _ in range(rng.randint(1, 8))) for _ in range(3000)})
    lines = [f"{w}\t{i % 900}\t{i % 2}\t{'es' if i % 3 else ''}\t{i % 700}" for i, w in enumerate(words)]
    index = lexicon._Index.from_bytes(lexicon._Index.from_lines(lines).to_bytes())
    for i, w in enumerate(words):
        assert index.get(w) == (i % 900, bool(i % 2), "es" if i % 3 else "", i % 700)
    present = set(words)
    for _ in range(2000):
        probe = "".join(rng.choice("abcdé'-") for _ in range(rng.randint(1, 9)))
        if probe not in present:
            assert index.get(probe) is None
    assert lexicon._Index.from_lines([]).get("a") is None


def test_damaged_cache_copy_is_rejected():
    data = lexicon._Index.from_lines(["a\t1\t1\t\t0", "b\t2\t0\t\t0"]).to_bytes()
    for bad in (b"XXXX" + data[4:], data[:10]):
        try:
            lexicon._Index.from_bytes(bad)
        except ValueError:
            continue
        raise AssertionError("a damaged index was accepted")


def test_index_is_built_once_into_the_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicon, "build_index_lines", lambda: ["colour\t449\t1\t\t0", "recieve\t275\t0\t\t0"])
    lexicon._index.cache_clear()
    lexicon._entry.cache_clear()
    try:
        assert lexicon.zipf("recieve") == 2.75 and not lexicon.in_dictionary("recieve")
        assert lexicon.in_dictionary("colour") and lexicon.zipf("nosuchword") == 0.0
        copies = list(tmp_path.glob("lexicon-*.bin"))
        assert len(copies) == 1
        copies[0].write_bytes(b"damaged")  # a damaged copy is made again
        lexicon._index.cache_clear()
        lexicon._entry.cache_clear()
        assert lexicon.zipf("colour") == 4.49
        assert copies[0].read_bytes().startswith(b"GLX1")
    finally:
        lexicon._index.cache_clear()
        lexicon._entry.cache_clear()


def test_an_index_there_but_unreadable_now_is_left_alone(tmp_path, monkeypatch):
    """A process out of file handles (or memory) cannot open the index: it makes one in memory
    and leaves the copy other processes share alone (a test run under a small open-file limit
    used to write the 10 MB word index again); a missing or damaged copy is made again."""
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicon, "build_index_lines", lambda: ["colour\t449\t1\t\t0", "recieve\t275\t0\t\t0"])
    opened = lexicon._Index.open
    lexicon._index.cache_clear()
    lexicon._entry.cache_clear()
    try:
        assert lexicon.zipf("colour") == 4.49
        (copy,) = tmp_path.glob("lexicon-*.bin")
        before = copy.stat()
        for exc in (OSError(errno.EMFILE, "Too many open files"), OSError(errno.ENOMEM, "Cannot allocate memory"), PermissionError()):

            def fail(path, exc=exc):
                raise exc

            monkeypatch.setattr(lexicon._Index, "open", fail)
            lexicon._index.cache_clear()
            lexicon._entry.cache_clear()
            assert lexicon.zipf("colour") == 4.49 and lexicon.zipf("recieve") == 2.75
            after = copy.stat()
            assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns), exc
            assert [p.name for p in tmp_path.iterdir()] == [copy.name]
        monkeypatch.setattr(lexicon._Index, "open", opened)
        copy.unlink()
        lexicon._index.cache_clear()
        assert lexicon._index().get("colour") is not None and copy.is_file()  # (missing: made again)
    finally:
        lexicon._index.cache_clear()
        lexicon._entry.cache_clear()
    assert lexicon.remake(FileNotFoundError()) and lexicon.remake(ValueError()) and lexicon.remake(EOFError())
    assert not lexicon.remake(OSError(errno.EMFILE, "x")) and not lexicon.remake(PermissionError())


def test_hunspell_affixes_expand():
    aff = "\n".join(
        [
            "SET UTF-8",
            "PFX U Y 1",
            "PFX U 0 un .",
            "SFX D Y 2",
            "SFX D 0 d e",
            "SFX D 0 ed [^e]",
            "SFX S N 2",
            "SFX S y ies [^aeiou]y",
            "SFX S 0 s [^y]",
        ]
    )
    dic = "4\nbalk/DU\nbake/D\nparty/S\nParis\n"
    forms = hunspell.hunspell_forms(dic, aff)
    assert {"balk", "balked", "unbalk", "unbalked", "bake", "baked", "party", "parties"} <= forms
    assert "bakeed" not in forms and "partys" not in forms
    assert "paris" not in forms  # capitalised stems are names, not words


def test_system_dictionaries_can_be_ignored(tmp_path, monkeypatch):
    """A machine's Hunspell folders widen the dictionary unless GARBLINT_SYSTEM_DICTIONARIES=0."""
    (tmp_path / "en_GB.dic").write_text("1\nflurble\n", encoding="utf-8")
    (tmp_path / "en_GB.aff").write_text("SET UTF-8\n", encoding="utf-8")

    monkeypatch.setattr(hunspell, "SYSTEM_HUNSPELL_DIRS", (str(tmp_path),))
    monkeypatch.setenv("GARBLINT_SYSTEM_DICTIONARIES", "1")
    assert (tmp_path / "en_GB.dic") in [d for d, _ in lexicon._hunspell_files()]
    monkeypatch.setenv("GARBLINT_SYSTEM_DICTIONARIES", "0")
    assert (tmp_path / "en_GB.dic") not in [d for d, _ in lexicon._hunspell_files()]


def test_mapped_base_list_answers_as_the_dict(tmp_path, monkeypatch):
    """A small text reads symspellpy's counts from a mapped copy (lexicon.counts): the same
    answers as the dict, for every listed word and for words it lacks."""
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    monkeypatch.setattr(lexicon, "_MAPPED", [])
    assert lexicon._mapped_counts() is None  # the first time: written from the dict
    assert len(list(tmp_path.glob("base-*.bin"))) == 1
    monkeypatch.setattr(lexicon, "_MAPPED", [])
    mapped = lexicon._mapped_counts()
    assert mapped is not None
    freqs = lexicon.frequencies()
    rng = random.Random(7)
    sample = rng.sample(sorted(freqs), 3000)
    for w in sample:
        assert w in mapped and mapped[w] == freqs[w] == mapped.get(w, 0)
    for w in ("qzxv", "the\t1", "", "caf\udce9", "zzzzzz", sample[0] + "q"):
        assert (w in mapped) == (w in freqs) and mapped.get(w, -1) == freqs.get(w, -1)
    assert 0 < mapped.probes <= 3000 + 6


def test_counts_choose_the_dict_for_long_texts(monkeypatch):
    monkeypatch.setattr(lexicon, "_FREQS", None)
    monkeypatch.setattr(lexicon, "_MAPPED", [None])  # no cache folder: the dict
    assert lexicon.counts() is lexicon.frequencies()
    assert lexicon.counts_for(lexicon.SMALL_TEXT_WORDS + 1) is lexicon.frequencies()


def test_streamed_wordfreq_lists_equal_wordfreqs_own():
    wordfreq = __import__("wordfreq")
    for lang, wordlist in (("en", "large"), ("id", "small"), ("fr", "large")):
        ours = list(_lexbuild._wordfreq_buckets(lang, 400))
        theirs = wordfreq.get_frequency_list(lang, wordlist=wordlist)[:401]
        assert ours == theirs
