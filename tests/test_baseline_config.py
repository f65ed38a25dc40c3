"""Baselines, per-file-ignores, exclude/extend-exclude and `garblint config`, through the CLI."""
from __future__ import annotations

import json

from conftest import run_cli

OLD = "The council met on on Monday.\nIt voted ,then adjourned.\n"


def _findings(proc) -> list[dict]:
    return [x for r in json.loads(proc.stdout)["files"] for x in r["findings"]]


def test_baseline_hides_old_findings_after_lines_inserted_above(tmp_path):
    doc = tmp_path / "minutes.txt"
    doc.write_text(OLD, encoding="utf-8")
    base = tmp_path / "garblint-baseline.json"
    w = run_cli("check", "minutes.txt", "--select", "R,P", "--write-baseline", str(base), cwd=tmp_path)
    assert w.returncode == 0, w.stderr
    assert b"wrote 2 findings" in w.stderr
    data = json.loads(base.read_text(encoding="utf-8"))
    assert set(data["files"]) == {"minutes.txt"}
    assert all("line" in e and "fingerprint" in e for e in data["files"]["minutes.txt"])

    # Today: nothing new.
    same = run_cli("check", "minutes.txt", "--select", "R,P", "--baseline", str(base), "--output-format", "json", cwd=tmp_path)
    assert same.returncode == 0 and _findings(same) == []

    # Lines inserted above move the old findings; a new problem appears below.
    doc.write_text(
        "Agenda for the week.\n\nA long introduction was added here by the clerk.\n\n" + OLD + "Members left left early.\n",
        encoding="utf-8",
    )
    proc = run_cli("check", "minutes.txt", "--select", "R,P", "--baseline", str(base), "--output-format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    assert [(f["code"], f["line"], f["text"]) for f in _findings(proc)] == [("R001", 7, "left left")]

    # Without the baseline every finding is back.
    full = run_cli("check", "minutes.txt", "--select", "R,P", "--output-format", "json", cwd=tmp_path)
    assert len(_findings(full)) == 3


def test_baseline_counts_copies(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("We met on on Monday.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    assert run_cli("check", str(doc), "--select", "R", "--write-baseline", str(base)).returncode == 0
    # A second copy of an old problem is new.
    doc.write_text("We met on on Monday.\nWe met on on Monday.\n", encoding="utf-8")
    proc = run_cli("check", str(doc), "--select", "R", "--baseline", str(base), "--output-format", "json")
    assert len(_findings(proc)) == 1


def test_baseline_works_from_another_folder(tmp_path):
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "a.txt").write_text("We met on on Monday.\n", encoding="utf-8")
    base = tmp_path / "baseline.json"
    assert run_cli("check", "docs", "--select", "R", "--write-baseline", str(base), cwd=tmp_path).returncode == 0
    proc = run_cli("check", "a.txt", "--select", "R", "--baseline", str(base), cwd=sub)
    assert proc.returncode == 0, proc.stdout


def test_bad_baseline_is_a_one_line_error(tmp_path):
    missing = run_cli("check", str(tmp_path), "--baseline", str(tmp_path / "nope.json"))
    assert missing.returncode == 2
    assert missing.stderr.decode().count("\n") == 1 and "not found" in missing.stderr.decode()
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = run_cli("check", str(tmp_path), "--baseline", str(bad))
    assert proc.returncode == 2 and b"not valid JSON" in proc.stderr and b"Traceback" not in proc.stderr


def test_baseline_with_fix_leaves_old_findings_alone(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text("We met on on Monday.\n", encoding="utf-8")
    base = tmp_path / "b.json"
    run_cli("check", str(doc), "--select", "R", "--write-baseline", str(base))
    doc.write_text("We met on on Monday.\n\nThey left left.\n", encoding="utf-8")
    proc = run_cli("check", str(doc), "--select", "R", "--baseline", str(base), "--fix")
    assert proc.returncode == 0
    assert doc.read_text(encoding="utf-8") == "We met on on Monday.\n\nThey left.\n"


def _project(tmp_path, config: str):
    (tmp_path / "garblint.toml").write_text(config, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "drafts").mkdir()
    (tmp_path / "news" / "story.txt").write_text("The the story ,ends.\n", encoding="utf-8")
    (tmp_path / "news" / "legacy.txt").write_text("The the story ,ends.\n", encoding="utf-8")
    (tmp_path / "drafts" / "idea.txt").write_text("The the idea.\n", encoding="utf-8")
    (tmp_path / "vendor.md").write_text("The the vendor.\n", encoding="utf-8")


def test_per_file_ignores_exclude_and_extend_exclude(tmp_path):
    _project(
        tmp_path,
        'select = ["R", "P"]\nexclude = ["drafts"]\nextend-exclude = ["vendor.md"]\n'
        '[per-file-ignores]\n"news/legacy.txt" = ["P001"]\n',
    )
    proc = run_cli("check", ".", "--output-format", "json", cwd=tmp_path)
    assert proc.returncode == 1
    got = sorted((r["path"], x["code"]) for r in json.loads(proc.stdout)["files"] for x in r["findings"])
    assert got == [
        ("news/legacy.txt", "R001"),
        ("news/story.txt", "P001"),
        ("news/story.txt", "R001"),
    ]


def test_config_command_shows_values_and_sources(tmp_path):
    _project(tmp_path, 'select = ["R"]\nextend-exclude = ["drafts"]\n[per-file-ignores]\n"*.md" = ["R001"]\n')
    proc = run_cli("config", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    cfg = str((tmp_path / "garblint.toml").resolve())
    assert f"# config file: {cfg}" in out
    assert f'select = ["R"]  # {cfg}' in out
    assert f'per-file-ignores = {{"*.md": ["R001"]}}  # {cfg}' in out
    assert 'fail-on = "warning"  # default' in out
    js = json.loads(run_cli("config", "--format", "json", cwd=tmp_path).stdout)
    assert js["values"]["extend-exclude"] == {"value": ["drafts"], "source": cfg}
    assert js["values"]["mode"]["source"] == "default"


def test_config_command_reports_bad_config(tmp_path):
    (tmp_path / "garblint.toml").write_text('selct = ["R"]\n', encoding="utf-8")
    proc = run_cli("config", cwd=tmp_path)
    assert proc.returncode == 2
    assert b"did you mean 'select'" in proc.stderr


def test_force_exclude_applies_to_named_files(tmp_path):
    _project(tmp_path, 'select = ["R"]\nexclude = ["drafts"]\n')
    named = run_cli("check", "drafts/idea.txt", cwd=tmp_path)
    assert named.returncode == 1  # a named file is linted by default
    forced = run_cli("check", "--force-exclude", "drafts/idea.txt", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr  # nothing left to lint is not an error here
    both = run_cli("check", "--force-exclude", "drafts/idea.txt", "news/story.txt", "--output-format", "json", cwd=tmp_path)
    assert both.returncode == 1
    assert [r["path"] for r in json.loads(both.stdout)["files"] if r["findings"]] == ["news/story.txt"]
