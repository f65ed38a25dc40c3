"""Issue 20: --diff output applies with real `git apply` and `patch -p1`, byte for byte the same
as --fix: a/ b/ names, CRLF and lone-CR lines, a BOM, a legacy encoding, no final newline."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import run_cli

FILES = {
    "plain.txt": "First line is fine.\nIt rained on on the parade ,sadly.\nLast line.\n".encode(),
    "crlf.txt": b"First line.\r\nIt rained on on the parade ,sadly.\r\nLast.\r\n",
    "lone cr.txt": b"Old Mac file.\rIt rained on on the parade.\rEnd.\n",
    "bom.txt": "\ufeffIt rained on on the parade ,sadly.\nSecond.\n".encode(),
    "legacy.txt": "The caf\u00e9 owner said the the menu changed.\n".encode("cp1252"),
    "sub/no newline.md": b"A line.\nIt rained on on the parade",
}


def _tree(root: Path) -> None:
    for name, data in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)


def _read(root: Path) -> dict[str, bytes]:
    return {name: (root / name).read_bytes() for name in FILES}


@pytest.fixture
def diff_and_fixed(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    _tree(src)
    p = run_cli("check", ".", "--diff", "--select", "R001,P", "--no-cache", cwd=src)
    assert p.returncode == 1, p.stderr
    assert _read(src) == FILES  # --diff writes nothing
    fixed = tmp_path / "fixed"
    shutil.copytree(src, fixed)
    f = run_cli("check", ".", "--fix", "--select", "R001,P", "--no-cache", cwd=fixed)
    assert f.returncode in (0, 1), f.stderr
    want = _read(fixed)
    assert all(want[n] != FILES[n] for n in FILES), "every file should have a fix"
    return p.stdout, want, tmp_path


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_diff_applies_with_git_apply(diff_and_fixed):
    diff, want, tmp_path = diff_and_fixed
    assert b"--- a/plain.txt\n+++ b/plain.txt\n" in diff
    work = tmp_path / "git"
    work.mkdir()
    _tree(work)
    subprocess.run(["git", "init", "-q"], cwd=work, check=True)
    (tmp_path / "fix.patch").write_bytes(diff)
    r = subprocess.run(["git", "apply", "--check", "-v", str(tmp_path / "fix.patch")], cwd=work, capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    r = subprocess.run(["git", "apply", str(tmp_path / "fix.patch")], cwd=work, capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert _read(work) == want


@pytest.mark.skipif(shutil.which("patch") is None, reason="needs GNU patch")
def test_diff_applies_with_patch_p1(diff_and_fixed):
    diff, want, tmp_path = diff_and_fixed
    work = tmp_path / "patch"
    work.mkdir()
    _tree(work)
    r = subprocess.run(["patch", "-p1", "--batch", "--no-backup-if-mismatch"], input=diff, cwd=work, capture_output=True)
    assert r.returncode == 0, (r.stdout + r.stderr).decode()
    assert _read(work) == want


def test_utf16_file_gets_a_notice_not_a_broken_diff(tmp_path):
    (tmp_path / "wide.txt").write_bytes("\ufeffIt rained on on the parade.\n".encode("utf-16"))
    p = run_cli("check", "wide.txt", "--diff", "--select", "R001", "--no-cache", cwd=tmp_path)
    assert p.stdout == b""
    assert b"wide.txt: no diff shown" in p.stderr
