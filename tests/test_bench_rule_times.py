"""bench/rule_times.py runs and reports every selected rule (it is the profiling entry point)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_rule_times_lists_each_selected_rule(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("The vote vote was held ,today.\n\nThe vote vote was held ,today.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rule_times.py"), str(f), "--select", "R001,P001,D001"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "total" in out and "peak RSS" in out
    lines = out.splitlines()
    for code in ("R001", "P001", "D001"):
        assert any(f" {code} " in ln and "findings" in ln for ln in lines), out
    assert not any(" G001 " in ln for ln in lines)


def test_rule_times_sums_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("The vote vote was held today.\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("The the plan was good ,and cheap.\n", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "rule_times.py"), str(tmp_path), "--select", "R001,P001", "--cpu"],
        capture_output=True, text=True, check=True,
    ).stdout
    assert "in 2 files" in out, out
    # R001's findings are counted over both files: one in each
    assert any(" R001 " in ln and "(2 findings)" in ln for ln in out.splitlines()), out


def test_rule_times_batched_folder_counts_the_same_findings(tmp_path):
    (tmp_path / "a.txt").write_text("The vote vote was held today.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("The the plan was good ,and cheap.\n", encoding="utf-8")
    outs = []
    for extra in ([], ["--batched"]):
        out = subprocess.run(
            [sys.executable, str(ROOT / "bench" / "rule_times.py"), str(tmp_path), "--select", "R001,P001", "--cpu", *extra],
            capture_output=True, text=True, check=True,
        ).stdout
        assert "in 2 files" in out, out
        outs.append(sorted(ln.split(" s  ", 1)[1] for ln in out.splitlines()[1:] if "findings" in ln))
    assert outs[0] == outs[1] and len(outs[0]) == 2, outs
