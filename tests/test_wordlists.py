"""The built-in vocabularies (rules/data/*.txt) and the one loader (garblint.lint.wordlists)."""

from __future__ import annotations

from pathlib import Path

import pytest

from garblint.lint.config import Config, convert
from garblint.lint.runner import lint_text
from garblint.lint.wordlists import parse_entries, word_list, word_set

DATA = Path(__file__).resolve().parent.parent / "rules" / "data"
#: phrase and word-frequency style files with their own syntax (read by their own parsers)
OWN_SYNTAX = {"boilerplate"}


def _lists() -> list[Path]:
    return sorted(p for p in DATA.glob("*.txt") if p.stem not in OWN_SYNTAX)


def test_parse_entries_skips_comments_and_blank_lines() -> None:
    assert parse_entries("# a list\nalpha\n\n  beta  # why\n#gamma\n") == ["alpha", "beta"]


@pytest.mark.parametrize("path", _lists(), ids=lambda p: p.stem)
def test_each_list_is_described_and_free_of_repeats(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.startswith("#"), f"{path.name}: say what the list holds in a comment first"
    entries = word_list(path.stem)
    assert entries, f"{path.name} is empty"
    assert len(entries) == len(set(entries)), f"{path.name} repeats {sorted({e for e in entries if entries.count(e) > 1})}"


def test_a_list_exists_once() -> None:
    """Two files with the same entries are one list kept twice."""
    seen: dict[frozenset[str], str] = {}
    for path in _lists():
        s = word_set(path.stem)
        assert s not in seen, f"{path.name} and {seen[s]}.txt hold the same entries"
        seen[s] = path.stem


def test_legit_doubles_config_extends_r001(tmp_path: Path) -> None:
    text = "The crowd chanted olé olé as the team came out."
    base = Config({"select": ["R001"]})
    assert [f.text for f in lint_text(text, base)] == ["olé olé"]
    extra = tmp_path / "doubles.txt"
    extra.write_text("# our house style\nOlé\n", encoding="utf-8")
    cfg = Config({"select": ["R001"], "legit-doubles": convert("legit-doubles", [extra.name], tmp_path)})
    assert lint_text(text, cfg) == []


def test_name_titles_config_extends_the_titles_before_names(tmp_path: Path) -> None:
    from garblint.lint.document import Document
    from garblint.rules._entities import analyse

    text = "Harbourmaster Ada Quell opened the new pier on Monday. Quell said it would last a century."

    def fulls(config: Config) -> list[tuple[str | None, str]]:
        return [(m.first, m.surname) for m in analyse(Document(text), config).mentions if m.kind == "full"]

    assert ("Ada", "Quell") not in fulls(Config())  # "Harbourmaster" is read as part of the name
    extra = tmp_path / "titles.txt"
    extra.write_text("# our port's offices\nharbourmaster\n", encoding="utf-8")
    cfg = Config({"name-titles": convert("name-titles", [extra.name], tmp_path)})
    assert ("Ada", "Quell") in fulls(cfg)


def test_organisation_words_config_alone_and_the_builtin_lists_on_one_document(tmp_path: Path) -> None:
    # the built-in lists' analysis is kept under a key of its own: a document analysed with
    # them and then with a user's organisation words (and no titles) is analysed again
    from garblint.lint.document import Document
    from garblint.rules._entities import analyse

    doc = Document("Mira Castell Tannery hired two apprentices in May. The tannery said both would stay.")

    def kinds(config: Config) -> list[tuple[str, str]]:
        return [(m.text, m.kind) for m in analyse(doc, config).mentions]

    assert ("Mira Castell Tannery", "full") in kinds(Config())
    extra = tmp_path / "orgs.txt"
    extra.write_text("# our trades\ntannery\n", encoding="utf-8")
    cfg = Config({"organisation-words": convert("organisation-words", [extra.name], tmp_path)})
    assert ("Mira Castell Tannery", "org") in kinds(cfg)
    assert ("Mira Castell Tannery", "full") in kinds(Config())
