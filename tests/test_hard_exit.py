"""The ``garblint`` command leaves the process without tearing the interpreter down
(``cli.entry``): exit codes, reports and exit handlers are as an ordinary exit gives them, and
the runner then keeps only the last batch's Documents (``runner.KEEP_LAST_DOCUMENTS``)."""

from __future__ import annotations

import json
import subprocess
import sys

from garblint.lint import runner
from garblint.lint.config import Config
from garblint.lint.runner import Target, _lint_many


def _garblint(*args: str, cwd) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "garblint.lint.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_exit_codes_and_reports_survive_the_hard_exit(tmp_path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("The the committee met on Tuesday to vote on the budget.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("The committee met on Tuesday to vote on the budget.\n", encoding="utf-8")

    found = _garblint("check", "--no-cache", "-j", "1", str(bad), cwd=tmp_path)
    assert found.returncode == 1
    assert "R001" in found.stdout and found.stdout.rstrip().endswith("in 1 file.")

    clean = _garblint("check", "--no-cache", "-j", "1", str(good), cwd=tmp_path)
    assert (clean.returncode, clean.stderr) == (0, "")
    assert "All clear" in clean.stdout

    report = tmp_path / "out.json"  # written to a file: complete on disk when the process is gone
    wrote = _garblint("check", "--no-cache", "--exit-zero", "-j", "1", "--output-format", "json", "-o", str(report), str(bad), cwd=tmp_path)
    assert wrote.returncode == 0
    assert [f["code"] for f in json.loads(report.read_text(encoding="utf-8"))["files"][0]["findings"]] == ["R001"]

    missing = _garblint("check", "--no-cache", str(tmp_path / "nope.txt"), cwd=tmp_path)
    assert missing.returncode == 2 and "nope.txt" in missing.stderr and "Traceback" not in missing.stderr

    usage = _garblint("check", "--no-such-option", cwd=tmp_path)
    assert usage.returncode == 2 and "No such option" in usage.stderr


def test_exit_handlers_run_before_the_hard_exit(tmp_path) -> None:
    mark = tmp_path / "mark"
    code = (
        "import atexit, sys\n"
        f"atexit.register(lambda: open({str(mark)!r}, 'w').write('ran'))\n"
        "from garblint.lint.cli import entry\n"
        "sys.argv = ['garblint', 'rules']\n"
        "entry()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0 and "R001" in done.stdout
    assert mark.read_text() == "ran"


def test_only_the_last_batch_is_kept(tmp_path, monkeypatch) -> None:
    paths = []
    for i in range(3):
        p = tmp_path / f"f{i}.txt"
        p.write_text(f"File number {i} says the vote was held today.\n", encoding="utf-8")
        paths.append(p)
    config = Config({"select": ["R001"]})
    targets = [Target(str(p)) for p in paths]

    monkeypatch.setattr(runner, "_LAST_DOCUMENTS", [])
    _lint_many(targets[:2], config, {})
    assert runner._LAST_DOCUMENTS == []  # the Python API keeps nothing

    monkeypatch.setattr(runner, "KEEP_LAST_DOCUMENTS", True)
    _lint_many(targets[:2], config, {})
    assert [d.path for d in runner._LAST_DOCUMENTS] == [str(paths[0]), str(paths[1])]
    _lint_many(targets[2:], config, {})
    assert [d.path for d in runner._LAST_DOCUMENTS] == [str(paths[2])]


def test_a_profiled_run_still_writes_its_profile(tmp_path) -> None:
    """Under a profiler (here cProfile, as docs/performance.md's pyinstrument) the ordinary exit
    is kept: the profiler writes its report after the command returns."""
    out = tmp_path / "run.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(out), "-m", "garblint.lint.cli", "rules"], capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0 and "R001" in done.stdout
    assert out.stat().st_size > 0
