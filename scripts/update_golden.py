"""Write the golden snapshots again: ``python scripts/update_golden.py``.

The snapshots (``tests/corpus/golden``) are the findings of the rules on the project's own clean
and corrupted corpora (``tests/corpus``) and on generated texts (``tests/generated.py``); see
``tests/golden.py``. After a change to a rule, run this, read ``git diff tests/corpus/golden``
and commit the diff with the change, saying why the findings moved. ``--check`` only compares
(exit 1 and a diff on a difference), as ``tests/test_golden.py`` does.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from golden import SNAPSHOTS, golden_path, snapshot  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description="Write (or --check) the golden snapshots of tests/corpus/golden.")
    ap.add_argument("--check", action="store_true", help="compare only; print the diff and exit 1 on a difference")
    args = ap.parse_args()
    changed = 0
    for name in SNAPSHOTS:
        path = golden_path(name)
        new = snapshot(name)
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        if new == old:
            print(f"{path.name}: unchanged")
            continue
        changed += 1
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), f"golden/{path.name}", "now"))
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(new, encoding="utf-8")
            print(f"{path.name}: written ({len(new.splitlines())} lines)")
    return 1 if changed and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
