"""Regenerate the rules table in README.md from the rules' docstrings.

    python scripts/update_readme.py          # rewrite README.md
    python scripts/update_readme.py --check  # exit 1 if README.md is out of date
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

from garblint.lint.cli import rules_table

README = Path(__file__).resolve().parent.parent / "README.md"
BLOCK = re.compile(r"(<!-- rules-table:start[^>]*-->\n)(.*?)(<!-- rules-table:end -->)", re.S)


def updated(text: str) -> str:
    return BLOCK.sub(lambda m: m.group(1) + rules_table("markdown") + m.group(3), text, count=1)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = updated(text)
    if "--check" in sys.argv:
        return 0 if new == text else 1
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
