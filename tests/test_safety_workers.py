"""Issue 20: --jobs is capped, worker start-up failures are one line, workers die with the run."""
from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from garblint.lint.workers import available_cores
from speed_helpers import write_tree

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc for child processes")


def _cli(*args: str, cwd: Path, nofile: int | None = None) -> subprocess.Popen:
    def limits() -> None:
        if nofile:
            resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))

    env = dict(os.environ)
    env.pop("GARBLINT_LANGUAGETOOL_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "garblint.lint.cli", *args], cwd=cwd, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=limits,
    )


def _children(pid: int) -> set[int]:
    out = set()
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != b"Z":
                out.add(int(d))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


def test_jobs_capped_at_cores_with_a_notice(tmp_path):
    write_tree(tmp_path / "tree", 6)
    p = _cli("check", "tree", "--no-cache", "-j", "64", cwd=tmp_path)
    seen: set[int] = set()
    while p.poll() is None:  # count the worker processes while the run goes on
        seen |= _children(p.pid)
        time.sleep(0.01)
    out, err = p.communicate()
    assert p.returncode == 1, err
    assert f"--jobs 64 is more than the {available_cores()} available cores: using {available_cores()}".encode() in err
    assert len(seen) <= available_cores(), seen


@pytest.mark.parametrize("nofile", [10, 12, 13, 14, 16])
def test_pool_start_failure_is_one_line_and_no_hang(tmp_path, nofile):
    write_tree(tmp_path / "tree", 40)
    p = _cli("check", "tree", "--no-cache", "-q", "-j", "2", cwd=tmp_path, nofile=nofile)
    try:
        out, err = p.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        p.kill()
        p.communicate()
        pytest.fail(f"hung with RLIMIT_NOFILE={nofile}")
    assert b"Traceback" not in err, err.decode()
    assert p.returncode == 1, err
    lines = err.decode().splitlines()
    assert all(ln.startswith("garblint: notice: cannot start worker processes") for ln in lines), lines
    assert b"in 40 files." in out


@pytest.mark.skipif(available_cores() < 2, reason="needs two cores for worker processes")
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGKILL])
def test_workers_end_with_the_main_process(tmp_path, sig):
    write_tree(tmp_path / "tree", 3000)
    p = _cli("check", "tree", "--no-cache", "-j", "2", cwd=tmp_path)
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and p.poll() is None:
        workers |= _children(p.pid)
        time.sleep(0.02)
    assert p.poll() is None and workers, "the run should still be going, with its workers"
    p.send_signal(sig)
    p.communicate(timeout=60)
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = [w for w in workers if _alive(w)]
    for w in left:  # do not leave them behind even when the test fails
        os.kill(w, signal.SIGKILL)
    assert not left, f"workers outlived the main process after signal {sig}"
    if sig == signal.SIGTERM:
        assert p.returncode == 128 + signal.SIGTERM
