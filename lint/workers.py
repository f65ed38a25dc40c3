"""Worker-process safety: how many processes a run may start, and that they end with it.

- ``available_cores``: the cores this process may run on (its CPU affinity), the cap of --jobs.
- ``die_with_parent``: called first thing in each worker; on Linux the kernel sends the worker
  SIGKILL when the main process ends, however it ends (SIGKILL included); elsewhere the worker
  checks that its parent is still the one that started it.
- ``stop_pool``: the main process stops its workers at once (an interruption, SIGTERM, a pool
  that could not start), without waiting for the files they are linting.
"""
from __future__ import annotations

import os
import signal
import sys
from typing import Any

PR_SET_PDEATHSIG = 1


def available_cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def die_with_parent(parent_pid: int) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the main process's handler (cli.py)
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent ended before the line above took effect
        os._exit(1)


def stop_pool(pool: Any) -> None:
    """Kill a ProcessPoolExecutor's workers (they hold nothing that needs cleaning up: results
    and the cache are written by the main process) and let it go without waiting."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for p in processes:
        try:
            p.kill()
        except (OSError, AttributeError, ValueError):
            pass
    try:
        pool.shutdown(wait=False, cancel_futures=True)
    except Exception:
        pass
    for p in processes:
        try:
            p.join(5)
        except (OSError, AssertionError, ValueError):
            pass


class PoolUnavailable(Exception):
    """Worker processes could not be started; the message is one line."""


def startup_failure(exc: BaseException) -> str:
    reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"cannot start worker processes ({reason}); linting in this process"
