"""G and U rules: silence on clean news text, the seed case, confidence filtering, the eval script."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from garblint.lint.config import Config, convert
from garblint.lint.document import Document
from garblint.lint.runner import lint_text

from conftest import ROOT, gold_span, load_gold

CLEAN = Path(__file__).resolve().parent.parent / "corpus" / "clean"
SEED_ITEMS = ("G11", "G12", "G13", "G14", "G15", "G17")


def _config(**values) -> Config:
    return Config({k.replace("_", "-"): convert(k.replace("_", "-"), v) for k, v in values.items()})


def test_clean_news_is_quiet():
    texts = [p.read_text(encoding="utf-8") for p in sorted(CLEAN.glob("*.txt"))]
    words = sum(Document(t).word_count for t in texts)
    assert words >= 1500
    findings = [f for t in texts for f in lint_text(t, _config(select=["G", "U"]))]
    rate = 1000 * len(findings) / words
    assert rate <= 1.0, [(f.code, f.text, f.message) for f in findings]


def test_seed_garble_items_caught_by_general_rules(shared_corpus):
    text = (shared_corpus / "seed-article.txt").read_text(encoding="utf-8")
    gold = {g["id"]: g for g in load_gold(shared_corpus)}
    findings = lint_text(text, Config())
    caught = []
    for gid in SEED_ITEMS:
        a, b = gold_span(text, gold[gid])
        if any(f.start < b and a < f.end for f in findings):
            caught.append(gid)
    assert len(caught) >= 5, f"caught only {caught}"


def test_seed_g_rules_alone_catch_the_garble_items(shared_corpus):
    text = (shared_corpus / "seed-article.txt").read_text(encoding="utf-8")
    gold = {g["id"]: g for g in load_gold(shared_corpus)}
    findings = lint_text(text, _config(select=["G"]))
    for gid in ("G12", "G13", "G14", "G15", "G17"):
        a, b = gold_span(text, gold[gid])
        assert any(f.start < b and a < f.end for f in findings), gid


def test_min_confidence_filters_g_findings():
    text = (
        "The shop sold bread and milk. The owners. It closed at six, and the council has not "
        "answered This complaint about this shop."
    )
    everything = lint_text(text, _config(select=["G"]))
    assert {f.code for f in everything} >= {"G002", "G003"}
    confs = sorted({f.confidence for f in everything})
    assert len(confs) >= 2
    cut = (confs[0] + confs[-1]) / 2
    kept = lint_text(text, _config(select=["G"], min_confidence=cut))
    assert 0 < len(kept) < len(everything)
    assert sorted((f.code, f.start) for f in kept) == sorted((f.code, f.start) for f in everything if f.confidence >= cut)


def test_fragment_suggestion_deletes_only_the_fragment():
    text = "\u201cThey may never vote on it. Vote.\u201d"
    (f,) = lint_text(text, _config(select=["G003"]))
    assert f.text == "Vote."
    assert [s.replacement for s in f.suggestions] == [""]


def test_eval_script_reports_recall_and_false_alarms(shared_eval):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "wmt.py"), "--data", str(shared_eval / "wmt23-zhen-mqm-dev.jsonl"),
         "--select", "G,U", "--limit", "3"],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Recall per gold category" in proc.stdout
    assert "untranslated" in proc.stdout and "per 1,000 words" in proc.stdout


def test_eval_script_names_missing_data(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "wmt.py"), "--data", str(tmp_path / "none.jsonl")],
        capture_output=True, text=True, timeout=60,
    )
    assert proc.returncode == 2
    assert "none.jsonl" in proc.stderr and "Traceback" not in proc.stderr


def test_lower_case_word_after_dotted_abbreviation_continues_the_sentence():
    doc = Document("The talks ended at 5 p.m. on Monday. They resume at 9 a.m. the next day.")
    assert [s.text for s in doc.sentences] == [
        "The talks ended at 5 p.m. on Monday.",
        "They resume at 9 a.m. the next day.",
    ]


def _load_eval_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("garblint_eval_wmt", ROOT / "eval" / "wmt.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_eval_counts_recall_and_false_alarms_on_a_made_up_row():
    wmt = _load_eval_module()
    text = "The plan was approved. the council met again on Monday.\n\nPrices rose. Markets were calm."
    p2 = text.index("Prices")
    bad = text.index("the council")
    row = {
        "text": text,
        "paragraphs": [{"start": 0, "end": p2 - 2}, {"start": p2, "end": len(text)}],
        "spans": [
            {"start": bad, "end": bad + 3, "category": "garbled", "n_raters_overlap": 2},
            {"start": bad, "end": bad + 3, "category": "garbled", "n_raters_overlap": 2},  # second rater
            {"start": None, "end": None, "category": "needs-source", "n_raters_overlap": None},
        ],
    }
    res = wmt.evaluate([row], _config(select=["G"]))
    assert res["recall"]["garbled"]["all"] == [1, 1]
    assert res["recall"]["garbled"]["raters>=2"] == [1, 1]
    assert "G001" in res["recall"]["garbled"]["by_rule"]
    assert res["clean_words"] == 5  # only the second paragraph is error-free
    assert res["false_alarms_per_1000"]["total"] == 0.0


def test_foreign_fragments_name_their_script_or_language():
    cjk = lint_text("Delegates met for the 两会 in March.", _config(select=["U001"]))
    assert len(cjk) == 1 and "Chinese" in cjk[0].message and "Han" in cjk[0].message
    cyr = lint_text("Banners read свобода сейчас outside.", _config(select=["U001"]))
    assert len(cyr) == 1 and "Cyrillic" in cyr[0].message


def test_latin_script_run_is_named_by_the_language_identifier():
    import pytest

    pytest.importorskip("py3langid")
    text = "Protesters chanted nunca olvidaremos tanta injusticia sufrida until dawn."
    (f,) = lint_text(text, _config(select=["U001"]))
    assert "Spanish" in f.message
    assert f.text.startswith("nunca") and f.text.endswith("sufrida")
