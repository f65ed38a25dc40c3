"""S and O families beyond the data cases: clean-text budget, names lists, modes, ownership."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from garblint.lint import nearwords
from garblint.lint.config import Config, ConfigError, convert
from garblint.lint.document import Document
from garblint.lint.runner import lint_text
from garblint.rules import _lexcheck

CLEAN = Path(__file__).resolve().parent.parent / "corpus" / "clean"
SO = ["S", "O"]

# The people and places of the clean fixtures, as a newsroom's names list would hold them.
FIXTURE_NAMES = """
Miriam Okonkwo-Hale
Port Ellery
Desmond Ashworth-Pryce
Fenella Quarrie
Gwen Tallis
Rajiv Menon
Castellan & Rowe
Halden Associates
River Teal
Quayside Road
Ferry Lane
Veltrax Semiconductor
Lena Marchetti
Meridian Research
Aurelo
Bramblecart
Kestrel EV6
Dev Anand Krishnaswamy
Holloway Pike
Orrin Micro
Sable Devices
Tomás Villanueva
Ashby Rovers
Kingsmere Athletic
Jonah Whitlock
Piotr Zielinski
Ruth McAllister
Kofi Mensah-Doyle
Daniel O'Shea
Sam Okafor
Gareth Lyle
Real Oviedo
Meadow Lane
Stuart Penhaligon
Harwood Town
Leon Bright-Evans
Yusuf Demir
Asturias
Priya Lindqvist
Amara Osei-Bonsu
Harriet Blom
Care Watch
Eilidh MacRury
Carrick Head
Imogen Sallis
Ormerod
Norfolk
East Anglia
The Salt Garden
Lyric Studio
Aurelia Fenwick-Stroud
Joachim Lessard
Ines Kovalenko
"""


def _cfg(tmp_path: Path | None = None, names: str | None = None, **values) -> Config:
    vals = {"select": SO, **values}
    if names is not None and tmp_path is not None:
        f = tmp_path / "names.txt"
        f.write_text(names, encoding="utf-8")
        vals["names"] = [str(f)]
    return Config(vals)


def _clean_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("report-*.txt"))]
    assert len(texts) >= 3
    return texts


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_clean_news_budget(mode: str, tmp_path: Path) -> None:
    texts = _clean_texts()
    words = sum(Document(t).word_count for t in texts)
    assert words >= 1500
    findings = [f for t in texts for f in lint_text(t, _cfg(tmp_path, FIXTURE_NAMES, mode=mode))]
    assert len(findings) * 1000 / words <= 2.0, [(f.code, f.text) for f in findings]


@pytest.mark.parametrize("mode", ["general", "ocr"])
def test_no_finding_on_listed_names(mode: str, tmp_path: Path) -> None:
    names = [n.strip() for n in FIXTURE_NAMES.splitlines() if n.strip()]
    for text in _clean_texts():
        spans = [m.span() for n in names for m in re.finditer(re.escape(n), text)]
        for f in lint_text(text, _cfg(tmp_path, FIXTURE_NAMES, mode=mode)):
            assert not any(a < f.end and f.start < b for a, b in spans), (f.code, f.text)


def test_names_list_silences_a_name_that_looks_damaged(tmp_path: Path) -> None:
    # "Sorne" at a sentence start reads like OCR's "rn" for "m" in "Some"; listed, it is a name
    text = "The jury heard from two witnesses. Sorne spoke first."
    flagged = lint_text(text, _cfg(mode="ocr"))
    assert [(f.code, f.text) for f in flagged] == [("O001", "Sorne")]
    assert lint_text(text, _cfg(tmp_path, "Anna Sorne\n", mode="ocr")) == []


def test_seed_names_never_flagged(shared_corpus: Path, tmp_path: Path) -> None:
    text = (shared_corpus / "seed-article.txt").read_text(encoding="utf-8")
    names_file = shared_corpus / "seed-names.txt"
    tokens = set()
    for line in names_file.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        tokens.update(t.casefold() for t in re.findall(r"[^\W\d_]+", line))
    for mode in ("general", "ocr"):
        cfg = Config({"select": SO, "mode": mode, "names": [str(names_file)]})
        for f in lint_text(text, cfg):
            words = {t.casefold() for t in re.findall(r"[^\W\d_]+", f.text)}
            assert not words & tokens, (f.code, f.text)


def test_known_words_never_search_for_near_words(monkeypatch) -> None:
    def boom(*a, **k):
        raise AssertionError("near-word search for a text of known words")

    monkeypatch.setattr(nearwords, "lookup", boom)
    monkeypatch.setattr(nearwords, "segmenter", boom)
    _lexcheck.symspell_candidates.cache_clear()
    text = "The council approved the plan on Tuesday. Residents said they were relieved, and 12 homes will be protected by 2026."
    assert lint_text(text, _cfg()) == []


def test_ocr_mode_prefers_lookalikes() -> None:
    text = "She said: wifh."  # no neighbour to decide between the readings
    general = lint_text(text, _cfg())
    ocr = lint_text(text, _cfg(mode="ocr"))
    assert [f.code for f in general] == ["S001"] and general[0].suggestions[0].replacement == "with"
    assert [f.code for f in ocr] == ["O001"] and ocr[0].suggestions[0].replacement == "wish"
    assert _lexcheck.confusion_cost("eourt", "court", _lexcheck.OCR) < _lexcheck.confusion_cost("eourt", "court", _lexcheck.GENERAL)


def test_ocr_mode_raises_confidence() -> None:
    text = "The eourt sat."
    g = lint_text(text, _cfg())
    o = lint_text(text, _cfg(mode="ocr"))
    assert g and o and o[0].confidence > g[0].confidence


def test_per_file_mode(tmp_path: Path) -> None:
    cfg = Config({"select": SO, "per-file-mode": convert("per-file-mode", {"scans/*.txt": "ocr"})})
    text = "Thou art a publick man."
    assert lint_text(text, cfg, path="scans/page1.txt") == []
    assert [f.text for f in lint_text(text, cfg, path="news/today.txt")] == ["publick"]
    with pytest.raises(ConfigError, match="per-file-mode"):
        convert("per-file-mode", {"scans/*.txt": "scan"})


def test_each_token_reported_once() -> None:
    # one damaged token per sentence, in paragraphs of their own (a paragraph that is mostly
    # unknown words is treated as another language)
    parts = [
        "Tbe", "eourt", "9treet", "ofthe", "govern ment", "im- prisonment", "st!ll", "c0ld",
        "recieve", "teh", "wierd", "wornan", "■■%&;", "a3#k", "rnay", "frorn", "cornpany",
    ]
    text = "\n\n".join(f"It was said that the {p} was there in the end." for p in parts)
    for mode in ("general", "ocr"):
        found = sorted(lint_text(text, _cfg(mode=mode)), key=lambda f: f.start)
        assert len(found) >= 15, [(f.code, f.text) for f in found]
        for a, b in zip(found, found[1:]):
            assert a.end <= b.start, (a.code, a.text, b.code, b.text)


def test_suggestions_that_change_words_are_unsafe() -> None:
    text = "The eourt in 9treet heard ofthe case and recieve im- prisonment ■■%&; a3#k."
    found = lint_text(text, _cfg(mode="ocr"))
    assert {f.code for f in found} == {"S001", "O001", "O002", "O003", "O004"}
    assert all(not s.safe for f in found for s in f.suggestions)


def test_rule_docs_have_headings() -> None:
    from garblint.lint.rule import get_rule

    for code in ("S001", "O001", "O002", "O003", "O004"):
        sections = get_rule(code).doc_sections()
        assert set(sections) == {"What it flags", "Why", "Example", "Fix"}, code


from hypothesis import given, settings, strategies as st  # noqa: E402

_ALPHABET = st.sampled_from(list("abcdeilmnorst ABT019-\n'’!|@#%&;■~") + ["rn", "cl", "the", "of", "- ", "-\n", "  ", "\n\n"])


@settings(max_examples=80, deadline=None)
@given(st.lists(_ALPHABET, max_size=80).map("".join), st.sampled_from(["general", "ocr"]))
def test_any_text_gives_in_bounds_non_overlapping_findings(text: str, mode: str) -> None:
    found = sorted(lint_text(text, _cfg(mode=mode)), key=lambda f: (f.start, f.end))
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert f.text == text[f.start : f.end]
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start, (a.code, a.text, b.code, b.text)
