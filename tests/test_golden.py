"""Golden snapshots (see ``golden.py``): the rules' findings on the project's own corpora and
generated texts are the checked-in ones. A change that moves findings fails here with a diff:
run ``python scripts/update_golden.py``, review ``git diff tests/corpus/golden`` and commit it
with the change, saying why the findings moved."""

from __future__ import annotations

import difflib
import json

import pytest

from golden import CORPORA, SNAPSHOTS, corpus_files, golden_path, snapshot

MAX_DIFF_LINES = 150
#: rule families the corrupted corpus must keep exercising (new families may add texts)
FAMILIES = "BDEGNOPQRSUX"


@pytest.mark.parametrize("name", SNAPSHOTS)
def test_findings_match_the_golden_snapshot(name: str) -> None:
    want = golden_path(name).read_text(encoding="utf-8")
    got = snapshot(name)
    if got != want:
        diff = list(difflib.unified_diff(want.splitlines(), got.splitlines(), f"golden/{golden_path(name).name}", "now", lineterm=""))
        shown = "\n".join(diff[:MAX_DIFF_LINES]) + (f"\n... ({len(diff) - MAX_DIFF_LINES} more lines)" if len(diff) > MAX_DIFF_LINES else "")
        pytest.fail(
            f"findings differ from the golden snapshot {golden_path(name).name}; if the change is "
            f"meant, run `python scripts/update_golden.py`, review and commit the diff:\n{shown}",
            pytrace=False,
        )


@pytest.mark.parametrize("name", CORPORA)
def test_corpora_are_there(name: str) -> None:
    assert len(corpus_files(name)) >= 10, f"tests/corpus/{name} lacks its texts"


def test_corrupted_corpus_exercises_every_family() -> None:
    data = json.loads(golden_path("corrupted").read_text(encoding="utf-8"))
    found = {f["code"][0] for r in data["files"] for f in r["findings"]}
    missing = sorted(set(FAMILIES) - found)
    assert not missing, f"no finding of families {missing} in tests/corpus/corrupted"
