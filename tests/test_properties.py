"""Property tests over arbitrary and realistic text, for every rule and the whole rule set.

A fixed hypothesis profile (see conftest.py: derandomized, bounded examples) keeps CI time
bounded; set GARBLINT_HYPOTHESIS_EXAMPLES for a longer local run.
"""
from __future__ import annotations

import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT
from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.rule import all_rules
from garblint.lint.runner import FileResult, lint_document
from garblint.reports import ReportContext, get_writer

CONTRACT = json.loads((ROOT / "reports" / "garblint-report.schema.json").read_text(encoding="utf-8"))

PIECES = [
    "The council met on Tuesday.", "the the", "vote vote", " ,", "word.Next", "“Quoted text,” she said.",
    "He said: “It is over.", "”", "“", "(", ")", "[sic]", "Dr. Ada Okafor", "Okafor’s", "U.N.", "3.5",
    "\u200b", "\u00ad", "\ufeff", "\x92", "\ufffd", "didnâ€™t", "cafÃ©", "😀", "e\u0301", "שלום", "中文字符",
    "  ", "\u00a0 ", "\t", "\n", "\r\n", "\n\n", "See also", "Follow us on Twitter", "Related Articles",
    "9treet", "im- prisonment", "ofthe", "■■%&;", "Mr.", "# Heading", "```", "`code`", "<!-- x -->",
    "http://example.com/a.b", "A320", "iPhone", "Do.", "huge pressure.", "This question.", "—", "'",
    '"', "‘", "’", "…", "...", "?", "!", ";", ":", "-", "O'Brien", "von der Leyen", "1,000",
]
realistic = st.lists(st.sampled_from(PIECES), max_size=40).map(lambda xs: " ".join(xs))
any_text = st.text(max_size=300)
texts = st.one_of(any_text, realistic)

ALL = Config({"select": ["ALL"]})


def _check_invariants(doc: Document, findings) -> None:
    text = doc.text
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.text == text[f.start : f.end], f
        assert (f.line, f.column) == doc.line_col(f.start), f
        assert (f.end_line, f.end_column) == doc.line_col(f.end), f
        assert 0.0 <= f.confidence <= 1.0
        for s in f.suggestions:
            fixed = text[: f.start] + s.replacement + text[f.end :]
            assert isinstance(fixed, str)
            fixed.encode("utf-8", "surrogatepass")


@pytest.mark.parametrize("rule_cls", all_rules(), ids=lambda c: c.code)
@given(text=texts)
def test_every_rule_keeps_its_invariants(rule_cls, text):
    doc = Document(text)
    rule = rule_cls()
    if rule.corpus:
        doc.corpus[rule.code] = rule.merge([rule.collect(doc, ALL)])
    findings = list(rule.check(doc, ALL))  # an exception here is a bug
    _check_invariants(doc, findings)


@given(text=texts)
def test_whole_rule_set_and_json_contract(text):
    doc = Document(text, "x.txt")
    findings = lint_document(doc, ALL)
    _check_invariants(doc, findings)
    result = FileResult("x.txt", findings=findings)
    data = json.loads(get_writer("json")([result], ReportContext(version="0")))
    jsonschema.Draft202012Validator(CONTRACT).validate(data)


@given(text=texts)
def test_document_structure_is_consistent(text):
    doc = Document(text)
    for p in doc.paragraphs:
        assert text[p.start : p.end] == p.text and p.text.strip() == p.text
    last = -1
    for s in doc.sentences:
        assert text[s.start : s.end] == s.text and s.start >= last
        para = doc.paragraphs[s.paragraph]
        assert para.start <= s.start <= s.end <= para.end
        last = s.end
    for w in doc.words:
        assert text[w.start : w.end] == w.text


def test_sarif_for_edge_positions(sarif_schema):
    """SARIF validates for findings at the very start and end, on empty lines, after astral characters."""
    from conftest import validate_sarif

    samples = ["", " ,start", "end word word", "😀😀 the the\n\n\nx", "\n\n\u200b\n", "a\r\n\r\nb ,c"]
    results = []
    for i, text in enumerate(samples):
        doc = Document(text, f"s{i}.txt")
        results.append(FileResult(f"s{i}.txt", findings=lint_document(doc, ALL)))
    ctx = ReportContext(version="0.1.0", rules=all_rules())
    validate_sarif(json.loads(get_writer("sarif")(results, ctx)), sarif_schema)
