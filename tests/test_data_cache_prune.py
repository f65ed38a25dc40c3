"""The data cache folder does not keep every older index for ever: writing one deletes the
files of its family (its name prefix) written over a week ago, whatever their extension."""

from __future__ import annotations

import os
import time

from garblint.lint import lexicon


def _touch(path, days_ago: float) -> None:
    path.write_bytes(b"x")
    t = time.time() - days_ago * 86400
    os.utime(path, (t, t))


def test_save_prunes_its_family_older_than_a_week(tmp_path) -> None:
    old_txt = tmp_path / "places-v3-100000-1-2.txt"  # an older format of the same family
    old_bin = tmp_path / "places-v4-100000-1-2.bin"
    recent = tmp_path / "places-v4-100000-3-4.bin"  # another install may still read it
    other = tmp_path / "counts-m4-1-2.bin"  # another family
    _touch(old_txt, 8)
    _touch(old_bin, 8)
    _touch(recent, 1)
    _touch(other, 30)
    lexicon._save(lexicon._Blob(b"new"), tmp_path, "places-v4-100000-5-6.bin", "places-")
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == ["counts-m4-1-2.bin", "places-v4-100000-3-4.bin", "places-v4-100000-5-6.bin"]
    assert (tmp_path / "places-v4-100000-5-6.bin").read_bytes() == b"new"


def test_spun_table_copy_prunes_older_copies(tmp_path, monkeypatch) -> None:
    """T001's kept copy of the built-in weaker forms is named after the list's size and
    modification time: writing a new one deletes the copies written over a week ago."""
    from garblint.rules import spun

    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path))
    old = tmp_path / "spun-forms-v1-m4-py311-1-2.marshal"
    recent = tmp_path / "spun-forms-v1-m4-py311-3-4.marshal"
    other = tmp_path / "counts-m4-1-2.bin"
    _touch(old, 8)
    _touch(recent, 1)
    _touch(other, 30)
    phrases = spun.Phrases.from_parts({"a b": "c"}, frozenset({"a"}), frozenset({"A"}), frozenset({"b"}))
    spun._save_builtin_weak(phrases)
    path = spun._weak_cache_path()
    assert path is not None
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(["counts-m4-1-2.bin", recent.name, os.path.basename(path)])
    assert spun._cached_builtin_weak() is not None  # the new copy reads back
