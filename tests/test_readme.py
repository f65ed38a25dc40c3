"""README stays true: the rules table matches the rules, the first commands are the documented ones."""
from __future__ import annotations

import re
import subprocess
import sys

from conftest import ROOT
from garblint.lint.rule import all_rules


def test_rules_table_in_sync():
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "update_readme.py"), "--check"])
    assert proc.returncode == 0, "README rules table is stale: run python scripts/update_readme.py"


def test_every_rule_documented_with_fixed_headings():
    for cls in all_rules():
        sections = cls.doc_sections()
        for heading in ("What it flags", "Why", "Example", "Fix"):
            assert sections.get(heading), f"{cls.code} lacks '{heading}:' in its docstring"
        assert "->" in sections["Example"], f"{cls.code}: Example should show bad -> suggested"


def test_readme_opens_with_install_and_test_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```sh\n(.*?)```", text, re.S).group(1).strip().splitlines()
    assert "pip install ." in block[0] and "garblint check examples/" in block[0]
    assert "[test" in block[1] and "pytest" in block[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip\" install -q -e '.[test,languagetool]'" in ci and "-m pytest -q" in ci


def test_readme_config_example_is_valid(tmp_path):
    from garblint.lint.config import load_config
    from garblint.lint.rule import rule_codes

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[tool\.garblint\].*?)```", text, re.S).group(1)
    (tmp_path / "pyproject.toml").write_text(block, encoding="utf-8")
    config = load_config(tmp_path / "pyproject.toml")
    config.validate_codes(rule_codes())
    assert config["output-format"] == "text" and config["severity"] == {"P003": "warning"}


def test_readme_lists_every_check_option():
    from garblint.lint.cli import check

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for param in check.params:
        for opt in param.opts:
            if opt.startswith("--") and opt != "--help":
                assert f"`{opt}" in text or f" {opt}`" in text or f"{opt} " in text, f"README does not document {opt}"


def test_readme_example_output_is_what_garblint_prints():
    """The finding lines of the README's ``garblint check examples/`` output are real (B001 at
    the block's own line and column, not the blank line before it)."""
    from conftest import run_cli

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ garblint check examples/\n(.*?)```", text, re.S).group(1)
    shown = [ln for ln in block.splitlines() if re.match(r"examples/\S+:\d+:\d+: [A-Z]\d{3} ", ln)]
    assert shown, "the README example shows no finding lines"
    out = run_cli("check", "examples/", "--no-cache", "--color", "never", cwd=ROOT).stdout.decode("utf-8")
    for ln in shown:
        assert ln in out.splitlines(), f"README shows {ln!r}, garblint prints:\n{out}"
    summary = block.strip().splitlines()[-1]
    assert summary in out.splitlines()


def test_static_checks_are_wired_into_ci_and_pre_commit():
    """ruff (lint and format check) and mypy run in .ci/run and in the repository's own
    pre-commit hooks, with the tools from the test extra."""
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    hooks = (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    for command in ("-m ruff check", "-m ruff format --check", "scripts/typecheck.py"):
        assert command in ci, command
        assert command.replace("-m ", "python -m ").replace("scripts/", "python scripts/") in hooks, command
    assert '"ruff' in pyproject and '"mypy' in pyproject and "[tool.mypy]" in pyproject
