"""Issue 20: SARIF URIs are percent-encoded and relative to %SRCROOT% (the git root), never
../; GitHub annotations carry UTF-16 columns."""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse
from urllib.request import url2pathname

import jsonschema
import pytest

from conftest import run_cli

DIRTY = "The the vote was held on Monday.\n"
# RFC 3986 URI-reference characters: unreserved, reserved, and percent-encoded octets
URI_CHARS = re.compile(r"(?:[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*\Z")


def _validate(doc: dict, schema: dict) -> None:
    pytest.importorskip("rfc3986_validator")  # jsonschema checks "uri-reference" with it
    jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker()).validate(doc)


def _resolve(run: dict, loc: dict) -> Path:
    uri = loc["uri"]
    if "uriBaseId" in loc:
        uri = urljoin(run["originalUriBaseIds"][loc["uriBaseId"]]["uri"], uri)
    parsed = urlparse(uri)
    assert parsed.scheme == "file", uri
    return Path(url2pathname(parsed.path))


@pytest.fixture
def repo(tmp_path):
    root = tmp_path / "repo"
    (root / "docs").mkdir(parents=True)
    (root / "sub").mkdir()
    subprocess.run(["git", "init", "-q"], cwd=root, check=True)
    for name in ("my file#1%.txt", "caf\u00e9 [draft].txt", "plain.txt"):
        (root / "docs" / name).write_text(DIRTY, encoding="utf-8")
    (tmp_path / "outside.txt").write_text(DIRTY, encoding="utf-8")
    return root


def test_sarif_uris_are_encoded_and_relative_to_the_git_root(repo, sarif_schema):
    p = run_cli("check", "../docs", str(repo.parent / "outside.txt"), "--output-format", "sarif", cwd=repo / "sub")
    assert p.returncode == 1, p.stderr
    doc = json.loads(p.stdout)
    _validate(doc, sarif_schema)
    run = doc["runs"][0]
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == repo.as_uri() + "/"
    locs = [res["locations"][0]["physicalLocation"]["artifactLocation"] for res in run["results"]]
    locs += [a["location"] for a in run["artifacts"]]
    seen = set()
    for loc in locs:
        assert URI_CHARS.match(loc["uri"]), loc
        assert "../" not in loc["uri"] and not loc["uri"].startswith(".."), loc
        seen.add(_resolve(run, loc))
    assert seen == {repo / "docs" / "my file#1%.txt", repo / "docs" / "caf\u00e9 [draft].txt", repo / "docs" / "plain.txt", repo.parent / "outside.txt"}
    rel = {loc["uri"] for loc in locs if loc.get("uriBaseId") == "%SRCROOT%"}
    assert rel == {"docs/my%20file%231%25.txt", "docs/caf%C3%A9%20%5Bdraft%5D.txt", "docs/plain.txt"}
    assert unquote("docs/my%20file%231%25.txt") == "docs/my file#1%.txt"


def test_sarif_root_is_the_current_folder_outside_git(tmp_path, sarif_schema):
    (tmp_path / "a b.txt").write_text(DIRTY, encoding="utf-8")
    p = run_cli("check", "a b.txt", "--output-format", "sarif", cwd=tmp_path)
    doc = json.loads(p.stdout)
    _validate(doc, sarif_schema)
    run = doc["runs"][0]
    loc = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert loc == {"uri": "a%20b.txt", "uriBaseId": "%SRCROOT%", "index": 0}
    assert _resolve(run, loc) == tmp_path / "a b.txt"


def test_github_columns_are_utf16(tmp_path):
    # U+1F600 is one code point but two UTF-16 code units: GitHub counts the latter
    (tmp_path / "a.txt").write_text("\U0001F600 \U0001F600 The the vote.\n", encoding="utf-8")
    p = run_cli("check", "a.txt", "--select", "R001", "--output-format", "github", cwd=tmp_path)
    line = p.stdout.decode().strip()
    assert line.startswith("::warning file=a.txt,line=1,col=7,endLine=1,endColumn=14,"), line
    j = json.loads(run_cli("check", "a.txt", "--select", "R001", "--output-format", "json", cwd=tmp_path).stdout)
    f = j["files"][0]["findings"][0]
    assert (f["column"], f["end_column"]) == (5, 12)  # garblint's own columns: code points
