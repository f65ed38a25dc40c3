"""The page-shape boilerplate rules (B002-B004): deletions that leave clean text, the corpus
rule across files, and the dateline shapes. Texts are written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from garblint.lint.config import Config, convert
from garblint.lint.fixer import apply_edits, plan_fixes
from garblint.lint.runner import discover, lint_targets, lint_text
from garblint.rules._pageshape import dateline_kind, glued_prefix

ARTICLE = [
    "The city council voted on Tuesday to approve a budget that doubles the money for parks, "
    "playgrounds and the river path over the next three years.",
    "The mayor said the plan would be paid for by a small rise in parking fees, which opponents "
    "of the measure called unfair to people who drive to work.",
    "Work on the first playgrounds is expected to start in the spring, once the contracts have been signed and the designs agreed with residents.",
]
MENU = ["News", "Sport", "Business", "Opinion", "Culture"]
TEASERS = [
    "Local bakery wins national bread award",
    "School board delays vote on new start times",
    "Police investigate break-in at downtown pharmacy",
    "Weather service warns of heavy snow this weekend",
]


def test_the_shape_rules_are_on_by_default_and_off_with_the_setting():
    page = "\n\n".join(MENU + ["By Jane Doe | Updated 3 hours ago"] + ARTICLE + TEASERS) + "\n"
    assert {f.code for f in lint_text(page, Config({"select": convert("select", ["B002", "B003"])}))} == {"B002", "B003"}
    off = Config({"select": convert("select", ["B002", "B003"]), "boilerplate-shape": False})
    assert lint_text(page, off) == []


def test_sentence_case_lines_need_other_evidence_of_a_page():
    """Short lines after the article are teasers on a page that shows its template (here a
    byline with a timestamp); alone they may be the article's own list."""
    plain = "\n\n".join(ARTICLE + TEASERS) + "\n"
    assert lint_text(plain, _config("B002")) == []
    page = "\n\n".join(["By Jane Doe | Updated 3 hours ago"] + ARTICLE + TEASERS) + "\n"
    assert [f.text for f in lint_text(page, _config("B002"))] == ["\n\n".join(TEASERS)]


def _config(select: str = "B") -> Config:
    return Config({"select": convert("select", [select]), "boilerplate-shape": True})


def _fixed(text: str, select: str = "B") -> str:
    """What ``--fix --unsafe-fixes`` makes of ``text``: passes until nothing changes."""
    for _ in range(5):
        findings = lint_text(text, _config(select))
        new = apply_edits(text, plan_fixes(findings, text, unsafe=True))
        if new == text:
            break
        text = new
    return text


def test_deleting_template_leaves_the_article_and_no_stray_blank_lines():
    page = "\n\n".join(MENU + ["By Jane Doe | Updated 3 hours ago"] + ARTICLE + TEASERS) + "\n"
    assert _fixed(page) == "\n\n".join(ARTICLE) + "\n"


def test_each_shape_rule_alone_deletes_cleanly():
    page = "\n\n".join(MENU + ["By Jane Doe | Updated 3 hours ago"] + ARTICLE + TEASERS) + "\n"
    only_b002 = _fixed(page, "B002")
    assert "\n\n\n" not in only_b002 and not only_b002.startswith("\n")
    assert "News" not in only_b002 and "Local bakery" not in only_b002 and "By Jane Doe" in only_b002
    only_b003 = _fixed(page, "B003")
    assert "By Jane Doe" not in only_b003 and "\n\n\n" not in only_b003


def test_glued_timestamp_is_cut_with_its_space():
    text = "Updated 3 hours ago " + ARTICLE[0] + "\n\n" + ARTICLE[1] + "\n"
    assert _fixed(text, "B003") == ARTICLE[0] + "\n\n" + ARTICLE[1] + "\n"


def test_markdown_files_are_not_read_as_pages():
    page = "\n\n".join(MENU + ARTICLE + TEASERS) + "\n"
    # (a navigation menu shows the page's template: the lines after the article are teasers)
    assert [f.text for f in lint_text(page, _config("B002"))] == ["\n\n".join(MENU), "\n\n".join(TEASERS)]
    assert lint_text(page, _config("B002"), path="story.md") == []


def test_a_short_text_without_a_core_of_prose_is_left_alone():
    assert lint_text("\n\n".join(MENU + TEASERS), _config("B002")) == []


@pytest.mark.parametrize(
    "line, kind",
    [
        ("By Jane Doe | Updated 3 hours ago", "byline"),
        ("BY JANE DOE AND JOHN ROE", "byline"),
        ("Updated: March 2, 2021 | 4:15pm", "timestamp"),
        ("Monday, November 18, 2019, 04:05 pm PT", "timestamp"),
        ("3 days ago", "timestamp"),
        ("5 min read", "timestamp"),
        ("November 18, 2019", "date"),
        ("By the numbers", ""),
        ("By Jane", ""),
        ("Written by Jane Doe and John Roe.", ""),
        ("Story Timeline", ""),
        ("Today's Headlines", ""),
        ("234", ""),
        ("In 2019", ""),
        ("The vote was held on March 2, 2021 in the town hall", ""),
    ],
)
def test_dateline_shapes(line, kind):
    assert dateline_kind(line) == kind


def test_glued_prefix_needs_a_time_or_separator_and_a_sentence_after_it():
    assert glued_prefix("By Jane Doe | Updated 3 hours ago " + ARTICLE[0]) == len("By Jane Doe | Updated 3 hours ago ")
    assert glued_prefix("On Monday " + ARTICLE[0]) == 0
    assert glued_prefix("LONDON (Reuters) - " + ARTICLE[0]) == 0


def _run(tmp_path: Path, texts: list[str]) -> dict[str, list]:
    for i, t in enumerate(texts):
        (tmp_path / f"page{i}.txt").write_text(t, encoding="utf-8")
    config = _config("B004")
    results = lint_targets(discover([str(tmp_path)], config), config, jobs=1)
    return {Path(r.path).name: r.findings for r in results}


def _page(i: int, extra: str) -> str:
    body = [f"Story number {i} says the council met on day {i} to discuss the parks, the path and the budget for the year ahead."]
    return "\n\n".join(body + [extra, f"The meeting on day {i} ended after two hours without a vote."]) + "\n"


def test_template_line_in_three_files_of_a_run(tmp_path):
    line = "Sign up for the morning briefing"
    found = _run(tmp_path, [_page(i, line) for i in range(3)] + [_page(9, "A line of its own")])
    for name in ("page0.txt", "page1.txt", "page2.txt"):
        assert [(f.code, f.text) for f in found[name]] == [("B004", line)]
    assert found["page3.txt"] == []


def test_two_files_or_quoted_lines_are_not_template(tmp_path):
    found = _run(tmp_path, [_page(i, "Sign up for the morning briefing") for i in range(2)])
    assert all(f == [] for f in found.values())
    quoted_run = tmp_path / "quoted"
    quoted_run.mkdir()
    found = _run(quoted_run, [_page(i, "\u201cWe will rebuild the path\u201d") for i in range(3)])
    assert all(f == [] for f in found.values())
