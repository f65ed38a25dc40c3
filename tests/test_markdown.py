"""Markdown files: prose is linted; code, URLs, HTML, front matter and link targets are not."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import run_cli

DOC = """---
title: the the release notes
tags: [a ,b]
---
# Release notes

This release fixes the the installer.

```python
# the the typo in code is fine
x = 1 ,2
```

Inline `the the` code and `a ,b` too. See [the guide](https://example.com/a ,b "the the") and
![a chart](images/the%20the.png) or <https://example.com/x ,y> or https://example.com/x ,y today.

<div class="note">
the the in an HTML block
</div>

    the the in indented code

Entities &amp; friends &nbsp; ,stay quiet, and <span title="the the">tags</span> too.

[ref]: https://example.com/the ,the

| Column | Other |
|--------|-------|
| fine   | text  |

The end end.
"""


def _run(tmp_path, name, text, *args):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    proc = run_cli("check", str(f), "--output-format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return [x for r in json.loads(proc.stdout)["files"] for x in r["findings"]]


def test_markdown_code_and_markup_are_not_linted(tmp_path):
    found = _run(tmp_path, "notes.md", DOC, "--select", "R,P")
    got = sorted((f["code"], f["line"], f["column"], f["text"]) for f in found)
    assert got == [("R001", 7, 20, "the the"), ("R001", 31, 5, "end end")]


def test_same_text_as_plain_file_is_flagged(tmp_path):
    # The look-alike: in a .txt file Markdown syntax means nothing, so inline code, the HTML
    # block and the rest are prose and their doubled words are reported. Markdown handling is
    # by extension. (Plain-text layout still applies: the "key: value" header, the fenced
    # block between two rule lines and the short indented display are not prose there either.)
    found = _run(tmp_path, "notes.txt", DOC, "--select", "R001")
    lines = {f["line"] for f in found}
    assert {7, 14, 18, 31} <= lines and not {2, 10, 21} & lines


def test_markdown_positions_point_into_the_original(tmp_path):
    text = "Intro with `code` and a [link](http://example.com).\n\nSecond  paragraph has has a repeat.\n"
    found = _run(tmp_path, "p.md", text, "--select", "R001")
    assert [(f["line"], f["column"], f["text"]) for f in found] == [(3, 19, "has has")]


def test_markdown_stdin_filename_selects_markdown(tmp_path):
    text = b"Some text.\n\n    The the word is here.\n"
    proc = run_cli("check", "-", "--stdin-filename", "x.md", "--select", "R001", input=text)
    assert proc.returncode == 0, proc.stdout
    proc = run_cli("check", "-", "--stdin-filename", "x.txt", "--select", "R001", input=text)
    assert proc.returncode == 1


def test_crlf_markdown_offsets(tmp_path):
    text = "# Title\r\n\r\n```\r\nthe the\r\n```\r\n\r\nA line line here.\r\n"
    f = tmp_path / "w.md"
    f.write_bytes(text.encode("utf-8"))
    proc = run_cli("check", str(f), "--select", "R001", "--output-format", "json")
    found = [x for r in json.loads(proc.stdout)["files"] for x in r["findings"]]
    assert [(x["line"], x["column"], x["text"]) for x in found] == [(7, 3, "line line")]
    fixed = run_cli("check", str(f), "--select", "R001", "--fix")
    assert fixed.returncode == 0
    assert f.read_bytes() == text.replace("line line", "line").encode("utf-8")


def test_findings_over_blanked_regions(tmp_path):
    # Drive the filtering step directly with findings of the shapes other rule families make.
    from garblint.lint.finding import Finding, Suggestion
    from garblint.lint.suppress import apply_suppressions
    from garblint.lint.textio import make_document

    src = "Intro.\n\nA long paragraph with a [link](http://example.com/x) in the middle of it.\n"
    doc = make_document(src, "x.md")
    para = (src.index("A long"), src.index("it.") + 3)
    link = src.index("(http")

    def f(cat, a, b, sugg=()):
        return Finding("Z999", "z", cat, "warning", "m", a, b, 1, 1, 1, 1, doc.text[a:b], tuple(sugg))

    kept = apply_suppressions(
        doc,
        [
            f("duplicate", *para, [Suggestion("", True), Suggestion("rewritten", False)]),
            f("whitespace", link - 1, link + 5),  # next to the blanked link target: artifact
            f("garble", para[0], link + 3),  # ends inside the blanked target: artifact
        ],
        [],
    )
    assert len(kept) == 1
    assert kept[0].text == src[para[0] : para[1]]  # quotes the original, link included
    assert [s.replacement for s in kept[0].suggestions] == [""]


def test_directive_inside_code_is_an_example(tmp_path):
    text = (
        "To silence a rule, write:\n\n```\n<!-- garblint-disable R001 -->\n```\n\n"
        "or inline `<!-- garblint-disable-next-line R001 -->` before the line.\n\nIt was was late.\n"
    )
    found = _run(tmp_path, "howto.md", text, "--select", "R001,X001")
    assert [(f["code"], f["line"]) for f in found] == [("R001", 9)]


_PIECES = st.sampled_from(
    [
        "word ",
        "the the ",
        "`code` ",
        "``a ` b`` ",
        "[text](http://x.y/z) ",
        "![alt](p.png) ",
        "<b>",
        "</b>",
        "<!-- c -->",
        "&amp;",
        "https://e.com/a,b ",
        "\n",
        "\r\n",
        "\n\n",
        "```\n",
        "    ",
        "# ",
        "> ",
        "- ",
        "---\n",
        "| a | b |\n",
        "é",
        "\u00a0",
        "*",
        "_",
        "\\",
        "<",
        ">",
        "(",
        ")",
        "[",
        "]",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_mask_keeps_offsets_and_line_breaks(text):
    from garblint.lint.textio import make_document

    doc = make_document(text, "t.md")
    assert doc.source == text
    assert len(doc.text) == len(text)
    for a, b in zip(doc.text, text):
        assert a == b or (a == " " and b not in "\r\n")
    for a, b in doc.masks:
        assert doc.text[a:b].strip() == ""


def test_html_files_when_enabled(tmp_path):
    page = (
        "<html><head><style>p  { margin: 0 }</style></head><body>\n"
        '<p class="the the">The council met met today.</p>\n'
        "<pre>the the code</pre>\n<!-- garblint-disable-next-line R001 -->\n<p>It was was late.</p>\n"
        "<p>Fish &amp; chips ,today.</p>\n</body></html>\n"
    )
    f = tmp_path / "page.html"
    f.write_text(page, encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--extensions", "html", "--select", "R,P,X", "--output-format", "json")
    found = [(x["code"], x["line"], x["text"]) for r in json.loads(proc.stdout)["files"] for x in r["findings"]]
    assert found == [("R001", 2, "met met"), ("P001", 6, " ,")]


def test_markdown_layout_is_not_flagged_as_spacing(tmp_path):
    text = (
        "#  Title with two spaces\n\n"
        "-   a list item in four-space style\n"
        "-   another item ,with a real problem\n\n"
        "1.  numbered item\n\n"
        ">  quoted text here\n\n"
        "| Name      | Role |\n|-----------|------|\n| Ann       | chair |\n\n"
        "Prose with a real  double space.\n"
    )
    found = _run(tmp_path, "layout.md", text, "--select", "P")
    assert [(f["code"], f["line"], f["text"]) for f in found] == [("P001", 4, " ,"), ("P003", 14, "  ")]
    same_as_txt = _run(tmp_path, "layout.txt", text, "--select", "P")
    assert len(same_as_txt) > len(found)  # the look-alike: as plain text, the layout is flagged


def test_emoji_shortcodes_are_markup(tmp_path):
    text = "Thanks for contributing. :tada: We merge on Fridays :+1:\n\nThe time was 10:30:15 and the , comma is wrong.\n"
    found = _run(tmp_path, "thanks.md", text, "--select", "P001,S001")
    assert [(f["code"], f["text"]) for f in found] == [("P001", " ,")]
    # the same text in a plain file is prose: the space before ':tada:' is reported
    found = _run(tmp_path, "thanks.txt", text, "--select", "P001")
    assert len(found) >= 2


def test_markdown_analysis_answers_again_from_its_last_text() -> None:
    from garblint.lint import markup

    text = "Intro line.\n\n| a | b |\n|---|---|\n| `x` | y |\n\n```\ncode\n```\n"
    first = markup.markdown_analysis(text)
    first[0].append((999, 1000))  # a caller changing its copy changes nothing kept
    again = markup.markdown_analysis(text)
    assert (999, 1000) not in again[0]
    assert again == markup._markdown_analysis(text)
    other = "Just prose.\n"
    assert markup.markdown_analysis(other) == markup._markdown_analysis(other)
    assert markup.markdown_analysis(text) == again
