"""Property tests for the fixer and the report writers (issue 11).

The fixer: suggestions applied give valid text, fixing is idempotent, no safe fix is left after
fixing, and no pass changes text outside the spans of the findings it fixed; the same on
Markdown. The HTML report escapes any input; SARIF validates for any input. The fixed
hypothesis profile from conftest.py bounds the time.
"""
from __future__ import annotations

import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from garblint.lint.config import Config
from garblint.lint.fixer import apply_edits, candidate_edits, fix_document, rebuild, resolve_overlaps
from garblint.lint.rule import all_rules
from garblint.lint.runner import FileResult, run_rules, selected_rules
from garblint.lint.textio import make_document
from garblint.reports import ReportContext, get_writer
from test_properties import PIECES, texts

ALL = Config({"select": ["ALL"]})
RULES = selected_rules(ALL)
CORPUS_RULES = [r for r in RULES if r.corpus]


def _lint(doc, log=None):
    for r in CORPUS_RULES:
        doc.corpus[r.code] = r.merge([r.collect(doc, ALL)])
    found, crashes = run_rules(doc, ALL, RULES)
    if log is not None:
        log.append((doc.source, found))
    return found, crashes


def _fix(text: str, path: str, *, unsafe: bool = False, log=None):
    doc = make_document(text, path)
    return doc, fix_document(doc, lambda d: _lint(d, log), unsafe=unsafe)


def _check_pass(before: str, findings, after: str, unsafe: bool) -> None:
    """``after`` keeps every character of ``before`` outside the spans of the edits applied."""
    fixes = resolve_overlaps(candidate_edits(findings, before, unsafe=unsafe))
    # an edit is a finding's span, or one of the edits its suggestion carries
    spans = {(f.start, f.end) for f in findings} | {(e.start, e.end) for f in findings for s in f.suggestions for e in s.edits}
    pos_before = pos_after = 0
    for e in (piece for fix in fixes for piece in fix.edits):
        assert (e.start, e.end) in spans
        keep = before[pos_before : e.start]
        assert after[pos_after : pos_after + len(keep)] == keep, "text outside finding spans changed"
        pos_after += len(keep)
        assert after[pos_after : pos_after + len(e.replacement)] == e.replacement
        pos_after += len(e.replacement)
        pos_before = e.end
    assert after[pos_after:] == before[pos_before:], "text outside finding spans changed"


def _check_fix_properties(text: str, path: str, unsafe: bool = False) -> str:
    log: list = []
    doc, out = _fix(text, path, unsafe=unsafe, log=log)
    assert out.error is None, out.error
    fixed = out.fixed
    # valid text: a str that still encodes as the input did, and a Document builds on it
    assert isinstance(fixed, str)
    if not re.search("[\ud800-\udfff]", text):
        fixed.encode("utf-8")
    make_document(fixed, path)
    # every pass changed only what its findings' spans covered
    for (before, findings), (after, _) in zip(log, log[1:]):
        _check_pass(before, findings, after, unsafe)
    settled = not any("did not settle" in n for n in out.notices)
    assert settled, out.notices
    # no safe fix remains after fixing
    left = [f for f in out.findings if f.safe_fix is not None and f.safe_fix.replacement != f.text]
    assert not left, left
    # idempotent: a second run changes nothing
    again = fix_document(rebuild(doc, fixed), _lint, unsafe=unsafe)
    assert again.fixed == fixed and again.applied == 0
    return fixed


@given(text=texts)
def test_fix_properties_plain_text(text):
    _check_fix_properties(text, "x.txt")


@settings(max_examples=30)
@given(text=texts)
def test_unsafe_fix_properties_plain_text(text):
    _check_fix_properties(text, "x.txt", unsafe=True)


CODE = "```\nthe the  ,x  word word\n```"
LINK = "[the the report](http://example.com/the%20the/a ,b)"
MD_PIECES = [
    "# The the heading", "## Results ,now", "- item one", "- the the item", "1. first ,point", "> quoted the the line",
    CODE, "    indented  code the the", "`inline the the`", LINK, "<http://example.com/x ,y>", "<!-- the the -->",
    "| a | b |\n|---|---|\n| the the | 1 ,2 |", "*emphasis* and **strong**", "---", "<b>bold  text</b>",
]
markdown = st.lists(
    st.one_of(st.sampled_from(MD_PIECES), st.lists(st.sampled_from(PIECES), max_size=12).map(" ".join)),
    max_size=14,
).map("\n\n".join)


@given(text=markdown)
def test_fix_properties_markdown(text):
    fixed = _check_fix_properties(text, "x.md")
    # code blocks, inline code, link targets and comments are never edited
    for piece in (CODE, "`inline the the`", "(http://example.com/the%20the/a ,b)", "<!-- the the -->"):
        assert fixed.count(piece) == text.count(piece)


def test_fix_pass_check_catches_outside_edits():
    """The pass check itself fails when text outside the spans changes (the test can fail)."""
    doc = make_document("One two two three.\n", "x.txt")
    found, _ = _lint(doc)
    assert any(f.safe_fix for f in found)
    good = apply_edits(doc.source, resolve_overlaps(candidate_edits(found, doc.source, unsafe=False)))
    _check_pass(doc.source, found, good, False)
    try:
        _check_pass(doc.source, found, good.replace("One", "Une"), False)
    except AssertionError:
        return
    raise AssertionError("an edit outside the finding spans went unnoticed")


# ------------------------------------------------------------------- reports
DANGER = [
    "</script>", "</SCRIPT >", "<!--", "-->", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>",
    "\u2028", "\u2029", "&amp;", "&#x3c;", "\"'", "<svg/onload=alert(1)>", "]]>", "<![CDATA[", "the the", " ,",
]
hostile = st.lists(st.one_of(st.sampled_from(DANGER), st.sampled_from(PIECES), st.text(max_size=8)), max_size=25).map("".join)
# (escaped text such as "&lt;img onerror=1&gt;" is harmless: what must not appear is the raw tag)
RAW_MARKERS = ("<img", "<svg/", "alert(1)</script", "<!--", "-->", "<![CDATA[", "\u2028", "\u2029")


def _results(text: str, path: str) -> list[FileResult]:
    doc = make_document(text, path)
    found, _ = _lint(doc)
    r = FileResult(path, findings=found)
    r.text = doc.source
    return [r]


@given(text=hostile, name=st.sampled_from(["a.txt", "<img src=x onerror=1>.txt", "</script>.md", "x&amp;<!--.txt"]))
def test_html_report_escapes_any_input(text, name):
    ctx = ReportContext(version="0", rules=all_rules())
    page = get_writer("html")(_results(text, name), ctx)
    empty = get_writer("html")([FileResult("a.txt", findings=[])], ctx)
    # the page's own markup is the only markup: no input text appears raw
    for marker in RAW_MARKERS:
        assert page.count(marker) == empty.count(marker), marker
    # every script element is one the writer made: the input cannot close one early
    assert len(re.findall(r"</script", page, re.I)) == len(re.findall(r"<script", page, re.I))
    assert len(re.findall(r"<script", page, re.I)) == len(re.findall(r"<script", empty, re.I))
    # and the data round-trips through the escaped JSON
    block = re.search(r'<script type="application/json" id="gl-f-0">(.*?)</script>', page, re.S).group(1)
    data = json.loads(block)
    assert data["t"] == text
    meta = json.loads(re.search(r'<script type="application/json" id="gl-meta">(.*?)</script>', page, re.S).group(1))
    assert meta["files"][0]["p"] == name


def test_html_escape_check_can_fail():
    """A raw marker in the text would be counted: the check above is not vacuous."""
    ctx = ReportContext(version="0", rules=all_rules())
    empty = get_writer("html")([FileResult("a.txt", findings=[])], ctx)
    assert all(m not in empty for m in RAW_MARKERS), "the template itself carries a marker"


@settings(max_examples=25)
@given(text=st.one_of(texts, hostile), name=st.sampled_from(["a.txt", "dir/b c.md", "😀.txt", "%20x.txt"]))
def test_sarif_validates_for_any_input(text, name, sarif_schema):
    from conftest import validate_sarif

    ctx = ReportContext(version="0.1.0", rules=all_rules())
    validate_sarif(json.loads(get_writer("sarif")(_results(text, name), ctx)), sarif_schema)
