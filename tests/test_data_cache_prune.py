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
