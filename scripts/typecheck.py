"""Type-check garblint with mypy: ``python scripts/typecheck.py`` (extra arguments go to mypy).

The folders ``lint/``, ``rules/`` and ``reports/`` install as ``garblint.lint``,
``garblint.rules`` and ``garblint.reports`` (pyproject.toml's package-dir), and their modules
import each other relatively (``from ..lint.rule import Rule``). mypy reads source trees, not
that mapping, so this lays the folders out as the package they install as (symbolic links in a
temporary folder, or copies where links are not allowed) and checks it with the settings of
``[tool.mypy]`` in pyproject.toml. Exit status: mypy's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("lint", "rules", "reports")


def main(argv: list[str]) -> int:
    with tempfile.TemporaryDirectory(prefix="garblint-typecheck-") as tmp:
        pkg = Path(tmp) / "garblint"
        pkg.mkdir()
        for name in PACKAGES:
            try:
                os.symlink(ROOT / name, pkg / name, target_is_directory=True)
            except OSError:  # no symbolic links here (Windows without the right): copy
                shutil.copytree(ROOT / name, pkg / name, ignore=shutil.ignore_patterns("__pycache__", "data", "assets"))
        env = dict(os.environ, MYPYPATH=tmp)
        cmd = [sys.executable, "-m", "mypy", "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental"]
        cmd += [arg for name in PACKAGES for arg in ("-p", f"garblint.{name}")] + argv
        return subprocess.run(cmd, cwd=tmp, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
