"""Huge files are linted in windows (lint/bigfile.py): the windows cover the file exactly, a
finding comes back at its whole-file position, and what the names analysis needs of the rest
of the file (which paragraphs repeat) reaches every window."""

from __future__ import annotations

import pytest

from garblint.lint import bigfile, runner
from garblint.lint.config import Config
from garblint.lint.document import Document, paragraph_key
from garblint.lint.runner import discover, lint_targets
from garblint.lint.textio import document_from_bytes

from speed_helpers import make_texts


def _text() -> str:
    texts = make_texts(40, seed=31)
    # damage at the start and the end of paragraphs, where windows are cut; a character outside
    # the Basic Multilingual Plane; and a technical sign or two (the layout's document-level test)
    texts += ["the the vote was held ,today.With care  and\u200bthought caf\u00c3\u00a9 \ufffd end .\n"] * 4
    texts += ["Run ./configure --with-extra-flags then read /usr/lib/x.conf \U0001f600 at noon.\n"] * 3
    text = "\n\n".join(texts)
    return "the the " + text.replace("\n\n", "\n\nthe the ")


def test_byte_spans_cover_the_file_and_cut_after_blank_lines():
    data = _text().encode("utf-8")
    spans = bigfile._byte_spans(data, 2000)
    assert spans[0][0] == 0 and spans[-1][1] == len(data) and len(spans) > 3
    assert all(b == c for (_, b), (c, _) in zip(spans, spans[1:]))
    assert all(data[a - 2 : a] == b"\n\n" for a, _ in spans[1:])
    # one line longer than two windows: cut inside it, never inside a character
    line = ("\u00e9t\u00e9 " * 3000).encode("utf-8")
    spans = bigfile._byte_spans(line, 1000)
    assert len(spans) > 2 and "".join(line[a:b].decode("utf-8") for a, b in spans) == line.decode("utf-8")


def test_windows_hold_the_whole_documents_text_masks_and_positions(monkeypatch):
    monkeypatch.setattr(bigfile, "WINDOW_CHARS", 2000)
    data = _text().encode("utf-8")
    windows = bigfile._windows_from_bytes(data, "big.txt")
    assert windows is not None and len(windows) > 3
    doc = document_from_bytes(data, "big.txt")
    assert doc.masks, "the layout test marks code in this text"
    for w in windows:
        a, b = w.offset, w.offset + len(w.text)
        assert (w.text, w.source) == (doc.text[a:b], doc.source[a:b])
        assert (w.masks, w.layout) == (bigfile._clip(doc.masks, a, b), bigfile._clip(doc.layout, a, b))
        assert (w.line_offset + 1, w.column_offset + 1) == doc.line_col(a)
    assert windows[-1].offset + len(windows[-1].text) == len(doc.text)


@pytest.mark.parametrize("jobs", [1, 2])
def test_windowed_findings_sit_where_the_whole_file_puts_them(tmp_path, monkeypatch, jobs):
    big = tmp_path / "big.txt"
    big.write_text(_text(), encoding="utf-8")
    # rules that look within one paragraph: windowing must not change a thing of theirs
    config = Config({"select": ["R001", "P", "E001", "E002", "E004"], "jobs": jobs})
    whole = lint_targets(discover([str(big)], config), config, jobs=1)
    monkeypatch.setattr(runner, "WINDOW_MIN_BYTES", 1000)
    monkeypatch.setattr(bigfile, "WINDOW_CHARS", 2000)
    calls = []
    real = bigfile.lint_windows
    monkeypatch.setattr(bigfile, "lint_windows", lambda *a: calls.append(1) or real(*a))
    windowed = lint_targets(discover([str(big)], config), config, jobs=jobs)
    assert calls, "the file was linted in windows"
    assert [f.to_dict() for f in windowed[0].findings] == [f.to_dict() for f in whole[0].findings]
    assert windowed[0].source_lines == whole[0].source_lines
    assert windowed[0].words == whole[0].words
    # a doubled word opens most paragraphs: findings sit right at window starts
    starts = {w.offset for w in bigfile._windows_from_bytes(big.read_bytes(), str(big)) or []}
    assert len(starts & {f.start for f in windowed[0].findings if f.code == "R001"}) >= 3


def test_a_suppression_across_a_window_border_is_settled_on_the_whole_file(tmp_path, monkeypatch):
    paras = [f"Paragraph {i} says the the same thing twice." for i in range(200)]
    paras[3] = "garblint: disable=R001"  # open to the end of the file, across every border
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    config = Config({"select": ["R001", "X001"]})
    whole = lint_targets(discover([str(big)], config), config, jobs=1)
    monkeypatch.setattr(runner, "WINDOW_MIN_BYTES", 1000)
    monkeypatch.setattr(bigfile, "WINDOW_CHARS", 1500)
    assert bigfile._windows_from_bytes(big.read_bytes(), str(big)) is None
    windowed = lint_targets(discover([str(big)], config), config, jobs=1)
    assert [f.to_dict() for f in windowed[0].findings] == [f.to_dict() for f in whole[0].findings]
    assert len(whole[0].findings) == 3


def test_window_facts_tell_each_window_which_paragraphs_repeat():
    rep = "Health Minister Ada Quell opened the new clinic on Monday morning."
    windows = [
        f"{rep}\n\nA paragraph only the first window has, long enough.\n\n",
        "Another paragraph, in the second window alone.\n\n",
        f"Quell spoke to reporters afterwards.\n\n{rep}\n",
    ]
    offsets = [0, len(windows[0]), len(windows[0]) + len(windows[1])]
    facts = bigfile.window_facts(list(zip(windows, offsets)))
    key = paragraph_key(rep)
    assert key in facts[0].repeated and key not in facts[0].earlier
    assert key in facts[2].earlier and key in facts[2].repeated
    assert not facts[1].earlier and not facts[1].repeated
    # the names analysis of the third window counts the repeated passage as a repeat
    from garblint.rules._mentions import extract_mentions

    doc = Document(windows[2])
    doc.window = facts[2]
    quell = [m for m in extract_mentions(doc) if "Quell" in m.text and m.start > windows[2].index(rep)]
    assert quell and all(m.duplicate and m.repeated for m in quell)
    alone = Document(windows[2])
    assert not any(m.duplicate for m in extract_mentions(alone))


def _whole_and_windowed(tmp_path, monkeypatch, paras: list[str], select: list[str]):
    """The findings of a file of ``paras`` linted whole, then in windows of 1,500 characters."""
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    config = Config({"select": select})
    whole = lint_targets(discover([str(big)], config), config, jobs=1)
    monkeypatch.setattr(runner, "WINDOW_MIN_BYTES", 1000)
    monkeypatch.setattr(bigfile, "WINDOW_CHARS", 1500)
    windowed = lint_targets(discover([str(big)], config), config, jobs=1)
    return whole[0].findings, windowed[0].findings


def test_duplicates_inside_a_later_window_name_whole_file_lines(tmp_path, monkeypatch):
    paras = [f"Paragraph {i} is about the harbour works and their cost to the town." for i in range(120)]
    copy = "The ferry will run again from May, the council said on Tuesday after a long meeting."
    paras[100:100] = [copy, copy]  # a paragraph pasted twice, far into the file
    paras[60] += " The new pier opens in June. Work starts soon. The new pier opens in June."
    whole, windowed = _whole_and_windowed(tmp_path, monkeypatch, paras, ["D"])
    assert {f.code for f in whole} == {"D001", "D002"}
    assert [f.to_dict() for f in windowed] == [f.to_dict() for f in whole]


def test_a_paragraph_copied_into_a_later_window_is_reported_against_the_first(tmp_path, monkeypatch):
    paras = [f"Paragraph {i} is about the harbour works and their cost to the town." for i in range(120)]
    copy = "The ferry will run again from May, the council said on Tuesday after a long meeting."
    paras[5] = copy
    paras[100] = copy  # windows apart
    # a question every section asks, three times or more, far apart: a template, not a copy
    for i in (20, 60, 110):
        paras[i] = "What did the council decide about the harbour this week?"
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    config = Config({"select": ["D"]})
    whole = lint_targets(discover([str(big)], config), config, jobs=1)
    monkeypatch.setattr(runner, "WINDOW_MIN_BYTES", 1000)
    monkeypatch.setattr(bigfile, "WINDOW_CHARS", 1500)
    windows = bigfile._windows_from_bytes(big.read_bytes(), str(big))
    assert windows is not None and len(windows) > 4
    windowed = lint_targets(discover([str(big)], config), config, jobs=1)
    assert [f.code for f in whole[0].findings] == ["D001"]
    assert "on line 11" in whole[0].findings[0].message
    assert [f.to_dict() for f in windowed[0].findings] == [f.to_dict() for f in whole[0].findings]


def test_a_name_spelled_otherwise_in_one_window_is_reported(tmp_path, monkeypatch):
    paras = []
    for i in range(200):
        who = "Quelle" if 100 <= i < 130 else "Quell"  # a window or two write it otherwise
        paras.append(f"Health Minister Ada {who} opened clinic number {i} in the old market hall on Monday.")
        paras.append(f"{who} said the clinic would stay open for as long as the town needed it.")
    big = tmp_path / "big.txt"
    big.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    config = Config({"select": ["N"]})
    whole = lint_targets(discover([str(big)], config), config, jobs=1)
    assert any("Quelle" in f.message for f in whole[0].findings)
    monkeypatch.setattr(runner, "WINDOW_MIN_BYTES", 1000)
    monkeypatch.setattr(bigfile, "WINDOW_CHARS", 2000)
    windowed = lint_targets(discover([str(big)], config), config, jobs=1)
    across = [f for f in windowed[0].findings if "is written 'Quell' in" in f.message and "other parts of this file" in f.message]
    # the window that writes only "Quelle" learns the other windows' spelling
    assert across and all(big.read_text(encoding="utf-8")[f.start : f.end] == "Quelle" for f in across)


@pytest.mark.parametrize("between", ["heading", "text"])
def test_sections_with_the_same_long_body_are_decided_on_the_whole_file(tmp_path, monkeypatch, between):
    grant = "Anyone who receives this package may use, change, copy and share it, in source or built form, for any purpose and without paying a fee, as long as this notice and the authors' line travel with every copy of it."
    warranty = "The package comes as it is, with no promise of any kind that it works or suits a purpose, and its authors answer for no loss or damage that comes from using it, however that loss arises."
    paras = ["Bundled components and the terms they come under."]
    for i in range(30):
        if between == "heading":
            paras += [f"component-{i}", f"Copyright {1990 + i} its {i}th author"]
        else:  # a scraper's block pasted between paragraphs of the article
            paras += [
                f"Paragraph {i} of the story goes on about the harbour works, what they will cost the town over the next ten years, and the fishermen, ferry crews and visitors who will use the new pier when it opens in the spring."
            ]
        paras += [grant, warranty]
    whole, windowed = _whole_and_windowed(tmp_path, monkeypatch, paras, ["D001"])
    assert len(whole) == (0 if between == "heading" else 58)
    # (a copy that ends a window is reported with the same span, its fingerprint made of the
    # window's own lines)
    same = ("code", "message", "span", "line", "column", "end_line", "end_column", "suggestions")
    assert [{k: f.to_dict()[k] for k in same} for f in windowed] == [{k: f.to_dict()[k] for k in same} for f in whole]
