"""Issue-2 acceptance: the foundation rules on the seed article, and silence on clean text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import gold_span, load_gold, run_cli
from garblint.lint.config import Config, convert
from garblint.lint.runner import lint_text

FOUNDATION = ["R001", "P001", "P002", "P003", "E"]
CLEAN = sorted((Path(__file__).parent / "corpus" / "clean").glob("*.txt"))


def _caught_and_corrected(findings, text, item):
    a, b = gold_span(text, item)
    for f in findings:
        if f["span"]["start"] < b and a < f["span"]["end"]:
            for s in f["suggestions"]:
                fixed = text[: f["span"]["start"]] + s["replacement"] + text[f["span"]["end"] :]
                want = text[:a] + item["expect"] + text[b:]
                if fixed == want:
                    return True
    return False


@pytest.mark.parametrize("gold_id", ["G11", "G25"])
def test_seed_repeated_word_and_space_before_comma(shared_corpus, gold_id):
    path = shared_corpus / "seed-article.txt"
    proc = run_cli("check", str(path), "--output-format", "json", "--select", "R001,P001")
    data = json.loads(proc.stdout)
    findings = data["files"][0]["findings"]
    text = path.read_text(encoding="utf-8")
    item = next(i for i in load_gold(shared_corpus) if i["id"] == gold_id)
    assert _caught_and_corrected(findings, text, item), (gold_id, findings)


@pytest.mark.parametrize("path", CLEAN, ids=[p.stem for p in CLEAN])
def test_clean_news_has_no_foundation_findings(path):
    config = Config({"select": convert("select", FOUNDATION)})
    findings = lint_text(path.read_text(encoding="utf-8"), config)
    assert findings == [], [(f.code, f.text) for f in findings]
