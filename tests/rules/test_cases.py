"""Rule test cases kept as data: every ``cases/*.toml`` file, one parametrised test per case.

A case file has an optional top-level ``select`` (the codes its cases run with) and a list of
``[[case]]`` tables::

    select = ["R001"]

    [[case]]
    name = "doubled word across a line break"
    text = "the vote\\nvote was held"
    expect = [{code = "R001", text = "vote\\nvote", replacement = "vote", safe = true}]

    [[case]]
    name = "legitimate repeat"
    text = "What he had had was enough."
    expect = []

Each expected entry must match a finding by code and exact span text; ``replacement`` must be
one of its suggestions (and ``safe`` that suggestion's safety). Findings of the selected codes
that no entry expects fail the case, so every case also checks for false alarms. Optional per
case: ``select``, ``config`` (config keys), ``names``, ``words`` and ``tortured-phrases`` (list
entries, written to temporary files), ``allow_extra = true`` to tolerate other findings, ``path``
(a file name such as ``"guide.rst"``: the text is parsed as that kind of file). An expected
entry may give the finding's ``line`` and ``column`` in the source (1-based).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from garblint.lint.config import Config, convert
from garblint.lint.runner import lint_text

CASE_DIR = Path(__file__).parent / "cases"


def _load_cases():
    out = []
    for path in sorted(CASE_DIR.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data.get("case", [])):
            case = dict(case)
            case.setdefault("select", data.get("select"))
            out.append(pytest.param(case, id=f"{path.stem}:{case.get('name', i)}"))
    return out


def _config(case: dict, tmp_path: Path) -> Config:
    values = {}
    for key, value in (case.get("config") or {}).items():
        values[key] = convert(key, value, tmp_path)
    if case.get("select"):
        values["select"] = convert("select", case["select"])
    for key in ("names", "words", "tortured-phrases"):
        if case.get(key):
            f = tmp_path / f"{key}.txt"
            f.write_text("\n".join(case[key]) + "\n", encoding="utf-8")
            values[key] = values.get(key, []) + [str(f)]
    return Config(values)


@pytest.mark.parametrize("case", _load_cases())
def test_case(case: dict, tmp_path: Path) -> None:
    findings = lint_text(case["text"], _config(case, tmp_path), path=case.get("path"))
    expected = case.get("expect", [])
    unmatched = list(findings)
    for exp in expected:
        hit = next((f for f in unmatched if f.code == exp["code"] and ("text" not in exp or f.text == exp["text"])), None)
        assert hit is not None, f"expected {exp} in {[(f.code, f.text) for f in findings]}"
        unmatched.remove(hit)
        if "replacement" in exp:
            repls = [s.replacement for s in hit.suggestions]
            assert exp["replacement"] in repls, f"{exp['code']} on {hit.text!r}: suggestions {repls}"
            if "safe" in exp:
                sugg = next(s for s in hit.suggestions if s.replacement == exp["replacement"])
                assert sugg.safe == exp["safe"], f"{exp['code']} on {hit.text!r}: safe={sugg.safe}"
        if "severity" in exp:
            assert hit.severity == exp["severity"]
        for key in ("line", "column"):
            if key in exp:
                assert getattr(hit, key) == exp[key], f"{exp['code']} on {hit.text!r}: {key} {getattr(hit, key)}"
    if not case.get("allow_extra"):
        assert not unmatched, "unexpected findings: " + repr([(f.code, f.text, f.message) for f in unmatched])
