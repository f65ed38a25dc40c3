"""Golden snapshots: what the rules find on the project's own texts, checked in under
``tests/corpus/golden`` so that a change of findings shows up as a reviewable diff.

* ``clean.json`` / ``corrupted.json``: the JSON report (contract version 1, without the tool
  version) of the default rules over ``tests/corpus/clean`` (clean texts of many genres, written
  for the project) and ``tests/corpus/corrupted`` (texts with the damage each family looks
  for), each linted as one run, so corpus rules see the folder;
* ``generated.txt``: one line a finding of the rules on the texts of ``generated.py`` (loops,
  sentence and quotation edges, paragraph copies, foreign phrases), the inputs on which the
  rules' fast paths were once compared with frozen copies of the old code.

``python scripts/update_golden.py`` writes them again; read the diff and commit it with the
change that caused it.
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path
from typing import Callable

import generated as G

from garblint.lint import places
from garblint.lint.config import Config, convert
from garblint.lint.runner import Target, lint_targets, lint_text
from garblint.reports import ReportContext
from garblint.reports.json_report import report_dict

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
GOLDEN = CORPUS / "golden"
CORPORA = ("clean", "corrupted")
SNAPSHOTS = CORPORA + ("generated",)
EXTENSIONS = (".txt", ".md", ".rst")

#: (name, text of a seed, seeds, rules): the generated inputs
GENERATED: list[tuple[str, Callable[[int], str], int, list[str]]] = [
    ("loops", lambda s: G.loop_text(random.Random(s)), 100, ["R"]),
    ("sparse-loops", lambda s: G.sparse_loop_text(random.Random(s)), 40, ["R"]),
    ("sentences", lambda s: G.g_text(random.Random(s)), 100, ["G", "Q"]),
    ("g-rules", lambda s: G.g_rule_text(random.Random(s)), 100, ["G"]),
    ("copies", lambda s: G.d_text(random.Random(s)), 100, ["D", "B"]),
    ("foreign", G.u_text, 80, ["U"]),
]


def corpus_files(name: str) -> list[Path]:
    return sorted(p for p in (CORPUS / name).iterdir() if p.suffix in EXTENSIONS)


def golden_path(name: str) -> Path:
    return GOLDEN / (f"{name}.txt" if name == "generated" else f"{name}.json")


def snapshot(name: str) -> str:
    """The snapshot ``name`` as the code gives it now."""
    if name == "generated":
        return _generated_snapshot()
    targets = [Target(p.name, str(p)) for p in corpus_files(name)]
    # N006's gazetteer is an optional extra: the snapshots are made without it, installed or not
    saved = places._data_dir
    places._data_dir = lambda: None  # type: ignore[assignment]
    places.reset()
    try:
        results = lint_targets(targets, Config(), jobs=1)
    finally:
        places._data_dir = saved  # type: ignore[assignment]
        places.reset()
    data = report_dict(results, ReportContext(version=""))
    del data["tool"]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _short(s: str | None, n: int = 32) -> str:
    if s is None:
        return "-"
    return json.dumps(s if len(s) <= n else s[:n] + f"…+{len(s) - n}", ensure_ascii=False)


def _generated_snapshot() -> str:
    lines = []
    for kind, make, seeds, codes in GENERATED:
        config = Config({"select": convert("select", codes)})
        for seed in range(seeds):
            for f in lint_text(make(seed), config):
                repl = f.suggestions[0].replacement if f.suggestions else None
                # the texts shortened (a loop spans hundreds of characters), a digest of the
                # whole finding (message, suggestions, fingerprint) so no change goes unseen
                digest = hashlib.sha1(json.dumps(f.to_dict(), sort_keys=True).encode("utf-8")).hexdigest()[:10]
                lines.append(f"{kind}:{seed} {f.code} {f.start}-{f.end} {_short(f.text)} -> {_short(repl)} {digest}")
    return "\n".join(lines) + "\n"
