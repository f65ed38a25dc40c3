"""The CLI as a user runs it: exit codes, selection, config, and every kind of bad input."""
from __future__ import annotations

import json
import os
import sys

import pytest

from conftest import run_cli

DIRTY = "The council met on on Tuesday ,and voted.\n"
CLEAN = "The council met on Tuesday and voted.\n"


def _json(proc):
    return json.loads(proc.stdout.decode("utf-8"))


def test_findings_exit_1_clean_exit_0(tmp_path):
    (tmp_path / "dirty.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", str(tmp_path / "dirty.txt"))
    assert p.returncode == 1, p.stderr
    assert b"R001" in p.stdout and b"P001" in p.stdout
    p = run_cli("check", str(tmp_path / "clean.txt"))
    assert p.returncode == 0, p.stdout
    assert b"All clear" in p.stdout


def test_text_report_format_line_underline_and_suggestion(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("First line.\nThe the end.\n", encoding="utf-8")
    p = run_cli("check", "a.txt", "--select", "R001", cwd=tmp_path)
    out = p.stdout.decode()
    assert "a.txt:2:1: R001 [warning] repeated word 'The'" in out
    assert "    2 | The the end." in out
    assert "      | ^^^^^^^" in out
    assert "-> 'The' (unsafe)" in out
    assert "\x1b[" not in out  # no colour when not a TTY


def test_select_ignore_prefixes_and_exit_zero(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(DIRTY, encoding="utf-8")
    codes = lambda p: {x["code"] for x in _json(p)["files"][0]["findings"]}
    assert codes(run_cli("check", str(f), "--output-format", "json", "--select", "P")) == {"P001"}
    assert codes(run_cli("check", str(f), "--output-format", "json", "--ignore", "P")) == {"R001"}
    # more specific select beats a broader ignore, as in ruff
    assert codes(run_cli("check", str(f), "--output-format", "json", "--ignore", "P", "--select", "ALL,P001")) == {"R001", "P001"}
    assert run_cli("check", str(f), "--exit-zero").returncode == 0


def test_fail_on_threshold(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("See  the report.\n", encoding="utf-8")  # P003 is a suggestion
    assert run_cli("check", str(f)).returncode == 0
    assert run_cli("check", str(f), "--fail-on", "suggestion").returncode == 1


def test_severity_override_in_config(tmp_path):
    (tmp_path / "garblint.toml").write_text('[severity]\nP003 = "error"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("See  the report.\n", encoding="utf-8")
    p = run_cli("check", "a.txt", "--output-format", "json", cwd=tmp_path)
    assert p.returncode == 1
    assert _json(p)["files"][0]["findings"][0]["severity"] == "error"


def test_pyproject_config_and_flags_win(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.garblint]\nselect = ["P"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "a.txt", "--output-format", "json", cwd=tmp_path)
    assert {x["code"] for x in _json(p)["files"][0]["findings"]} == {"P001"}
    p = run_cli("check", "a.txt", "--output-format", "json", "--select", "R", cwd=tmp_path)
    assert {x["code"] for x in _json(p)["files"][0]["findings"]} == {"R001"}


def test_folder_recursion_extensions_and_exclude(tmp_path):
    (tmp_path / "docs" / "sub").mkdir(parents=True)
    (tmp_path / "docs" / "a.md").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "sub" / "b.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "c.py").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs" / "skip").mkdir()
    (tmp_path / "docs" / "skip" / "d.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "garblint.toml").write_text('exclude = ["skip"]\n', encoding="utf-8")
    p = run_cli("check", "docs", "--output-format", "json", cwd=tmp_path)
    assert [f["path"] for f in _json(p)["files"]] == ["docs/a.md", "docs/sub/b.txt"]
    p = run_cli("check", "docs", "--output-format", "json", "--extensions", "py", cwd=tmp_path)
    assert [f["path"] for f in _json(p)["files"]] == ["docs/c.py"]


def test_stdin(tmp_path):
    p = run_cli("check", "-", "--output-format", "json", "--stdin-filename", "article.txt", input=DIRTY.encode())
    data = _json(p)
    assert data["files"][0]["path"] == "article.txt"
    assert p.returncode == 1


def test_rules_and_rule_commands():
    p = run_cli("rules")
    assert p.returncode == 0 and b"R001" in p.stdout and b"repeated-word" in p.stdout
    p = run_cli("rule", "r001")
    out = p.stdout.decode()
    assert p.returncode == 0
    for heading in ("What it flags:", "Why:", "Example:", "Fix:"):
        assert heading in out
    p = run_cli("rule", "R00")
    assert p.returncode == 2 and b"unknown rule code" in p.stderr and b"Traceback" not in p.stderr


def test_version():
    p = run_cli("--version")
    assert p.returncode == 0 and b"garblint" in p.stdout


# ------------------------------------------------------------------ bad input
def _one_line_error(p, *needles: str):
    err = p.stderr.decode()
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.startswith("garblint: error:")]
    assert lines, err
    for n in needles:
        assert any(n in ln for ln in lines), (n, err)


def test_missing_path_reports_and_lints_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "nope.txt", "a.txt", "--output-format", "json", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "nope.txt", "no such file")
    data = _json(p)
    assert data["files"][0]["error"] and data["files"][1]["findings"]


def test_directory_without_text_files(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "x.bin").write_bytes(b"\x00\x01")
    p = run_cli("check", "empty", cwd=tmp_path)
    assert p.returncode == 2
    assert b"empty: no files with extensions" in p.stderr
    _one_line_error(p, "no text files to lint")


def test_binary_file_skipped_with_notice(tmp_path):
    (tmp_path / "img.txt").write_bytes(b"GIF89a\x00\x00\x10binary")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "img.txt", "a.txt", cwd=tmp_path)
    assert p.returncode == 1  # the binary is a notice, not an error
    assert b"garblint: notice: img.txt: binary file" in p.stderr
    assert b"a.txt:1:" in p.stdout


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text(DIRTY, encoding="utf-8")
    f.chmod(0)
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "secret.txt", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "secret.txt", "permission denied")
    assert b"a.txt:1:" in p.stdout


def test_unreadable_file_as_root_via_directory(tmp_path):
    """Reading a directory named like a file fails cleanly (works even as root)."""
    (tmp_path / "dir.txt").mkdir()
    (tmp_path / "dir.txt" / "inner.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "dir.txt", "a.txt", cwd=tmp_path)
    assert p.returncode == 1 and b"a.txt:1:" in p.stdout


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    p = run_cli("check", "empty.txt", cwd=tmp_path)
    assert p.returncode == 0 and b"All clear" in p.stdout


def test_non_utf8_file_is_linted_with_e003(tmp_path):
    (tmp_path / "legacy.txt").write_bytes("The café’s owner said the the menu changed.\r\n".encode("cp1252"))
    p = run_cli("check", "legacy.txt", "--output-format", "json", cwd=tmp_path)
    f = _json(p)["files"][0]
    codes = {x["code"] for x in f["findings"]}
    assert {"E003", "R001"} <= codes
    e003 = next(x for x in f["findings"] if x["code"] == "E003")
    assert "not valid UTF-8" in e003["message"] and "cp1252" in e003["message"].lower().replace("windows-1252", "cp1252")


def test_large_file_and_long_line(tmp_path):
    para = "The committee reviewed the the budget for the coming year and approved it.\n\n"
    big = tmp_path / "big.txt"
    big.write_text(para * 40000, encoding="utf-8")  # ~3 MB
    longline = tmp_path / "long.txt"
    longline.write_text(("one two three four " * 5000) + "the the end\n", encoding="utf-8")  # 100,000-char line
    p = run_cli("check", "big.txt", "long.txt", "--select", "R001", "--quiet", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    assert b"Found 40001 findings" in p.stdout


def test_invalid_config_names_the_key(tmp_path):
    (tmp_path / "garblint.toml").write_text('selekt = ["R"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "garblint.toml", "unknown configuration key 'selekt'", "did you mean 'select'")


def test_broken_toml(tmp_path):
    (tmp_path / "garblint.toml").write_text('select = [\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "garblint.toml", "invalid TOML")


def test_bad_config_value(tmp_path):
    (tmp_path / "garblint.toml").write_text('fail-on = "warnings"\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "fail-on", "did you mean 'warning'")


def test_unknown_rule_code(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "a.txt", "--select", "R0001", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "unknown rule code 'R0001'", "did you mean")


def test_missing_names_list(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "a.txt", "--names", "missing-names.txt", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "missing-names.txt", "not found")


def test_unwritable_output(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "a.txt", "-o", "no/such/dir/report.json", cwd=tmp_path)
    assert p.returncode == 2
    _one_line_error(p, "report.json", "cannot write report")


def test_output_file_written(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "a.txt", "--output-format", "json", "-o", "out.json", cwd=tmp_path)
    assert p.returncode == 1 and p.stdout == b""
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["findings"] >= 2


def test_input_files_never_modified(tmp_path):
    f = tmp_path / "a.txt"
    f.write_bytes(DIRTY.encode("utf-8"))
    before = f.stat().st_mtime_ns
    run_cli("check", "a.txt", cwd=tmp_path)
    assert f.read_bytes() == DIRTY.encode("utf-8") and f.stat().st_mtime_ns == before


def test_jobs_output_identical(tmp_path):
    for i in range(6):
        (tmp_path / f"f{i}.txt").write_text(DIRTY * (i + 1), encoding="utf-8")
    one = run_cli("check", ".", "--output-format", "json", "--jobs", "1", cwd=tmp_path)
    many = run_cli("check", ".", "--output-format", "json", "--jobs", "2", cwd=tmp_path)
    assert one.stdout == many.stdout


@pytest.mark.skipif(not hasattr(__import__("socket"), "AF_UNIX"), reason="needs UNIX sockets")
def test_unreadable_special_file_even_as_root(tmp_path):
    """A socket is never read: skipped with a one-line notice, the other files linted."""
    import socket

    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "sock.txt"))
        (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
        p = run_cli("check", "sock.txt", "a.txt", cwd=tmp_path)
    finally:
        sock.close()
    assert p.returncode == 1, p.stderr
    assert p.stderr.decode().splitlines() == ["garblint: notice: sock.txt: a socket, not a regular file: skipped (pipe text to 'garblint check -' instead)"]
    assert b"a.txt:1:" in p.stdout


def test_version_matches_pyproject():
    import sys

    from garblint.lint import __version__

    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    from pathlib import Path

    meta = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text(encoding="utf-8"))
    assert __version__ == meta["project"]["version"]
