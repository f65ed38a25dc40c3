"""The census surnames are looked up in a table kept in the data cache folder
(rules/_namewords.py CensusTable): it answers what the set of the list answers."""

from __future__ import annotations

import random

import pytest

from garblint.rules import _namewords as W


@pytest.mark.parametrize("cache", ["folder", "none"])
def test_census_table_answers_like_the_set(cache, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path) if cache == "folder" else "")
    names = W._read_census("dist.all.last")
    if not names:
        pytest.skip("the names package is not installed")
    rng = random.Random(5)
    sample = rng.sample(sorted(names), 2000)
    others = [n + "x" for n in sample] + [n[:-1] for n in sample] + ["", "a\tb", "\u00e9", 3]
    for _ in range(2):  # made, then (with a folder) read back from the file
        table = W.surnames.__wrapped__()
        assert all(n in table for n in sample)
        assert [o for o in others if (o in table) != (o in names)] == []
    if cache == "folder":
        assert len(list(tmp_path.glob("census-last-*.bin"))) == 1


@pytest.mark.parametrize("cache", ["folder", "none"])
def test_given_names_kept_are_the_lists(cache, tmp_path, monkeypatch) -> None:
    # the given names read back from the data cache folder are the two lists' first fields
    monkeypatch.setenv("GARBLINT_DATA_CACHE", str(tmp_path) if cache == "folder" else "")
    listed = frozenset(W._read_census("dist.male.first") | W._read_census("dist.female.first"))
    if not listed:
        pytest.skip("the names package is not installed")
    for _ in range(2):  # made, then (with a folder) read back from the file
        assert W.given_names.__wrapped__() == listed
    if cache == "folder":
        assert len(list(tmp_path.glob("census-first-*.bin"))) == 1
        # a damaged file is made again
        (kept,) = tmp_path.glob("census-first-*.bin")
        kept.write_bytes(b"\x00garbage")
        assert W.given_names.__wrapped__() == listed
        assert W.given_names.__wrapped__() == listed
