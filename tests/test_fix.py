"""--fix, --unsafe-fixes, --fix-only and --diff, through the CLI."""
from __future__ import annotations

import json
import os
import stat
import sys

import pytest

from conftest import run_cli

# Overlapping problems: R001's span "then  then" contains P003's double space, and P001's
# " ," touches the word before it. Each fix alone leaves work for another.
OVERLAP = "The club met on Tuesday ,and then  then the members went home.\n"
OVERLAP_FIXED = "The club met on Tuesday, and then the members went home.\n"


def _json(proc) -> dict:
    return json.loads(proc.stdout.decode("utf-8"))


def test_fix_overlapping_suggestions_resolves_and_settles(tmp_path):
    f = tmp_path / "club.txt"
    f.write_text(OVERLAP, encoding="utf-8")
    proc = run_cli("check", str(f), "--fix", "--select", "R,P")
    assert f.read_text(encoding="utf-8") == OVERLAP_FIXED
    assert proc.returncode == 0, proc.stderr
    assert b"fixed 3 findings in 1 file" in proc.stderr
    # A second run finds nothing left to fix: the loop reached a fixed point.
    again = run_cli("check", str(f), "--fix", "--select", "R,P")
    assert again.returncode == 0
    assert b"fixed 0 findings" in again.stderr
    assert f.read_text(encoding="utf-8") == OVERLAP_FIXED


def test_unsafe_fixes_resolve_overlap_by_rule_priority(tmp_path):
    # With unsafe fixes R001 (priority 10) and P003 (priority 30) both apply to the same
    # span in the first pass; R001 must win, and the result is the same as the safe route.
    f = tmp_path / "club.txt"
    f.write_text(OVERLAP, encoding="utf-8")
    diff = run_cli("check", str(f), "--diff", "--unsafe-fixes", "--select", "R,P")
    assert diff.returncode == 1
    assert f.read_text(encoding="utf-8") == OVERLAP  # --diff never writes
    proc = run_cli("check", str(f), "--fix", "--unsafe-fixes", "--select", "R,P")
    assert proc.returncode == 0, proc.stderr
    assert f.read_text(encoding="utf-8") == OVERLAP_FIXED
    # the applied count shows R001 and P003 did not both edit the doubled space
    assert b"fixed 2 findings" in proc.stderr


def test_safe_fix_leaves_unsafe_suggestions_and_reports_them(tmp_path):
    f = tmp_path / "names.txt"
    text = "The report from Walla Walla was read by The the committee.\n"
    f.write_text(text, encoding="utf-8")
    proc = run_cli("check", str(f), "--fix", "--select", "R001", "--output-format", "json")
    assert f.read_text(encoding="utf-8") == text  # "The the": unsafe (case differs)
    assert proc.returncode == 1
    remaining = [x for r in _json(proc)["files"] for x in r["findings"]]
    assert [x["text"] for x in remaining] == ["The the"]
    unsafe = run_cli("check", str(f), "--fix", "--unsafe-fixes", "--select", "R001")
    assert unsafe.returncode == 0
    assert f.read_text(encoding="utf-8") == "The report from Walla Walla was read by The committee.\n"


def test_diff_output_is_a_unified_diff_and_writes_nothing(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("First line is fine.\nIt rained on on the parade ,sadly.\nLast line.\n", encoding="utf-8")
    before = f.read_bytes()
    proc = run_cli("check", str(f), "--diff", "--select", "R,P")
    assert proc.returncode == 1
    out = proc.stdout.decode("utf-8")
    name = str(f).lstrip("/")
    assert out.startswith(f"--- a/{name}\n+++ b/{name}\n@@ ")
    assert "-It rained on on the parade ,sadly.\n" in out
    assert "+It rained on the parade, sadly.\n" in out
    assert " First line is fine.\n" in out
    assert f.read_bytes() == before
    with_fix = run_cli("check", str(f), "--diff", "--fix", "--select", "R,P")
    assert with_fix.stdout == proc.stdout and f.read_bytes() == before  # --diff wins over --fix
    clean = run_cli("check", str(f), "--diff", "--select", "E")
    assert clean.returncode == 0 and clean.stdout == b""


def test_crlf_latin1_file_keeps_encoding_and_newlines(tmp_path):
    f = tmp_path / "legacy.txt"
    original = "The caf\u00e9 on the corner sold cr\u00eapes and and tea.\r\nIt closed at six ,every day.\r\n"
    f.write_bytes(original.encode("latin-1"))
    proc = run_cli("check", str(f), "--fix", "--select", "R,P")
    assert proc.returncode == 0, proc.stderr
    data = f.read_bytes()
    expected = "The caf\u00e9 on the corner sold cr\u00eapes and tea.\r\nIt closed at six, every day.\r\n"
    assert data == expected.encode("latin-1")
    assert data.count(b"\r\n") == 2 and b"\n" not in data.replace(b"\r\n", b"")


def test_utf8_bom_and_permissions_are_kept(tmp_path):
    f = tmp_path / "bom.txt"
    f.write_bytes(b"\xef\xbb\xbfWe went to to the shop.\n")
    os.chmod(f, 0o640)
    proc = run_cli("check", str(f), "--fix", "--select", "R")
    assert proc.returncode == 0, proc.stderr
    assert f.read_bytes() == b"\xef\xbb\xbfWe went to the shop.\n"
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o640
    # no temporary file is left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bom.txt"]


def test_unencodable_replacement_is_skipped_with_notice(tmp_path):
    # 0x81 is undefined in Windows-1252, so the file is read as Latin-1 and 0x92 becomes the
    # C1 control U+0092, whose suggested fix is the curly apostrophe: not in Latin-1.
    f = tmp_path / "shop.txt"
    f.write_bytes(b"The shop sold tea\x92s and \x81cakes to everyone.\r\n")
    enc = _json(run_cli("check", str(f), "--select", "E003", "--output-format", "json"))["files"][0].get("encoding")
    if enc != "latin-1":
        pytest.skip("encoding detection did not pick Latin-1 on this machine")
    proc = run_cli("check", str(f), "--fix", "--unsafe-fixes", "--select", "E002")
    data = f.read_bytes()
    assert b"\x92" in data  # left, not corrupted
    assert b"\x81" not in data  # the other fix was applied
    assert data == b"The shop sold tea\x92s and cakes to everyone.\r\n"
    assert b"cannot be written in latin-1" in proc.stderr
    assert proc.stderr.count(b"cannot be written") == 1


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_read_only_file_is_an_error_and_others_are_fixed(tmp_path):
    ro = tmp_path / "locked.txt"
    rw = tmp_path / "open.txt"
    ro.write_text("They they said so.\nA fine day day out.\n", encoding="utf-8")
    rw.write_text("A fine day day out.\n", encoding="utf-8")
    os.chmod(ro, 0o444)
    try:
        proc = run_cli("check", str(ro), str(rw), "--fix", "--select", "R")
        assert proc.returncode == 2
        err = proc.stderr.decode()
        lines = [ln for ln in err.splitlines() if "error" in ln]
        assert len(lines) == 1 and str(ro) in lines[0] and "read-only" in lines[0]
        assert "Traceback" not in err
        assert ro.read_text(encoding="utf-8") == "They they said so.\nA fine day day out.\n"
        assert rw.read_text(encoding="utf-8") == "A fine day out.\n"
    finally:
        os.chmod(ro, 0o644)


def test_file_whose_linting_failed_is_not_touched(tmp_path):
    good = tmp_path / "good.txt"
    bad = tmp_path / "bad.txt"
    good.write_text("Go go go to the the shop.\n", encoding="utf-8")
    bad.write_bytes(b"\xff\xfe" + "x".encode("utf-16-le") + b"\x00\xd8")  # BOM, then a lone surrogate
    proc = run_cli("check", str(good), str(bad), "--fix", "--select", "R")
    assert proc.returncode == 2
    assert bad.read_bytes() == b"\xff\xfe" + "x".encode("utf-16-le") + b"\x00\xd8"
    assert "the the" not in good.read_text(encoding="utf-8")


def test_stdin_fix_writes_fixed_text_to_stdout(tmp_path):
    proc = run_cli("check", "-", "--fix", "--select", "R,P", input=OVERLAP.encode("utf-8"))
    assert proc.stdout.decode("utf-8") == OVERLAP_FIXED
    assert proc.returncode == 0
    # Remaining findings go to stderr, so stdout stays the text.
    rest = run_cli("check", "-", "--fix", "--select", "R", input=b"We saw The the rest.\n")
    assert rest.stdout == b"We saw The the rest.\n"
    assert rest.returncode == 1
    assert b"R001" in rest.stderr


def test_fix_only_reports_nothing_but_the_count(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("We saw The the rest of it it here.\n", encoding="utf-8")
    proc = run_cli("check", str(f), "--fix-only", "--select", "R")
    assert proc.returncode == 0
    assert proc.stdout == b""
    assert b"fixed 1 finding in 1 file" in proc.stderr
    assert f.read_text(encoding="utf-8") == "We saw The the rest of it here.\n"


def test_markdown_fix_edits_the_original_file(tmp_path):
    f = tmp_path / "doc.md"
    f.write_text(
        "# Setup guide\n\nRun `make  install` first ,then the the tests.\n\n```\nkeep  this  as  it  is\n```\n",
        encoding="utf-8",
    )
    proc = run_cli("check", str(f), "--fix", "--select", "R,P")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert f.read_text(encoding="utf-8") == (
        "# Setup guide\n\nRun `make  install` first, then the tests.\n\n```\nkeep  this  as  it  is\n```\n"
    )


# ---------------------------------------------------------------- fixer internals
def _finding(code, text, start, end, repl, safe=True):
    from garblint.lint.finding import Finding, Suggestion

    return Finding(code, "x", "whitespace", "warning", "m", start, end, 1, start + 1, 1, end + 1,
                   text[start:end], (Suggestion(repl, safe),), fingerprint=f"{code}{start}")


def test_overlap_resolution_is_independent_of_input_order():
    import random

    from garblint.lint.fixer import candidate_edits, resolve_overlaps

    text = "abcdefghijklmnopqrstuvwxyz"
    found = [
        _finding("R001", text, 2, 8, "X"),   # priority 10: wins over everything it meets
        _finding("P001", text, 5, 10, "Y"),  # overlaps R001
        _finding("P003", text, 10, 12, "Z"),  # no overlap with R001, touches P001 only
        _finding("P003", text, 12, 14, "W"),  # touches the one before: waits for the next pass
        _finding("P002", text, 20, 22, "V"),
    ]
    expected = None
    for seed in range(20):
        random.Random(seed).shuffle(found)
        got = [(e.code, e.start) for e in resolve_overlaps(candidate_edits(found, text, unsafe=False))]
        expected = expected or got
        assert got == expected
    assert expected == [("R001", 2), ("P003", 10), ("P002", 20)]


def test_fix_loop_is_bounded():
    from garblint.lint.fixer import MAX_PASSES, fix_document
    from garblint.lint.textio import make_document

    calls = []

    def flip_flop(doc):  # a pair of rules that undo each other forever
        calls.append(doc.source)
        repl = "b" if doc.source == "a" else "a"
        return [_finding("P003", doc.source, 0, 1, repl)], []

    out = fix_document(make_document("a", "x.txt"), flip_flop)
    assert out.applied == MAX_PASSES
    assert len(calls) == MAX_PASSES + 1
    assert any("did not settle" in n for n in out.notices)


def test_utf16_file_with_bom_is_written_back_as_utf16(tmp_path):
    f = tmp_path / "wide.txt"
    f.write_bytes(b"\xff\xfe" + "Stra\u00dfe and and more\r\n".encode("utf-16-le"))
    proc = run_cli("check", str(f), "--fix", "--select", "R")
    assert proc.returncode == 0, proc.stderr
    assert f.read_bytes() == b"\xff\xfe" + "Stra\u00dfe and more\r\n".encode("utf-16-le")


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_symlink_is_kept_and_its_target_fixed(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("It it works.\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    proc = run_cli("check", str(link), "--fix", "--select", "R", cwd=tmp_path)  # a link inside the current folder
    assert proc.returncode == 1  # "It it": case differs, unsafe, so it remains
    target.write_text("it it works.\n", encoding="utf-8")
    proc = run_cli("check", str(link), "--fix", "--select", "R", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == "it works.\n"


def test_fix_keeps_hard_links(tmp_path):
    """--fix writes a hard-linked file in place: both names still show the same, fixed file."""
    f = tmp_path / "a.txt"
    f.write_text("We went to to the shop.\n", encoding="utf-8")
    other = tmp_path / "elsewhere.txt"
    os.link(f, other)
    ino = f.stat().st_ino
    f.chmod(0o640)
    proc = run_cli("check", "a.txt", "--fix", "--select", "R001", "--no-cache", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert f.read_text(encoding="utf-8") == "We went to the shop.\n"
    assert f.stat().st_ino == ino and f.stat().st_nlink == 2
    assert other.read_text(encoding="utf-8") == "We went to the shop.\n"
    assert (f.stat().st_mode & 0o777) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "elsewhere.txt"]  # no temporary file left
