"""scripts/new_rule.py writes a new rule's skeleton: a rule class, two cases, a word list."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


def _script():
    spec = importlib.util.spec_from_file_location("new_rule", ROOT / "scripts" / "new_rule.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    (root / "rules" / "data").mkdir(parents=True)
    (root / "tests" / "rules" / "cases").mkdir(parents=True)
    shutil.copy(ROOT / "rules" / "punctuation.py", root / "rules" / "punctuation.py")
    return root


def test_new_rule_skeleton(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert _script().main(["Z901", "odd-thing", "--family", "oddities", "--category", "garble", "--words", "odd-words", "--root", str(root)]) == 0
    module = (root / "rules" / "oddities.py").read_text(encoding="utf-8")
    tree = ast.parse(module)
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef))
    assert cls.name == "OddThing" and 'code = "Z901"' in module and 'word_set("odd-words")' in module
    for heading in ("What it flags:", "Why:", "Example:", "Fix:"):
        assert heading in ast.get_docstring(cls)
    cases = tomllib.loads((root / "tests" / "rules" / "cases" / "oddities.toml").read_text(encoding="utf-8"))["case"]
    assert len(cases) == 2 and cases[0]["expect"] and cases[1]["expect"] == []
    assert (root / "rules" / "data" / "odd-words.txt").read_text(encoding="utf-8").startswith("#")
    # a second rule joins the same module and case file
    assert _script().main(["Z902", "odder-thing", "--family", "oddities", "--category", "garble", "--root", str(root)]) == 0
    assert len(tomllib.loads((root / "tests" / "rules" / "cases" / "oddities.toml").read_text(encoding="utf-8"))["case"]) == 4
    ast.parse((root / "rules" / "oddities.py").read_text(encoding="utf-8"))


def test_new_rule_refuses_a_code_in_use_and_bad_names(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    for argv in (
        ["P001", "x-y", "--family", "f", "--category", "garble"],
        ["Z1", "x-y", "--family", "f", "--category", "garble"],
        ["Z903", "Not_Kebab", "--family", "f", "--category", "garble"],
    ):
        with pytest.raises(SystemExit):
            _script().main(argv + ["--root", str(root)])
    assert not (root / "rules" / "f.py").exists()
