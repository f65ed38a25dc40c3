"""Independent audit: default rules stay quiet on a varied set of clean, well-edited texts.

tests/corpus/clean holds the project's clean texts, among them the texts written for this audit (news features with nested
quotations, a financial report, a science article, sports, a regulation, an interview, a
Markdown README, a recipe, fiction, a historical study quoting period letters, a press release,
a British column, a poem with a refrain). The default rules must find at most one thing per
1,000 words there, and never anything of severity error.
"""
from __future__ import annotations

import json
from pathlib import Path

from conftest import run_cli

from garblint.lint.document import Document

AUDIT = Path(__file__).resolve().parent / "corpus" / "clean"
BUDGET_PER_1000 = 1.0


def _findings():
    p = run_cli("check", str(AUDIT), "--output-format", "json", "--no-cache")
    assert p.returncode in (0, 1), p.stderr.decode("utf-8", "replace")
    report = json.loads(p.stdout.decode("utf-8"))
    out = []
    for f in report["files"]:
        assert f["error"] is None, f
        for x in f["findings"]:
            out.append((Path(f["path"]).name, x["code"], x["severity"], x["message"]))
    return out


def _words() -> int:
    files = sorted(p for p in AUDIT.iterdir() if p.suffix in (".txt", ".md"))
    assert len(files) >= 12
    return sum(Document(p.read_text(encoding="utf-8")).word_count for p in files)


def test_audit_set_within_false_alarm_budget():
    words = _words()
    assert words >= 8000
    found = _findings()
    listing = "\n".join(f"  {name}: {code} [{sev}] {msg}" for name, code, sev, msg in found)
    assert not [f for f in found if f[2] == "error"], "error-severity findings on clean text:\n" + listing
    rate = 1000 * len(found) / words
    assert rate <= BUDGET_PER_1000, f"{len(found)} findings in {words} words ({rate:.2f} per 1,000):\n{listing}"
