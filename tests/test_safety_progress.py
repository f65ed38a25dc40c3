"""Issue 20: progress on standard error only when it is a terminal and the run is long; never
in a pipe or a report."""
from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from speed_helpers import write_tree

pty = pytest.importorskip("pty")


def _run(tmp_path: Path, *args: str, tty: bool, after: str) -> tuple[bytes, bytes, int]:
    """The CLI with standard error on a pseudo-terminal (tty) or a pipe; stdout always a pipe."""
    env = dict(os.environ, GARBLINT_PROGRESS_AFTER=after)
    env.pop("GARBLINT_LANGUAGETOOL_URL", None)
    cmd = [sys.executable, "-m", "garblint.lint.cli", "check", "tree", "--no-cache", *args]
    if not tty:
        p = subprocess.run(cmd, cwd=tmp_path, env=env, capture_output=True, timeout=300)
        return p.stdout, p.stderr, p.returncode
    master, slave = pty.openpty()
    p = subprocess.Popen(cmd, cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    err = b""
    out_chunks = []
    while True:
        ready, _, _ = select.select([master, p.stdout], [], [], 300)
        if not ready:
            p.kill()
            pytest.fail("no output for 300 s")
        if master in ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the child closed the terminal
                chunk = b""
            err += chunk
        if p.stdout in ready:
            chunk = p.stdout.read1(65536) if hasattr(p.stdout, "read1") else p.stdout.read()
            out_chunks.append(chunk)
            if not chunk and p.poll() is not None:
                break
        if p.poll() is not None and master not in ready and p.stdout not in ready:
            break
    out_chunks.append(p.stdout.read())
    p.wait()
    os.close(master)
    return b"".join(out_chunks), err, p.returncode


def test_progress_on_a_terminal_only(tmp_path):
    write_tree(tmp_path / "tree", 60)
    out, err, code = _run(tmp_path, "-j", "1", tty=True, after="0")
    assert code == 1
    assert b"garblint: linting 60/60 files" in err
    assert err.count(b"\r\x1b[K") >= 2  # drawn over one line, and cleared at the end
    assert b"files" not in out.split(b"\n")[0] and b"\x1b[K" not in out and b"linting" not in out
    # the same run with standard error in a pipe: no progress at all
    out2, err2, code2 = _run(tmp_path, "-j", "1", tty=False, after="0")
    assert code2 == 1 and err2 == b"" and out2 == out
    # a report written with -o never holds it either
    out3, err3, _ = _run(tmp_path, "-j", "1", "-o", "report.txt", tty=True, after="0")
    assert b"linting" in err3 and b"linting" not in (tmp_path / "report.txt").read_bytes()


def test_no_progress_for_a_short_run(tmp_path):
    write_tree(tmp_path / "tree", 5)
    _, err, code = _run(tmp_path, "-j", "1", tty=True, after="1000")
    assert code == 1 and b"linting" not in err
    _, err, _ = _run(tmp_path, "-j", "1", "-q", tty=True, after="0")
    assert b"linting" not in err
