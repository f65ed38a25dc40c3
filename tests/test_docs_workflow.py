"""docs/workflow.md: its snippets parse, name real hooks and flags, and every flag is documented."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "workflow.md"
FLAGS = ("--fix", "--unsafe-fixes", "--fix-only", "--diff", "--baseline", "--write-baseline", "--force-exclude")
KEYS = ("exclude", "extend-exclude", "per-file-ignores")

yaml = pytest.importorskip("yaml")


def _blocks(lang: str) -> list[str]:
    return re.findall(r"```%s\n(.*?)```" % lang, DOC.read_text(encoding="utf-8"), re.S)


def test_every_flag_and_key_is_documented_and_exists():
    text = DOC.read_text(encoding="utf-8")
    help_text = run_cli("check", "--help").stdout.decode()
    for flag in FLAGS:
        assert f"`{flag}" in text, flag
        assert flag in help_text, flag
    for key in KEYS:
        assert f"`{key}`" in text, key
    assert "`garblint config`" in text and run_cli("config", "--help").returncode == 0


def test_github_actions_workflow_is_complete():
    workflows = [yaml.safe_load(b) for b in _blocks("yaml") if "jobs:" in b]
    assert len(workflows) == 1
    wf = workflows[0]
    assert wf["permissions"]["security-events"] == "write"
    steps = next(iter(wf["jobs"].values()))["steps"]
    runs = " ".join(s.get("run", "") for s in steps)
    assert "pip install" in runs
    assert "-o reports/garblint.sarif --output-format sarif" in runs
    assert "--output-format github" in runs
    upload = [s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert upload and upload[0]["with"]["sarif_file"] == "reports/garblint.sarif"
    assert upload[0].get("if") == "always()"


def test_pre_commit_snippet_names_real_hooks():
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    configs = [yaml.safe_load(b) for b in _blocks("yaml") if "repos:" in b]
    assert configs
    used = [h["id"] for c in configs for r in c["repos"] for h in r["hooks"]]
    assert used and all(u in hooks for u in used)
    for h in hooks.values():
        assert h["entry"].startswith("garblint check")
        assert re.search(h["files"], "notes.md") and re.search(h["files"], "a.txt")
        assert not re.search(h["files"], "setup.py")
