"""Structural rules (D, R002, Q, B): clean texts stay silent, the seed case is caught, config extends phrases."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from garblint.lint.config import Config, convert
from garblint.lint.document import Document
from garblint.lint.rule import get_rule
from garblint.lint.runner import lint_text
from conftest import gold_span, load_gold, run_cli

CLEAN_DIR = Path(__file__).resolve().parent.parent / "corpus" / "clean"
CLEAN_TEXTS = sorted(CLEAN_DIR.glob("*.txt"))
#: the prose among them: verse (a poem, song lyrics) repeats lines by design, and wrapping it or
#: pasting a "longest paragraph" twice says nothing about prose
PROSE_TEXTS = [p for p in CLEAN_TEXTS if not any(k in p.name for k in ("poem", "lyrics"))]
STRUCTURE = ["D", "Q", "B", "R002"]


def _select(codes=STRUCTURE, **extra) -> Config:
    return Config({"select": convert("select", codes), **extra})


def test_there_are_clean_texts():
    assert len(CLEAN_TEXTS) >= 3


@pytest.mark.parametrize("path", CLEAN_TEXTS, ids=lambda p: p.name)
def test_clean_news_texts_get_no_structural_findings(path: Path):
    findings = lint_text(path.read_text(encoding="utf-8"), _select())
    assert findings == [], [(f.code, f.text, f.message) for f in findings]


@pytest.mark.parametrize("width", [40, 72])
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("path", PROSE_TEXTS, ids=lambda p: p.name)
def test_clean_texts_stay_silent_when_hard_wrapped(path: Path, width: int, newline: str):
    """Hard-wrapped lines (and CRLF line breaks) are lines inside a paragraph, not new paragraphs."""
    paras = path.read_text(encoding="utf-8").split("\n\n")
    wrapped = "\n\n".join(p if p.startswith("- ") else "\n".join(textwrap.wrap(p, width)) for p in paras)
    findings = lint_text(wrapped.replace("\n", newline), _select())
    assert findings == [], [(f.code, f.text, f.message) for f in findings]


@pytest.mark.parametrize("path", PROSE_TEXTS, ids=lambda p: p.name)
def test_damaging_a_clean_text_is_caught(path: Path):
    """The same texts with a caption pasted twice and a link line injected do fire."""
    text = path.read_text(encoding="utf-8")
    paras = text.split("\n\n")
    longest = max(paras[1:], key=len)
    damaged = text.replace(longest, longest + "\n\n" + longest, 1)
    damaged = damaged.replace(paras[2], paras[2] + "\n\nRead more: Ten things to know about the city budget", 1)
    codes = sorted(f.code for f in lint_text(damaged, _select(["D", "B"])))
    assert codes == ["B001", "D001"]


def test_structural_rules_are_documented():
    for code in ("D001", "D002", "R002", "Q001", "Q002", "Q003", "Q004", "B001"):
        rule = get_rule(code)
        assert rule is not None, code
        sections = rule.doc_sections()
        assert all(sections.get(h) for h in ("What it flags", "Why", "Example", "Fix")), code


def test_extra_boilerplate_phrases_from_config(tmp_path: Path):
    text = "The match ended 2-2.\n\nGet our free match alerts"
    assert lint_text(text, _select(["B"])) == []
    extra = tmp_path / "phrases.txt"
    extra.write_text("# our site's own footer\nget our free\n=match alerts\n", encoding="utf-8")
    cfg = Config({"select": ["B"], "boilerplate-phrases": convert("boilerplate-phrases", [extra.name], tmp_path)})
    findings = lint_text(text, cfg)
    assert [f.text for f in findings] == ["Get our free match alerts"]


def test_missing_phrase_file_is_a_one_line_error(tmp_path: Path):
    (tmp_path / "garblint.toml").write_text('boilerplate-phrases = ["nope.txt"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hello there.\n", encoding="utf-8")
    res = run_cli("check", "a.txt", cwd=tmp_path)
    err = res.stderr.decode()
    assert res.returncode == 2
    assert "nope.txt" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_deletions_leave_clean_text():
    text = (
        "The ferry left at noon.\n\n"
        "Passengers board the morning ferry at the harbour terminal on Tuesday.\n\n"
        "Passengers board the morning ferry at the harbour terminal on Tuesday.\n\n"
        "It arrived late.\n\n"
        "Jane Roe contributed to this report.\n\n"
        "Follow us on Facebook and Join our WhatsApp group\n\n"
        "Related Articles\n"
    )
    findings = lint_text(text, _select(["D", "B"]))
    assert sorted(f.code for f in findings) == ["B001", "B001", "D001"]
    # each span is the block itself, starting on its own first character
    assert all(f.text == f.text.strip() for f in findings if f.code == "B001")
    out = text
    for f in sorted(findings, key=lambda f: -f.start):
        for e in sorted(f.suggestions[0].edits_for(f.start, f.end), key=lambda e: -e.start):
            out = out[: e.start] + e.replacement + out[e.end :]
    assert out == (
        "The ferry left at noon.\n\n"
        "Passengers board the morning ferry at the harbour terminal on Tuesday.\n\n"
        "It arrived late.\n\n"
        "Jane Roe contributed to this report.\n"
    )


# ------------------------------------------------------------------ the seed case
SEED_CATEGORIES = {"duplicate": ("D",), "quote": ("Q",), "boilerplate": ("B",)}


def test_seed_structural_gold_items_are_caught(shared_corpus: Path):
    text = (shared_corpus / "seed-article.txt").read_text(encoding="utf-8")
    gold = [g for g in load_gold(shared_corpus) if g["category"] in SEED_CATEGORIES]
    assert gold, "the gold list has no structural items"
    findings = lint_text(text, _select())
    missed = []
    for item in gold:
        a, b = gold_span(text, item)
        families = SEED_CATEGORIES[item["category"]]
        hits = [f for f in findings if f.code.startswith(families) and f.start < b and a < f.end]
        if not hits:
            missed.append(item["id"])
            continue
        if item["category"] in ("duplicate", "boilerplate"):
            covering = [
                f for f in hits
                if f.start <= a and b <= f.end and any(s.replacement == "" for s in f.suggestions)
            ]
            assert covering, f"{item['id']}: no deletion covering the block: {[(f.code, f.start, f.end) for f in hits]}"
    assert not missed, f"missed gold items: {missed}"


def test_seed_bio_residue_is_flagged(shared_corpus: Path):
    """Around the writer bio, the byline line before it and the heading after are residue too."""
    text = (shared_corpus / "seed-article.txt").read_text(encoding="utf-8")
    doc = Document(text)
    findings = lint_text(text, _select(["B"]))
    bio = next(i for i, p in enumerate(doc.paragraphs) if p.text.count(" ") > 30 and i >= len(doc.paragraphs) - 3)
    for idx in (bio - 1, bio + 1):
        p = doc.paragraphs[idx]
        assert any(f.start <= p.start and p.end <= f.end for f in findings), p.text


# ------------------------------------------------------------------ robustness
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    ["the", "The", "council", "said", "Follow us on", "See also", "Related Articles", "Advertisement",
     "’", "'", "\"", "“", "”", "‘", "«", "»", "„", "(", ")", "[", "]", "{", "}", ":)", "5'", "11\"",
     ".", ",", "!", "?", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "—", "-", "a)", "©", "»", "|"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=60))
def test_structural_rules_never_crash_and_spans_are_valid(pieces):
    text = "".join(pieces)
    doc = Document(text)
    cfg = _select()
    for code in ("D001", "D002", "R002", "Q001", "Q002", "Q003", "Q004", "B001"):
        for f in get_rule(code)().check(doc, cfg):
            assert 0 <= f.start <= f.end <= len(text)
            assert f.text == text[f.start : f.end]
