"""N family: clean texts stay silent, the corpus rule, clustering and the names list."""
from __future__ import annotations

from pathlib import Path

import pytest

from garblint.lint.config import Config
from garblint.lint.runner import discover, lint_targets, lint_text
from garblint.rules._mentions import extract_mentions
from garblint.rules._namesim import cluster_spellings
from garblint.rules._namewords import fold
from garblint.lint.document import Document

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "clean"
ALL_CLEAN = sorted(CORPUS.glob("*.txt"))
CLEAN = sorted(CORPUS.glob("names-*.txt"))


@pytest.mark.parametrize("path", ALL_CLEAN, ids=[p.stem for p in ALL_CLEAN])
def test_clean_news_texts_get_no_name_findings(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    findings = lint_text(text, Config({"select": ["N"]}))
    assert findings == [], [(f.code, f.text, f.message) for f in findings]


def test_at_least_three_clean_texts() -> None:
    assert len(CLEAN) >= 3


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_texts_still_have_people(path: Path) -> None:
    """The clean texts are only evidence if the extractor sees their people."""
    doc = Document(path.read_text(encoding="utf-8"))
    fulls = [m for m in extract_mentions(doc) if m.kind == "full"]
    assert len(fulls) >= 5


def test_damaging_a_clean_text_is_caught(tmp_path: Path) -> None:
    """One dropped letter in a surname of a clean text gives exactly one N001 finding."""
    path = CLEAN[0]
    text = path.read_text(encoding="utf-8")
    doc = Document(text)
    people = [m for m in extract_mentions(doc) if m.kind == "bare" and len(m.text) >= 6 and m.text.isalpha()]
    target = people[-1]
    damaged = target.text[:3] + target.text[4:]
    bad = text[: target.start] + damaged + text[target.end :]
    findings = lint_text(bad, Config({"select": ["N"]}))
    assert [(f.code, f.text) for f in findings] == [("N001", damaged)]
    assert target.text in [s.replacement for s in findings[0].suggestions]


def _write(folder: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / n) for n in files]


def test_corpus_variant_flagged_across_files(tmp_path: Path) -> None:
    common = "Port director Halvard Quennell said on {day} that cargo volumes rose. Quennell expects growth."
    paths = _write(
        tmp_path,
        {
            "a.txt": common.format(day="Monday"),
            "b.txt": common.format(day="Tuesday"),
            "c.txt": common.format(day="Friday"),
            "d.txt": "Port director Halvard Quenell said on Sunday that the strike ended. Quenell was relieved.",
        },
    )
    cfg = Config({"select": ["N"]})
    results = lint_targets(discover(paths, cfg), cfg, jobs=1)
    by_file = {Path(r.path).name: r.findings for r in results}
    assert not by_file["a.txt"] and not by_file["b.txt"] and not by_file["c.txt"]
    got = [(f.code, f.text, [s.replacement for s in f.suggestions]) for f in by_file["d.txt"]]
    assert got == [("N004", "Quenell", ["Quennell"]), ("N004", "Quenell", ["Quennell"])]


def test_corpus_rule_silent_for_a_single_file() -> None:
    text = "Port director Halvard Quenell said on Sunday that the strike ended. Quenell was relieved."
    assert lint_text(text, Config({"select": ["N004"]})) == []


def test_corpus_rule_respects_different_first_names(tmp_path: Path) -> None:
    paths = _write(
        tmp_path,
        {
            "a.txt": "Nurse Ilsa Marchetti said the ward reopened. Marchetti was pleased.",
            "b.txt": "Nurse Ilsa Marchetti said the ward was full. Marchetti asked for staff.",
            "c.txt": "Chef Bruno Marchetto opened a café. Marchetto serves soup.",
        },
    )
    cfg = Config({"select": ["N"]})
    results = lint_targets(discover(paths, cfg), cfg, jobs=1)
    assert all(not r.findings for r in results), [(r.path, [f.text for f in r.findings]) for r in results]


def test_cluster_spellings_groups_variants_without_all_pairs() -> None:
    names = ["Quennell", "Quenell", "Quennel", "Marchetti", "Marchetty", "Ostrowski", "Brandvold"]
    groups = sorted(sorted(names[i] for i in g) for g in cluster_spellings(names))
    assert ["Quenell", "Quennel", "Quennell"] in groups
    assert ["Marchetti", "Marchetty"] in groups
    assert ["Ostrowski"] in groups and ["Brandvold"] in groups


def test_mentions_keep_titles_apart_and_strip_possessives() -> None:
    doc = Document("Meanwhile, Deputy Foreign Minister Maj. Gen. Oskar Teller’s aide met Ursula von der Aalst.")
    ms = extract_mentions(doc)
    texts = {m.text: m for m in ms}
    assert "Oskar Teller" in texts
    m = texts["Oskar Teller"]
    assert m.possessive and "minister" in m.title and "gen" in m.title
    assert "Ursula von der Aalst" in texts
    assert texts["Ursula von der Aalst"].surname == "von der Aalst"


def test_exact_names_list_entries_are_never_flagged(tmp_path: Path) -> None:
    lst = tmp_path / "names.txt"
    lst.write_text("# our spellings\nHalvard Quenell\nHalvard Quennell\n", encoding="utf-8")
    text = "Halvard Quennell spoke first. Later Halvard Quenell spoke again. Quennell left."
    findings = lint_text(text, Config({"select": ["N"], "names": [str(lst)]}))
    assert all(f.text not in ("Halvard Quennell", "Halvard Quenell") for f in findings)


def test_corpus_reference_folder_from_the_cli(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    ref = tmp_path / "ref"
    ref.mkdir()
    for day in ("Monday", "Tuesday", "Friday"):
        (ref / f"{day}.txt").write_text(
            f"Port director Halvard Quennell said on {day} that cargo rose. Quennell expects growth.\n", encoding="utf-8"
        )
    story = tmp_path / "story.txt"
    story.write_text("Port director Halvard Quenell said on Sunday that the strike ended.\n", encoding="utf-8")
    alone = run_cli("check", "--select", "N", "--output-format", "json", str(story))
    assert alone.returncode == 0, alone.stderr
    with_ref = run_cli("check", "--select", "N", "--output-format", "json", "--corpus", str(ref), str(story))
    assert b"N004" in with_ref.stdout and b"Quennell" in with_ref.stdout
    assert b"Monday.txt" not in with_ref.stdout  # reference files are read, not linted
    missing = run_cli("check", "--select", "N", "--corpus", str(tmp_path / "nope"), str(story))
    assert missing.returncode == 2
    assert b"corpus path not found" in missing.stderr and b"Traceback" not in missing.stderr


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_one_letter_damage_to_any_surname_is_caught_and_corrected(path: Path) -> None:
    """Drop, double or change one inner letter of each bare surname of a clean text in turn."""
    text = path.read_text(encoding="utf-8")
    doc = Document(text)
    from garblint.rules._entities import analyse

    analysis = analyse(doc, Config({"select": ["N"]}))
    targets = [
        m for m in analysis.mentions
        if m.kind == "bare" and m.entity >= 0 and analysis.entities[m.entity].person and len(m.text) >= 5 and m.text.isalpha()
    ]
    assert targets
    total = caught = corrected = 0
    for m in targets:
        w = m.text
        i = len(w) // 2
        for bad_word in (w[:i] + w[i + 1 :], w[:i] + w[i] + w[i:], w[:i] + ("e" if w[i] != "e" else "a") + w[i + 1 :]):
            bad = text[: m.start] + bad_word + text[m.end :]
            findings = lint_text(bad, Config({"select": ["N"]}))
            total += 1
            hit = [f for f in findings if f.start < m.start + len(bad_word) and m.start < f.end]
            assert len(findings) == len(hit), [(f.code, f.text) for f in findings]
            caught += bool(hit)
            corrected += any(fold(s.replacement) == fold(w) for f in hit for s in f.suggestions)
    assert caught >= 0.9 * total, (caught, total)
    assert corrected >= 0.85 * total, (corrected, total)
