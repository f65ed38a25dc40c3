"""Faults (issue 11): files that vanish or change between listing and reading, a full disk or a
read-only folder during --fix, an interrupted run. No traceback, no half-written file, the
original intact."""
from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from garblint.lint import fixer
from garblint.lint.cli import main
from garblint.lint.config import Config
from garblint.lint.runner import discover, lint_targets

BAD = "The council met on Tuesday ,and the the vote was held.\n"
FIXED = "The council met on Tuesday, and the vote was held.\n"


def _cli(*args: str):
    return CliRunner().invoke(main, ["check", "--no-cache", *args], catch_exceptions=False)


def _no_temp_files(folder) -> bool:
    return not [p for p in os.listdir(folder) if p.endswith(".garblint-tmp")]


def _one_error_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    lines = [ln for ln in stderr.splitlines() if ln.startswith("garblint: error:")]
    assert len(lines) == 1, stderr
    return lines[0]


# ------------------------------------------------------ listing vs reading
def test_file_deleted_after_listing_is_an_error_for_that_file_only(tmp_path):
    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(BAD, encoding="utf-8")
    config = Config({})
    targets = discover([str(tmp_path)], config)
    assert [t.path.rsplit("/", 1)[-1] for t in targets] == ["a.txt", "b.txt"]
    (tmp_path / "a.txt").unlink()
    results = lint_targets(targets, config)
    assert results[0].error == "no such file or directory"
    assert results[1].error is None and results[1].findings


def test_file_deleted_between_lint_and_fix(tmp_path, monkeypatch):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(BAD, encoding="utf-8")
    b.write_text(BAD, encoding="utf-8")
    real = fixer.fix_results

    def delete_then_fix(targets, results, *args, **kw):
        a.unlink()
        return real(targets, results, *args, **kw)

    monkeypatch.setattr(fixer, "fix_results", delete_then_fix)
    res = _cli("--fix", str(tmp_path))
    assert res.exit_code == 2
    line = _one_error_line(res.stderr)
    assert "a.txt" in line and "cannot read for fixing" in line
    assert b.read_text(encoding="utf-8") == FIXED  # the other file is still fixed


def test_file_changed_while_being_fixed_is_left_alone(tmp_path, monkeypatch):
    a = tmp_path / "a.txt"
    a.write_text(BAD, encoding="utf-8")
    edited = "Someone else saved this meanwhile ,here.\n"
    real = fixer.fix_document

    def edit_meanwhile(doc, lint, **kw):
        out = real(doc, lint, **kw)
        a.write_text(edited, encoding="utf-8")
        return out

    monkeypatch.setattr(fixer, "fix_document", edit_meanwhile)
    res = _cli("--fix", str(a))
    assert res.exit_code == 2
    assert "changed on disk while garblint was fixing it" in _one_error_line(res.stderr)
    assert a.read_text(encoding="utf-8") == edited  # the other writer's bytes survive
    assert _no_temp_files(tmp_path)


# --------------------------------------------------- disk full, read-only
@pytest.mark.parametrize("where", ["write", "replace"])
def test_full_disk_during_fix(tmp_path, monkeypatch, where):
    a = tmp_path / "a.txt"
    a.write_text(BAD, encoding="utf-8")

    def full(*args, **kw):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(fixer.os, "fsync" if where == "write" else "replace", full)
    res = _cli("--fix", str(a))
    assert res.exit_code == 2
    line = _one_error_line(res.stderr)
    assert str(a.name) in line and "cannot write fixes" in line and os.strerror(errno.ENOSPC) in line
    assert a.read_text(encoding="utf-8") == BAD
    assert _no_temp_files(tmp_path)


def test_read_only_folder_during_fix_simulated(tmp_path, monkeypatch):
    """Root ignores permission bits, so the folder's refusal is simulated where the temp file is made."""
    a = tmp_path / "a.txt"
    a.write_text(BAD, encoding="utf-8")

    def refuse(*args, **kw):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))

    monkeypatch.setattr(fixer.tempfile, "mkstemp", refuse)
    res = _cli("--fix", str(a))
    assert res.exit_code == 2
    line = _one_error_line(res.stderr)
    assert "cannot create a temporary file" in line and os.strerror(errno.EACCES) in line
    assert a.read_text(encoding="utf-8") == BAD
    assert _no_temp_files(tmp_path)


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root ignores folder permission bits")
def test_read_only_folder_during_fix_chmod(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    a = folder / "a.txt"
    a.write_text(BAD, encoding="utf-8")
    folder.chmod(0o555)
    try:
        res = _cli("--fix", str(a))
    finally:
        folder.chmod(0o755)
    assert res.exit_code == 2
    assert "cannot" in _one_error_line(res.stderr)
    assert a.read_text(encoding="utf-8") == BAD
    assert _no_temp_files(folder)


def test_interrupt_during_write_leaves_no_temp_file(tmp_path, monkeypatch):
    a = tmp_path / "a.txt"
    a.write_text(BAD, encoding="utf-8")

    def interrupted(*args, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(fixer.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        fixer.write_atomic(str(a), FIXED.encode(), expected=BAD.encode())
    assert a.read_text(encoding="utf-8") == BAD
    assert _no_temp_files(tmp_path)


def test_interrupt_anywhere_in_check_exits_130_without_traceback(tmp_path, monkeypatch):
    from garblint.lint import cli

    (tmp_path / "a.txt").write_text(BAD, encoding="utf-8")

    def interrupted(*args, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "discover", interrupted)  # outside the runner's own handler
    res = _cli(str(tmp_path))
    assert res.exit_code == 130
    assert res.stderr.strip() == "garblint: error: interrupted"


# ------------------------------------------------------------- real SIGINT
def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigint_during_fix_of_many_files(tmp_path, jobs):
    folder = tmp_path / "docs"
    folder.mkdir()
    n = 400
    body = BAD * 30
    for i in range(n):
        (folder / f"{i:04d}.txt").write_text(body, encoding="utf-8")
    want = FIXED * 30
    proc = subprocess.Popen(
        [sys.executable, "-m", "garblint.lint.cli", "check", "--fix", "--no-cache", "--jobs", jobs, "--select", "P,R", str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
        # Ctrl-C's default action for the child, whatever this process inherited: a suite
        # started in the background (``cmd &``, nohup) ignores SIGINT, an ignored signal stays
        # ignored across exec, and Python then installs no KeyboardInterrupt handler.
        preexec_fn=_default_sigint,
    )
    # Wait until fixing has begun (a file changed), then press Ctrl-C (the whole process group).
    deadline = time.monotonic() + 240
    files = sorted(folder.iterdir())
    while proc.poll() is None and time.monotonic() < deadline:
        if files[0].read_text(encoding="utf-8") != body:
            break
        time.sleep(0.005)
    assert proc.poll() is None, "the run ended before it could be interrupted"
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    stderr = err.decode("utf-8", "replace")
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "garblint: error: interrupted" in stderr
    states = [f.read_text(encoding="utf-8") for f in sorted(folder.iterdir()) if f.suffix == ".txt"]
    assert len(states) == n and set(states) <= {body, want}  # every file original or fully fixed
    assert want in states and body in states  # it really stopped part way
    assert _no_temp_files(folder)
