"""Write the fixed texts of the rule cases: ``python scripts/update_cases.py``.

Every case of ``tests/rules/cases/*.toml`` whose findings have fixes carries the whole text
after ``--fix`` (``fixed``) and, where it differs, after ``--fix --unsafe-fixes``
(``unsafe_fixed``); ``tests/rules/test_cases.py`` checks them. This fills in or updates those two
keys from what garblint does now; read ``git diff tests/rules/cases`` before committing (a fixed
text is a claim that the fix is right). ``--check`` only reports the cases that differ.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "rules"))
sys.path.insert(0, str(ROOT / "tests"))

from test_cases import CASE_DIR, _config, fixed_texts, tomllib  # noqa: E402

_HEADER = re.compile(r"^\[\[case\]\]\s*$", re.M)
_KEY = re.compile(r"^(fixed|unsafe_fixed)\s*=.*$\n?", re.M)


def _toml_string(s: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, for what json.dumps writes)."""
    return json.dumps(s, ensure_ascii=False)


_SERVER: list = []


def _languagetool_url() -> str:
    """The fake LanguageTool server of the tests, started once (for L001 cases)."""
    if not _SERVER:
        from languagetool_fake import FakeLanguageTool

        _SERVER.append(FakeLanguageTool().__enter__())
    return _SERVER[0].url


def update_file(path: Path, check: bool) -> int:
    text = path.read_text(encoding="utf-8")
    data = tomllib.loads(text)
    cases = data.get("case", [])
    starts = [m.start() for m in _HEADER.finditer(text)]
    assert len(starts) == len(cases), f"{path}: cannot line up [[case]] headers"
    pieces = [text[: starts[0]] if starts else text]
    changed = 0
    for k, case in enumerate(cases):
        block = text[starts[k] : starts[k + 1] if k + 1 < len(starts) else len(text)]
        case = dict(case)
        case.setdefault("select", data.get("select"))
        with tempfile.TemporaryDirectory() as tmp:
            url = _languagetool_url() if case.get("languagetool") == "fake" else None
            safe, unsafe = fixed_texts(case, _config(case, Path(tmp), url))
        want = {}
        if safe != case["text"]:
            want["fixed"] = safe
        if unsafe != safe:
            want["unsafe_fixed"] = unsafe
        have = {key: case[key] for key in ("fixed", "unsafe_fixed") if key in case}
        if have != want:
            changed += 1
            print(f"{path.name}: {case.get('name', k)}: {'differs' if check else 'updated'}")
            body = _KEY.sub("", block)
            stripped = body.rstrip("\n")
            tail = body[len(stripped) :] or "\n"
            lines = "".join(f"\n{key} = {_toml_string(value)}" for key, value in want.items())
            block = stripped + lines + tail
        pieces.append(block)
    if changed and not check:
        new = "".join(pieces)
        tomllib.loads(new)  # still valid
        path.write_text(new, encoding="utf-8")
    return changed


def main() -> int:
    ap = argparse.ArgumentParser(description="Fill in the fixed texts of the rule cases.")
    ap.add_argument("--check", action="store_true", help="only report the cases that differ (exit 1 if any)")
    ap.add_argument("files", nargs="*", type=Path, help="case files (default: all)")
    args = ap.parse_args()
    total = sum(update_file(p, args.check) for p in (args.files or sorted(CASE_DIR.glob("*.toml"))))
    return 1 if total and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
