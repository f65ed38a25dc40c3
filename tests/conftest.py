"""Shared test fixtures. Tests that read ../shared skip cleanly where it is absent."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("GARBLINT_SHARED", ROOT.parent / "shared"))
# Findings must not depend on the English Hunspell dictionaries a machine happens to have
# installed (lint/lexicon.py reads /usr/share/hunspell otherwise); the CLI runs inherit this.
os.environ.setdefault("GARBLINT_SYSTEM_DICTIONARIES", "0")


@pytest.fixture
def shared_corpus() -> Path:
    d = SHARED / "corpus"
    if not (d / "seed-article.txt").is_file():
        pytest.skip(f"no seed corpus at {d} (a user's clone has no ../shared)")
    return d


@pytest.fixture
def shared_eval() -> Path:
    d = SHARED / "eval"
    if not d.is_dir():
        pytest.skip(f"no evaluation data at {d}")
    return d


def load_gold(corpus: Path) -> list[dict]:
    return [json.loads(line) for line in (corpus / "seed-gold.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]


def gold_span(text: str, item: dict) -> tuple[int, int]:
    """Locate a gold item in the seed text, as the corpus README describes."""
    occ = item.get("occurrence", 0)
    if "quote" in item:
        q = item["quote"]
        left = r"(?<!\w)" if q[:1].isalnum() else ""
        right = r"(?!\w)" if q[-1:].isalnum() else ""
        hits = [m.span() for m in re.finditer(left + re.escape(q) + right, text)]
        return hits[occ]
    start_text = item["paragraph_starting"]
    paras = [m for m in re.finditer(r"(?m)^(?=\S)(.+?)(?=\n\s*\n|\Z)", text, re.S)]
    hits = [m.span(1) for m in paras if m.group(1).startswith(start_text)]
    return hits[occ]


def run_cli(*args: str, input: bytes | None = None, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the installed CLI as a user would (python -m keeps it in this interpreter)."""
    e = dict(os.environ)
    e.pop("NO_COLOR", None)
    e.pop("GARBLINT_LANGUAGETOOL_URL", None)  # set for the real-server tests only; pass env= to use it
    if env:
        e.update(env)
    return subprocess.run(
        [sys.executable, "-m", "garblint.lint.cli", *args],
        input=input,
        capture_output=True,
        cwd=cwd,
        env=e,
        timeout=300,
    )


SARIF_PACKAGE = "@microsoft/jest-sarif"
SARIF_MEMBER_SUFFIX = "sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="session")
def sarif_schema() -> dict:
    """The official SARIF 2.1.0 schema, fetched with ``npm pack`` once and cached."""
    import shutil
    import tarfile
    import tempfile

    cache = Path(os.environ.get("GARBLINT_TEST_CACHE", Path.home() / ".cache" / "garblint-tests"))
    target = cache / SARIF_MEMBER_SUFFIX
    if not target.is_file():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not installed: cannot fetch the SARIF schema")
        with tempfile.TemporaryDirectory() as tmp:
            try:
                proc = subprocess.run(
                    [npm, "pack", SARIF_PACKAGE, "--pack-destination", tmp],
                    capture_output=True, text=True, timeout=180, cwd=tmp,
                )
            except (OSError, subprocess.TimeoutExpired) as exc:
                pytest.skip(f"npm pack {SARIF_PACKAGE} failed: {exc}")
            tgz = next(Path(tmp).glob("*.tgz"), None)
            if proc.returncode != 0 or tgz is None:
                pytest.skip(f"npm pack {SARIF_PACKAGE} failed: {proc.stderr.strip()[:200]}")
            with tarfile.open(tgz) as tar:
                member = next((m for m in tar.getmembers() if m.name.endswith(SARIF_MEMBER_SUFFIX)), None)
                if member is None:
                    pytest.skip(f"{SARIF_PACKAGE} no longer ships {SARIF_MEMBER_SUFFIX}")
                data = tar.extractfile(member).read()
        cache.mkdir(parents=True, exist_ok=True)
        tmp_target = target.with_suffix(".tmp")
        tmp_target.write_bytes(data)
        os.replace(tmp_target, target)
    return json.loads(target.read_text(encoding="utf-8"))


def validate_sarif(doc: dict, schema: dict) -> None:
    import jsonschema

    jsonschema.Draft4Validator(schema).validate(doc)


try:
    from hypothesis import HealthCheck, settings

    settings.register_profile(
        "garblint",
        max_examples=int(os.environ.get("GARBLINT_HYPOTHESIS_EXAMPLES", "60")),
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    settings.load_profile("garblint")
except ImportError:  # pragma: no cover
    pass
