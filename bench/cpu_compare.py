#!/usr/bin/env python3
"""CPU seconds (user + system) of garblint against another build, interleaved: a comparison that
holds up on a busy shared machine, where wall times of the same run vary by 2x.

    python bench/cpu_compare.py /path/to/other/venv/bin/python [--rounds 5] [--words 200000]
    python bench/cpu_compare.py OTHER --data-cache /tmp/gl-data   # a data cache of this run's own

``--this-path DIR`` runs this build from a copy of the code in DIR/garblint (``git archive HEAD |
tar -x -C DIR/garblint``) instead of the installed one. ``--data-cache DIR`` points both builds' ``GARBLINT_DATA_CACHE`` (the language model copy, the
lexicon index) at DIR, so other programs on the machine cannot replace those files mid-run and
make one build pay a rebuild the other does not; one untimed warm-up round fills it.

Builds the benchmark input (bench/corpus.py: one file and 2,000 files), then runs each build with
``-j 1 --no-cache`` on each input and on a one-line file, alternating builds every round, and
prints the median CPU seconds, wall seconds and peak RSS of each, and the CPU ratio.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float]:
    t = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(argv[:6])} ... failed")
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("other", help="the python of the build to compare with")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--words", type=int, default=200_000)
    ap.add_argument("--data-cache", metavar="DIR", help="GARBLINT_DATA_CACHE for both builds (warmed up first)")
    ap.add_argument(
        "--this-path",
        metavar="DIR",
        help="PYTHONPATH for this build's runs only: a folder holding a copy of the code as garblint/ (e.g. from git archive), measured while the work tree changes",
    )
    a = ap.parse_args()
    if a.data_cache:
        os.environ["GARBLINT_DATA_CACHE"] = a.data_cache
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        corpus.build(work, a.words, n_files=2000)
        one = work / "one-line.txt"
        one.write_text("The vote was held today.\n")
        inputs = {"1 file": str(work / "big.txt"), "2,000 files": str(work / "small"), "one line": str(one)}
        builds = {"this build": sys.executable, "other": a.other}
        res: dict = {}
        this_env = None
        if a.this_path:
            this_env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [a.this_path, os.environ.get("PYTHONPATH")])))
        for r in range(a.rounds + (1 if a.data_cache else 0)):
            for kind, path in inputs.items():
                for name, py in builds.items():
                    argv = [py, "-m", "garblint.lint.cli", "check", "-q", "--exit-zero", "-j", "1", "--no-cache", path]
                    took = run(argv, this_env if name == "this build" else None)
                    if r or not a.data_cache:  # (the first round only fills the data cache)
                        res.setdefault((kind, name), []).append(took)
    print(f"{a.rounds} rounds, builds alternating; medians")
    print(f"{'input':<12} {'build':<11} {'CPU s':>7} {'wall s':>7} {'peak MB':>8}")
    for (kind, name), rows in res.items():
        cpu, wall, rss = (statistics.median(r[i] for r in rows) for i in range(3))
        print(f"{kind:<12} {name:<11} {cpu:>7.3f} {wall:>7.3f} {rss:>8.1f}")
    for kind in inputs:
        mine = statistics.median(r[0] for r in res[(kind, "this build")])
        other = statistics.median(r[0] for r in res[(kind, "other")])
        print(f"{kind:<12} CPU this build / other: {mine / other:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
