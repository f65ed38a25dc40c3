"""Issue 20: broken settings are errors, and garblint never overwrites or lints its own inputs
and outputs by mistake."""
from __future__ import annotations

import json

import pytest

from conftest import run_cli

DIRTY = "The the vote was held on Monday.\n"
CLEAN = "The vote was held on Monday.\n"


def test_broken_pyproject_is_an_error_not_skipped(tmp_path):
    (tmp_path / "garblint.toml").write_text('ignore = ["R001"]\n', encoding="utf-8")  # a parent's config
    proj = tmp_path / "proj"
    proj.mkdir()
    (proj / "pyproject.toml").write_text('[tool.garblint\nselect = ["R"]\n', encoding="utf-8")
    (proj / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "a.txt", cwd=proj)
    assert p.returncode == 2, (p.stdout, p.stderr)
    err = p.stderr.decode()
    assert err.startswith(f"garblint: error: {proj / 'pyproject.toml'}: invalid TOML: ") and err.count("\n") == 1, err
    assert p.stdout == b""


def test_empty_select_is_a_usage_error(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    for args in (["--select", ""], ["--select", " , "], ["--ignore", ""], ["--extend-select", ""]):
        p = run_cli("check", "a.txt", *args, cwd=tmp_path)
        assert p.returncode == 2 and b"empty value" in p.stderr, (args, p.stderr)
        assert b"All clear" not in p.stdout and b"Traceback" not in p.stderr
    # a selection that leaves no rule on is an error too
    p = run_cli("check", "a.txt", "--select", "R001", "--ignore", "R001", cwd=tmp_path)
    assert p.returncode == 2 and b"no rule is selected" in p.stderr and b"All clear" not in p.stdout


@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
def test_min_confidence_nan_rejected(tmp_path, value):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "a.txt", "--min-confidence", value, cwd=tmp_path)
    assert p.returncode == 2 and b"min-confidence" in p.stderr, p.stderr


@pytest.mark.parametrize("flag", ["-o", "--output", "--write-baseline"])
def test_output_onto_an_input_is_refused(tmp_path, flag):
    (tmp_path / "a.txt").write_text(DIRTY, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "b.txt").write_text(DIRTY, encoding="utf-8")
    for target, args in (("a.txt", ["a.txt"]), ("./a.txt", ["a.txt"]), ("docs/b.txt", ["docs"])):
        p = run_cli("check", *args, flag, target, cwd=tmp_path)
        assert p.returncode == 2, (flag, target, p.stderr)
        assert b"refusing to replace an input" in p.stderr and b"Traceback" not in p.stderr
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DIRTY
    assert (tmp_path / "docs" / "b.txt").read_text(encoding="utf-8") == DIRTY


def test_missing_path_does_not_say_all_clear(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN, encoding="utf-8")
    p = run_cli("check", "missing.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"missing.txt: no such file" in p.stderr
    assert b"All clear" not in p.stdout
    p = run_cli("check", "missing.txt", "a.txt", cwd=tmp_path)
    assert p.returncode == 2 and b"All clear" not in p.stdout
    assert p.stdout.decode().strip().splitlines()[-1] == "No findings in 1 file; 1 input could not be linted."
    p = run_cli("check", "a.txt", cwd=tmp_path)
    assert p.returncode == 0 and b"All clear: no findings in 1 file." in p.stdout


@pytest.mark.parametrize("fmt,name", [("text", "report.txt"), ("github", "report.txt"), ("text", "report.md"), ("json", "report.txt"), ("sarif", "r.txt"), ("html", "r.txt")])
def test_report_written_into_the_linted_folder_is_not_linted_next_time(tmp_path, fmt, name):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(DIRTY, encoding="utf-8")
    first = run_cli("check", "docs", "--output-format", "json", cwd=tmp_path)
    for _ in range(2):  # the same command twice: the second run must not lint the first one's report
        p = run_cli("check", "docs", "--output-format", fmt, "-o", f"docs/{name}", cwd=tmp_path)
        assert p.returncode == 1, p.stderr
        assert b"refusing" not in p.stderr
    # and a later run without -o does not lint it either
    p = run_cli("check", "docs", "--output-format", "json", cwd=tmp_path)
    assert p.returncode == 1, p.stderr
    data = json.loads(p.stdout)
    assert data["summary"]["findings"] == json.loads(first.stdout)["summary"]["findings"]
    linted = [f["path"] for f in data["files"] if not f.get("skipped")]
    assert linted == ["docs/a.txt"], data["files"]


def test_a_text_file_about_reports_is_still_linted(tmp_path):
    (tmp_path / "notes.txt").write_text("The the report said: All clear: no findings in 3 files.\n", encoding="utf-8")
    p = run_cli("check", "notes.txt", "--output-format", "json", cwd=tmp_path)
    assert p.returncode == 1 and json.loads(p.stdout)["summary"]["findings"] >= 1
