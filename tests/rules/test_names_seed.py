"""The seed case for the N family: read from ../shared at run time, skipped where absent."""
from __future__ import annotations

from garblint.lint.config import Config
from garblint.lint.runner import lint_text
from tests.conftest import gold_span, load_gold

NO_LIST_IDS = {"G01", "G02", "G03", "G04", "G05", "G06", "G10"}


def _name_items(corpus):
    return [g for g in load_gold(corpus) if g["category"] == "name"]


def _findings(corpus, names=()):
    text = (corpus / "seed-article.txt").read_text(encoding="utf-8")
    cfg = Config({"select": ["N"], "names": list(names)})
    return text, lint_text(text, cfg)


def _overlaps(f, span):
    return f.start < span[1] and span[0] < f.end


def test_seed_names_caught_without_list(shared_corpus):
    text, findings = _findings(shared_corpus)
    items = [g for g in _name_items(shared_corpus) if "needs" not in g]
    assert {g["id"] for g in items} >= NO_LIST_IDS
    missed = [g["id"] for g in items if not any(_overlaps(f, gold_span(text, g)) for f in findings)]
    assert not missed, f"name items not caught without a names list: {missed}"


def test_seed_names_caught_and_corrected_with_list(shared_corpus):
    text, findings = _findings(shared_corpus, [str(shared_corpus / "seed-names.txt")])
    items = _name_items(shared_corpus)
    assert len(items) >= 10
    problems = []
    for g in items:
        gs, ge = gold_span(text, g)
        want = text[:gs] + g["expect"] + text[ge:]
        hits = [f for f in findings if _overlaps(f, (gs, ge))]
        if not hits:
            problems.append((g["id"], "missed"))
            continue
        fixed = any(
            text[: f.start] + s.replacement + text[f.end :] == want for f in hits for s in f.suggestions
        )
        if not fixed:
            problems.append((g["id"], [(f.text, [s.replacement for s in f.suggestions]) for f in hits]))
    assert not problems, problems


def test_seed_name_suggestions_are_unsafe(shared_corpus):
    _, findings = _findings(shared_corpus, [str(shared_corpus / "seed-names.txt")])
    assert findings
    assert all(not s.safe for f in findings for s in f.suggestions)


def test_seed_listed_spellings_never_flagged(shared_corpus):
    """Exact names-list entries are correct everywhere."""
    text, findings = _findings(shared_corpus, [str(shared_corpus / "seed-names.txt")])
    entries = [ln.strip() for ln in (shared_corpus / "seed-names.txt").read_text(encoding="utf-8").splitlines()
               if ln.strip() and not ln.startswith("#")]
    for f in findings:
        assert f.text not in entries, f"{f.code} flagged a listed spelling {f.text!r}"
