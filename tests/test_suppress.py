"""Inline suppressions, "[sic]" and the unused-suppression finding (X001), through the CLI."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli


def _findings(tmp_path, name: str, text: str, *args: str) -> list[dict]:
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    proc = run_cli("check", str(f), "--output-format", "json", *args)
    assert proc.returncode in (0, 1), proc.stderr
    return [x for r in json.loads(proc.stdout)["files"] for x in r["findings"]]


def _codes_lines(findings) -> list[tuple[str, int]]:
    return sorted((f["code"], f["line"]) for f in findings)


MD = """# Minutes

The the meeting opened at nine.

<!-- garblint-disable R001 -->
The the second item was the budget.

Then then the third.
<!-- garblint-enable -->

The the vote came last.

<!-- garblint-disable-next-line R -->
It was was late.
It was was later still.
"""


def test_markdown_comment_directives(tmp_path):
    found = _findings(tmp_path, "minutes.md", MD, "--select", "R001,X001")
    assert _codes_lines(found) == [("R001", 3), ("R001", 11), ("R001", 15)]


PLAIN = """The the meeting opened at nine.
garblint: disable=R001
The the second item was the budget.
garblint: enable
The the vote came last.
garblint: disable-next-line
It was was late.
"""


def test_plain_text_line_directives(tmp_path):
    found = _findings(tmp_path, "minutes.txt", PLAIN, "--select", "R,P,X")
    assert _codes_lines(found) == [("R001", 1), ("R001", 5)]


def test_enable_with_codes_ends_only_matching_disables(tmp_path):
    text = (
        "<!-- garblint-disable R001 -->\n<!-- garblint-disable P001 -->\n"
        "The the list ,then more.\n<!-- garblint-enable P -->\nThe the list ,then more.\n"
    )
    found = _findings(tmp_path, "a.md", text, "--select", "R001,P001")
    assert _codes_lines(found) == [("P001", 5)]


def test_unused_suppression_is_reported(tmp_path):
    text = (
        "Everything here is clean and calm.\n\n"
        "<!-- garblint-disable-next-line R001 -->\nNothing doubled on this line.\n\n"
        "<!-- garblint-disable R001,P -->\nThe the list.\n<!-- garblint-enable -->\n\n"
        "<!-- garblint-disable Z999 -->\nMore clean text.\n"
    )
    found = _findings(tmp_path, "b.md", text, "--select", "R,P,X")
    x = [f for f in found if f["code"] == "X001"]
    assert [(f["line"], f["text"]) for f in x] == [
        (3, "<!-- garblint-disable-next-line R001 -->"),
        (6, "<!-- garblint-disable R001,P -->"),
        (10, "<!-- garblint-disable Z999 -->"),
    ]
    assert "R001" in x[0]["message"]
    assert "P" in x[1]["message"] and "R001" not in x[1]["message"]  # R001 was used there
    assert "unknown rule code" in x[2]["message"]
    assert all(f["code"] == "X001" for f in found)  # "The the" on line 7 stays hidden


def test_unused_suppression_of_unselected_rule_is_not_reported(tmp_path):
    text = "<!-- garblint-disable-next-line P001 -->\nClean words only.\n"
    assert _findings(tmp_path, "c.md", text, "--select", "R,X") == []
    # and X001 itself can be left out like any rule
    assert _findings(tmp_path, "c.md", text, "--select", "P") == []


def test_directive_text_is_not_linted(tmp_path):
    # The directive line holds "R001,P" (a comma with no space after it) and an odd word:
    # rules must not flag the directive itself.
    text = "garblint: disable=R001,P001\nThe the list ,then more.\ngarblint: enable\n"
    found = _findings(tmp_path, "d.txt", text, "--select", "P,R,X")
    assert found == []


def test_sic_suppresses_spelling_name_and_garble_only(tmp_path):
    # "[sic]" marks intended wording for spelling, names and garble rules; a doubled word
    # or a stray space before a comma is still reported.
    text = "He wrote the the [sic] note ,and left.\n"
    found = _findings(tmp_path, "e.txt", text, "--select", "R,P")
    assert {f["code"] for f in found} == {"R001", "P001"}


def test_sic_hides_s_n_g_findings(tmp_path):
    # No S/N/G rule ships on this branch yet: drive the suppression step directly.
    from garblint.lint.finding import Finding
    from garblint.lint.suppress import apply_suppressions
    from garblint.lint.textio import make_document

    doc = make_document("The mayor of Smallvile [sic] spoke. Smallvile again.", "x.txt")

    def f(code, start, end):
        return Finding(code, "n", "spelling", "warning", "m", start, end, 1, start + 1, 1, end + 1, doc.text[start:end])

    first = doc.text.index("Smallvile")
    second = doc.text.rindex("Smallvile")
    kept = apply_suppressions(doc, [f("S001", first, first + 9), f("N001", second, second + 9), f("R001", first, first + 9)], [])
    assert [(k.code, k.start) for k in kept] == [("N001", second), ("R001", first)]


def test_line_directive_hint_keeps_every_directive():
    """parse_directives skips the line-directive scan where no colon follows "garblint" (any
    case); on texts with and without directives it finds what the full scan finds."""
    import random

    from garblint.lint import suppress

    pieces = [
        "The vote was held today.",
        "garblint: disable R001",
        "  GARBLINT:disable-next-line",
        "\tGarbl\u0130nt: enable = R, N",
        "garbl\u0131nt:  disable",
        "garblint : disable",
        "Note: garblint: disable",
        "time: 10:30",
        "<!-- garblint-disable R -->",
        "garblint",
        ":",
    ]
    rng = random.Random(7)
    hinted = 0
    for _ in range(300):
        text = rng.choice(["\n", "\r\n", "\n\n"]).join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        full = sorted((m.start(), m.end(), m.group("kind").lower()) for m in suppress._LINE_DIRECTIVE.finditer(text))
        full += sorted((m.start(), m.end(), m.group("kind").lower()) for m in suppress._HTML_DIRECTIVE.finditer(text))
        got = [(d.start, d.end, d.kind) for d in suppress.parse_directives(text)]
        assert got == sorted(full, key=lambda t: t[0]), text
        hinted += suppress._LINE_DIRECTIVE_HINT.search(text) is None
    assert 0 < hinted < 300  # both paths were taken


# ---- _mask_filter: a span that meets no mask is kept at once (the old walk, frozen, below)


def _mask_filter_old(doc, findings, structural=frozenset()):
    from bisect import bisect_right
    from dataclasses import replace

    from garblint.lint import suppress as S

    masks = doc.masks
    starts = [a for a, _ in masks]
    out = []
    for f in findings:
        if f.code in structural and doc.layout and S._in_layout(doc, f):
            unsafe = tuple(replace(g, safe=False) for g in f.suggestions)
            out.append(replace(f, text=doc.source[f.start : f.end], suggestions=unsafe))
            continue
        end = max(f.end, f.start + 1)
        i = max(bisect_right(starts, f.start) - 1, 0)
        hits = []
        while i < len(masks) and masks[i][0] < end:
            if masks[i][1] > f.start:
                hits.append(masks[i])
            i += 1
        if not hits:
            out.append(f)
            continue
        partial = any(a < f.start or b > f.end for a, b in hits)
        if partial or f.end - f.start < S._LONG_SPAN or f.category in S._ARTIFACT_CATEGORIES:
            continue
        out.append(replace(f, text=doc.source[f.start : f.end], suggestions=tuple(s for s in f.suggestions if s.replacement == "")))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_mask_filter_same_as_walking_the_masks(seed):
    import random

    from garblint.lint import suppress as S
    from garblint.lint.document import Document
    from garblint.lint.markup import blank, merge
    from garblint.lint.rule import get_rule

    rng = random.Random(seed)
    rules = [get_rule(code)() for code in ("R001", "E001", "D001", "P003")]
    for _ in range(120):
        src = "".join(rng.choice(["word ", "x", "\n", "\n\n", "`code` ", "a.b "]) for _ in range(rng.randrange(1, 40)))
        n = len(src)
        masks = tuple(merge((a, min(n, a + rng.randrange(1, 30))) for a in (rng.randrange(n) for _ in range(rng.randrange(0, 6)))))
        layout = tuple(m for m in masks if rng.random() < 0.5)
        doc = Document(blank(src, masks), source=src, masks=masks, layout=layout)
        findings = []
        for _ in range(rng.randrange(0, 25)):
            a = rng.randrange(n + 1)
            b = rng.choice([a, min(n, a + rng.randrange(0, 60))])
            findings.append(rng.choice(rules).finding(doc, a, b, "m", [("", False), ("y", True)]))
        structural = frozenset({"E001"})
        assert S._mask_filter(doc, findings, structural) == _mask_filter_old(doc, findings, structural), (src, masks)
