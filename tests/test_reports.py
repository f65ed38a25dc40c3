"""Reports: the JSON contract, SARIF against the official schema, GitHub annotations."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT, run_cli, validate_sarif
from garblint.lint.finding import CATEGORIES

CONTRACT = json.loads((ROOT / "reports" / "garblint-report.schema.json").read_text(encoding="utf-8"))

TEXTS = {
    # findings at the very start, on an empty line's neighbour, after astral characters, at the end
    "start.txt": "  ,start with a stray comma\n",
    "astral.txt": "😀😀 the the end\n\nCafé 🎉 met on on Monday.",
    "crlf.txt": "Line one.\r\n\r\nThe the line three ,ok\r\n",
    "end.txt": "It ends with a doubled word word",
    "clean.txt": "Nothing wrong here.\n",
}


@pytest.fixture
def corpus(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8", newline="")
    return tmp_path


def test_json_matches_contract_and_spans(corpus):
    p = run_cli("check", ".", "--output-format", "json", cwd=corpus)
    data = json.loads(p.stdout)
    jsonschema.Draft202012Validator(CONTRACT).validate(data)
    assert data["version"] == 1 and data["tool"]["name"] == "garblint"
    total = 0
    for f in data["files"]:
        text = (corpus / f["path"]).read_bytes().decode("utf-8")
        lines = text.splitlines(keepends=True)
        for x in f["findings"]:
            total += 1
            s, e = x["span"]["start"], x["span"]["end"]
            assert text[s:e] == x["text"]
            # line/column agree with the span (1-based, code points)
            line_start = sum(len(ln) for ln in lines[: x["line"] - 1])
            assert s - line_start + 1 == x["column"]
    assert data["summary"]["findings"] == total > 0
    assert sum(data["summary"]["by_code"].values()) == total


def test_contract_schema_categories_match_code():
    enum = CONTRACT["$defs"]["finding"]["properties"]["category"]["enum"]
    assert sorted(enum) == sorted(CATEGORIES)


def test_json_reports_file_errors(corpus):
    p = run_cli("check", "missing.txt", "clean.txt", "--output-format", "json", cwd=corpus)
    data = json.loads(p.stdout)
    jsonschema.Draft202012Validator(CONTRACT).validate(data)
    assert data["files"][0]["error"] == "no such file or directory"
    assert data["summary"]["errors"] == 1


def test_sarif_validates_and_has_what_github_needs(corpus, sarif_schema):
    p = run_cli("check", ".", "missing.txt", "--output-format", "sarif", "--select", "ALL", cwd=corpus)
    doc = json.loads(p.stdout)
    validate_sarif(doc, sarif_schema)
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    driver = run["tool"]["driver"]
    assert driver["name"] == "garblint" and driver["rules"]
    for rule in driver["rules"]:
        assert rule["id"] and rule["name"] and rule["shortDescription"]["text"]
        assert rule["fullDescription"]["text"] and rule["help"]["text"]
    assert run["results"]
    for res in run["results"]:
        assert driver["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        assert res["level"] in ("error", "warning", "note")
        assert res["message"]["text"]
        loc = res["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert not loc["artifactLocation"]["uri"].startswith("/")
        region = loc["region"]
        for key in ("startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength"):
            assert key in region
        assert res["partialFingerprints"]
    # a result after astral characters has code-point columns
    astral = [r for r in run["results"] if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "astral.txt"]
    first = min(astral, key=lambda r: r["locations"][0]["physicalLocation"]["region"]["charOffset"])
    assert first["locations"][0]["physicalLocation"]["region"]["startColumn"] == 4  # after two emoji and a space
    assert any(r.get("fixes") for r in run["results"])
    assert run["invocations"][0]["executionSuccessful"] is False  # missing.txt


def test_sarif_fingerprints_survive_inserted_lines(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("The the end.\n", encoding="utf-8")
    one = json.loads(run_cli("check", "a.txt", "--output-format", "sarif", cwd=tmp_path).stdout)
    f.write_text("A new first line.\n\nThe the end.\n", encoding="utf-8")
    two = json.loads(run_cli("check", "a.txt", "--output-format", "sarif", cwd=tmp_path).stdout)
    fp = lambda d: [r["partialFingerprints"] for r in d["runs"][0]["results"]]
    assert fp(one) == fp(two)


def test_sarif_empty_run_validates(tmp_path, sarif_schema):
    (tmp_path / "a.txt").write_text("Fine.\n", encoding="utf-8")
    doc = json.loads(run_cli("check", "a.txt", "--output-format", "sarif", cwd=tmp_path).stdout)
    validate_sarif(doc, sarif_schema)
    assert doc["runs"][0]["results"] == []


def test_github_annotations_escape(tmp_path):
    (tmp_path / "a,b.txt").write_text("100% sure: the the end\n", encoding="utf-8")
    p = run_cli("check", "a,b.txt", "--output-format", "github", cwd=tmp_path)
    line = p.stdout.decode().strip().splitlines()[0]
    assert line.startswith("::warning file=a%2Cb.txt,line=1,col=12,endLine=1,endColumn=19,title=R001 repeated-word::")
    assert "repeated word 'the'" in line


def test_colour_only_when_asked(tmp_path):
    (tmp_path / "a.txt").write_text("The the end.\n", encoding="utf-8")
    assert b"\x1b[" in run_cli("check", "a.txt", "--color", "always", cwd=tmp_path).stdout
    assert b"\x1b[" not in run_cli("check", "a.txt", cwd=tmp_path).stdout


def test_statistics(tmp_path):
    (tmp_path / "a.txt").write_text("The the end, and and more ,here.\n", encoding="utf-8")
    out = run_cli("check", "a.txt", "--statistics", "--quiet", cwd=tmp_path).stdout.decode()
    assert "2  R001  repeated-word" in out and "1  P001  space-before-punctuation" in out


def test_reports_get_rule_metadata_from_the_context_not_the_registry():
    """Reports see results and the ReportContext only (the CLI puts the rules' metadata there)."""
    import re

    for path in sorted((Path(__file__).resolve().parent.parent / "reports").glob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"lint\.rule\b|lint import rule|get_rule|all_rules|load_rules", text), path.name


def test_check_options_cover_every_cli_option():
    import pytest

    from garblint.lint.cli import check
    from garblint.lint.options import FIELDS, CheckOptions

    assert {p.name for p in check.params} - {"paths"} == set(FIELDS)
    with pytest.raises(TypeError):
        CheckOptions.from_cli({"no_such_option": True})
    assert CheckOptions(fix=True).writes_fixes and not CheckOptions(fix=True, diff=True).writes_fixes
