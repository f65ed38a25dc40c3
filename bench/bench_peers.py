#!/usr/bin/env python3
"""Benchmark garblint against its peers on the same news-like input, in one run.

    python bench/bench_peers.py                 # 200,000 words, 3 repeats, all measurements
    python bench/bench_peers.py --repeat 5 --json results.json
    python bench/bench_peers.py --no-peers      # garblint only (jobs, cache, scaling)
    python bench/bench_peers.py --compare /tmp/old-venv/bin/python   # an earlier build in the same run

What it does:

1. builds the input in a temporary folder (bench/corpus.py: a seeded generator over examples/,
   the rule test cases and invented news sentences): one big file and the same text as 2,000
   small files;
2. installs codespell, typos and proselint into the benchmark's own venv under a cache folder
   (``$GARBLINT_BENCH_CACHE`` or ``~/.cache/garblint-bench``); a peer that cannot be installed
   is skipped with a message;
3. runs every tool as a separate process, several times, interleaved (so noise from other
   load on the machine spreads evenly), and reports the median wall time, words per second and
   peak memory (max RSS from GNU ``/usr/bin/time -f %M``, else ``os.wait4``: the largest single
   process; for garblint with several jobs also the sampled sum of the
   process tree);
4. prints garblint's time ratio against each peer, the cache's cold/warm times on the 2,000
   files, and garblint's time on 1x, 4x and 16x the big file;
5. times a one-line file (``The vote was held today.``, what a pre-commit hook or an editor
   lints most: the whole run is start-up) twice: "one line" with every tool's Python byte code
   cached (``PYTHONPYCACHEPREFIX`` in the run's temporary folder, filled by one untimed run of
   each tool first), as after an ordinary install, and "one line, no .pyc" with
   ``PYTHONDONTWRITEBYTECODE=1`` and no prefix, where an editable install compiles garblint's
   own modules on every run (installed peers still read the byte code pip wrote). Both
   ``--no-cache``: without garblint's result cache; its data cache (the lexicon index, the
   language model copy) is used as usual. ``--no-one-line`` leaves these rows out.

Old proselint versions (before 0.14) needed minutes for 200,000 words: ``--proselint-words N``
runs it on a prefix of the input and compares rates per word; the table says so.

garblint runs with its default rules, whichever rule families are installed, ``--no-cache``
(except in the cache rows) and ``--exit-zero``.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import venv
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402

TIME_BIN = "/usr/bin/time"
PEERS = {
    # name: (pip requirement, executable, argv builder for a list of paths)
    "codespell": ("codespell", "codespell", lambda exe, paths: [exe, *paths]),
    "typos": ("typos", "typos", lambda exe, paths: [exe, "--format", "brief", *paths]),
    "proselint": ("proselint", "proselint", None),  # argv depends on the version, see _proselint_argv
}


# ----------------------------------------------------------------- processes
def _tree_rss_kb(root: int) -> int:
    """Sum of RSS (KiB) of ``root`` and its descendants, from /proc (0 where /proc is missing)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    try:
        entries = os.listdir("/proc")
    except OSError:
        return 0
    for e in entries:
        if not e.isdigit():
            continue
        try:
            with open(f"/proc/{e}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(e), int(stat[1])
        children.setdefault(ppid, []).append(pid)
        rss[pid] = int(stat[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
    total, stack = 0, [root]
    while stack:
        p = stack.pop()
        total += rss.get(p, 0)
        stack.extend(children.get(p, []))
    return total


def measure(argv: list[str], cwd: Path, sample_tree: bool = False, env: dict[str, str] | None = None) -> tuple[float, int, int]:
    """Run ``argv``; return (wall seconds, max RSS KiB of one process, sampled tree RSS KiB)."""
    # Through /usr/bin/time where there is one: a child forked from this (large) Python process
    # would report this process's memory as its own peak until it execs.
    rss_file = None
    if os.path.exists(TIME_BIN):
        fd, rss_file = tempfile.mkstemp(prefix="rss-")
        os.close(fd)
        argv = [TIME_BIN, "-f", "%M", "-o", rss_file, *argv]
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.wait(0.05):
            peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))

    th = threading.Thread(target=sample, daemon=True) if sample_tree else None
    if th:
        th.start()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - t0
    stop.set()
    if th:
        th.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    maxrss = usage.ru_maxrss
    if rss_file:
        try:
            lines = Path(rss_file).read_text().split()
            maxrss = int(lines[-1])
        except (OSError, ValueError, IndexError):
            pass
        finally:
            os.unlink(rss_file)
    is_garblint = "garblint.lint.cli" in argv
    # Peers exit non-zero when they find something (codespell 65, typos 2); a signal is a failure.
    if proc.returncode < 0 or (is_garblint and proc.returncode not in (0, 1)) or (not is_garblint and "Traceback" in err):
        raise RuntimeError(f"{' '.join(argv[:4])} ... exited {proc.returncode}: {err.strip()[-400:]}")
    return elapsed, maxrss, max(peak_tree, maxrss)


# ----------------------------------------------------------------- the peers
def cache_dir() -> Path:
    return Path(os.environ.get("GARBLINT_BENCH_CACHE", Path.home() / ".cache" / "garblint-bench"))


def setup_peers(names: list[str]) -> dict[str, str]:
    """Install the peers into the benchmark's own venv; return name -> executable."""
    env_dir = cache_dir() / "peers-venv"
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    if not (bin_dir / "python").exists() and not (bin_dir / "python.exe").exists():
        print(f"creating the peers' venv in {env_dir}", flush=True)
        venv.EnvBuilder(with_pip=True, clear=True).create(env_dir)
    found = {}
    for name in names:
        req, exe, _ = PEERS[name]
        path = bin_dir / exe
        if not path.exists():
            print(f"installing {req} into {env_dir}", flush=True)
            p = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "-q", req], capture_output=True, text=True)
            if p.returncode != 0 or not path.exists():
                print(f"SKIP {name}: cannot install {req}: {(p.stderr or p.stdout).strip().splitlines()[-1:] or 'no executable'}")
                continue
        found[name] = str(path)
    return found


def peer_version(exe: str) -> str:
    try:
        argv = [exe, "version"] if exe.endswith("proselint") else [exe, "--version"]
        p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return (p.stdout or p.stderr).strip().splitlines()[0] if (p.stdout or p.stderr).strip() else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def _proselint_argv(exe: str) -> list[str]:
    """proselint >= 0.14 has subcommands (``proselint check FILE``); older ones take files directly."""
    try:
        help_text = subprocess.run([exe, "--help"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.TimeoutExpired):
        help_text = ""
    return [exe, "check"] if "check" in help_text.replace(",", " ").split() else [exe]


# ----------------------------------------------------------------- the run
ONE_LINE = "The vote was held today.\n"
ONE_LINE_KINDS = ("one line", "one line, no .pyc")


def one_line_env(kind: str, pycache: Path) -> dict[str, str]:
    """The environment of a one-line run: byte code cached in ``pycache``, or none written."""
    env = dict(os.environ)
    if kind == "one line":
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def garblint_argv(paths: list[str], jobs: int, cache: bool = False, python: str | None = None) -> list[str]:
    argv = [python or sys.executable, "-m", "garblint.lint.cli", "check", "-q", "--exit-zero", "-j", str(jobs)]
    if not cache:
        argv.append("--no-cache")
    return argv + paths


def fmt_rate(words: int, secs: float) -> str:
    return f"{words / secs:>12,.0f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--words", type=int, default=200_000, help="size of the 1x input (default 200,000 words)")
    ap.add_argument("--files", type=int, default=2000, help="number of small files (default 2,000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; medians are reported (default 3)")
    ap.add_argument("--seed", type=int, default=20240)
    ap.add_argument("--no-peers", action="store_true", help="measure garblint only")
    ap.add_argument("--peers", default="codespell,typos,proselint", help="comma-separated peers to run")
    ap.add_argument("--proselint-words", type=int, default=0, help="run proselint on a prefix of this many words only (old proselint versions need minutes); 0 = all (default)")
    ap.add_argument("--scaling", default="1,4,16", help="input multiples for the growth test (default 1,4,16)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="'all cores' job count (default: cpu count)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON")
    ap.add_argument("--keep", action="store_true", help="keep the temporary input folder")
    ap.add_argument("--no-one-line", action="store_true", help="leave out the one-line file rows (start-up)")
    ap.add_argument(
        "--cached-bytecode", action="store_true",
        help="run the 1-file and N-file rows with byte code cached too (as the 'one line' row; "
        "default: the environment as it is, see the header line 'byte code')",
    )
    ap.add_argument(
        "--compare", metavar="PYTHON",
        help="also run the garblint installed for this interpreter (say, a venv of an earlier commit) "
        "in the same interleaved rounds, labelled 'garblint@compare'",
    )
    args = ap.parse_args()

    from garblint.lint import __version__
    from garblint.lint.rule import rule_codes
    from garblint.lint.runner import selected_rules
    from garblint.lint.config import Config

    tmp = Path(tempfile.mkdtemp(prefix="garblint-bench-"))
    results: dict = {"meta": {}, "rows": [], "ratios": [], "cache": {}, "scaling": []}
    try:
        info = corpus.build(tmp / "in", args.words, args.files, args.seed)
        words = info["words"]
        big, small = str(info["big"]), str(info["small"])
        default_rules = [r.code for r in selected_rules(Config())]
        meta = {
            "garblint": __version__,
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
            "words": words,
            "small_files": args.files,
            "repeat": args.repeat,
            "default_rules": default_rules,
            "installed_rules": len(rule_codes()),
            "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
            "bytecode": "cached" if args.cached_bytecode else ("not written" if sys.dont_write_bytecode else "as the environment has it"),
        }
        results["meta"] = meta
        print(
            f"garblint {__version__}, Python {meta['python']}, {meta['cpus']} CPUs, load {meta['load_average']}\n"
            f"input: {words:,} words ({info['articles']} articles) as 1 file and as {args.files} files; "
            f"default rules ({len(default_rules)}): {' '.join(default_rules)}\n"
            f"{args.repeat} runs each, interleaved; median wall time reported\n"
            f"byte code (1-file and {args.files}-file rows): {meta['bytecode']}"
            + (" (PYTHONDONTWRITEBYTECODE: an editable install compiles garblint's modules in every run; --cached-bytecode)" if meta["bytecode"] == "not written" else "")
            + "\n",
            flush=True,
        )

        peers = {} if args.no_peers else setup_peers([p.strip() for p in args.peers.split(",") if p.strip() in PEERS])
        versions = {n: peer_version(e) for n, e in peers.items()}

        # The proselint sample: a prefix of the big file and the first files of the folder.
        sample_dir = tmp / "in" / "proselint"
        if "proselint" in peers and args.proselint_words:
            sample_dir.mkdir()
            text = Path(big).read_text(encoding="utf-8")
            cut, n = 0, 0
            for para in text.split("\n\n"):
                if n >= args.proselint_words:
                    break
                n += corpus.word_count(para)
                cut += len(para) + 2
            (sample_dir / "big.txt").write_text(text[:cut], encoding="utf-8")
            small_files = sorted(Path(small).iterdir())
            k, n2 = 0, 0
            (sample_dir / "small").mkdir()
            while k < len(small_files) and n2 < args.proselint_words:
                t = small_files[k].read_text(encoding="utf-8")
                (sample_dir / "small" / small_files[k].name).write_text(t, encoding="utf-8")
                n2 += corpus.word_count(t)
                k += 1
            prose_inputs = {"big": ([str(sample_dir / "big.txt")], corpus.word_count(text[:cut])), "small": (sorted(str(p) for p in (sample_dir / "small").iterdir()), n2)}
        else:
            prose_inputs = {"big": ([big], words), "small": (sorted(str(p) for p in Path(small).iterdir()), words)}
        small_paths = sorted(str(p) for p in Path(small).iterdir())

        # (label, input kind, argv, words, sample tree memory)
        cases: list[tuple[str, str, list[str], int, bool]] = []
        for kind, paths in (("1 file", [big]), (f"{args.files} files", [small])):
            cases.append(("garblint --jobs 1", kind, garblint_argv(paths, 1), words, False))
            if args.compare:
                cases.append(("garblint@compare --jobs 1", kind, garblint_argv(paths, 1, python=args.compare), words, False))
            if args.jobs > 1:
                cases.append((f"garblint --jobs {args.jobs}", kind, garblint_argv(paths, args.jobs), words, True))
                if args.compare:
                    argv = garblint_argv(paths, args.jobs, python=args.compare)
                    cases.append((f"garblint@compare --jobs {args.jobs}", kind, argv, words, True))
            for name, exe in peers.items():
                if name == "proselint":
                    pp, pw = prose_inputs["big" if kind == "1 file" else "small"]
                    label = "proselint" + (f" (first {pw:,} words)" if pw != words else "")
                    cases.append((label, kind, _proselint_argv(exe) + pp, pw, False))
                else:
                    # Peers get the file list, as a shell glob would give it, or the folder for typos.
                    argv_paths = [big] if kind == "1 file" else ([small] if name == "typos" else small_paths)
                    cases.append((name, kind, PEERS[name][2](exe, argv_paths), words, False))

        # The one-line file, with and without cached byte code (see the module docstring).
        envs: dict[int, dict[str, str]] = {}
        if not args.no_one_line:
            one = tmp / "in" / "one-line.txt"
            one.write_text(ONE_LINE, encoding="utf-8")
            for kind in ONE_LINE_KINDS:
                env = one_line_env(kind, tmp / "pycache")
                labels = [("garblint --jobs 1", None)] + ([("garblint@compare --jobs 1", args.compare)] if args.compare else [])
                for label, python in labels:
                    envs[len(cases)] = env
                    cases.append((label, kind, garblint_argv([str(one)], 1, python=python), corpus.word_count(ONE_LINE), False))
                for name, exe in peers.items():
                    argv = _proselint_argv(exe) + [str(one)] if name == "proselint" else PEERS[name][2](exe, [str(one)])
                    envs[len(cases)] = env
                    cases.append((name, kind, argv, corpus.word_count(ONE_LINE), False))
            for i, env in envs.items():  # fill the byte code cache (and any data cache): untimed
                if cases[i][1] == "one line":
                    try:
                        measure(cases[i][2], tmp, env=env)
                    except (RuntimeError, OSError):
                        pass  # reported by the timed runs

        if args.cached_bytecode:
            env = one_line_env("one line", tmp / "pycache")
            for i in range(len(cases)):
                envs.setdefault(i, env)
            # fill the byte code cache: each build and peer once on a few small files, untimed
            few = small_paths[:20]
            warm = [garblint_argv(few, 1)] + ([garblint_argv(few, 1, python=args.compare)] if args.compare else [])
            for name, exe in peers.items():
                warm.append(_proselint_argv(exe) + few if name == "proselint" else PEERS[name][2](exe, few))
            for argv in warm:
                try:
                    measure(argv, tmp, env=env)
                except (RuntimeError, OSError):
                    pass  # reported by the timed runs

        times: dict[int, list[float]] = {i: [] for i in range(len(cases))}
        mem: dict[int, tuple[int, int]] = {i: (0, 0) for i in range(len(cases))}
        failed: dict[int, str] = {}
        for rep in range(args.repeat):
            for i, (label, kind, argv, _, tree) in enumerate(cases):
                if i in failed:
                    continue
                try:
                    t, m1, m2 = measure(argv, tmp, sample_tree=tree, env=envs.get(i))
                except (RuntimeError, OSError) as exc:
                    failed[i] = str(exc)
                    print(f"SKIP {label} on {kind}: {exc}", flush=True)
                    continue
                times[i].append(t)
                mem[i] = (max(mem[i][0], m1), max(mem[i][1], m2))
            print(f"  round {rep + 1}/{args.repeat} done", flush=True)

        print(f"\n{'tool':<34} {'input':<17} {'median s':>9} {'words/s':>12} {'peak MB':>8} {'tree MB':>8}  runs")
        med: dict[tuple[str, str], float] = {}
        rate: dict[tuple[str, str], float] = {}
        for i, (label, kind, _, w, tree) in enumerate(cases):
            if not times[i]:
                continue
            m = statistics.median(times[i])
            med[(label, kind)] = m
            rate[(label, kind)] = w / m
            row = {
                "tool": label, "input": kind, "median_s": round(m, 3), "words": w, "words_per_s": round(w / m),
                "peak_mb": round(mem[i][0] / 1024, 1), "tree_mb": round(mem[i][1] / 1024, 1) if tree else None,
                "runs": [round(x, 3) for x in times[i]],
            }
            results["rows"].append(row)
            tree_s = f"{row['tree_mb']:>8.1f}" if tree else f"{'':>8}"
            print(f"{label:<34} {kind:<17} {m:>9.3f} {fmt_rate(w, m)} {row['peak_mb']:>8.1f} {tree_s}  {', '.join(f'{x:.2f}' for x in times[i])}")

        print("\nratios: garblint time / peer time for the same words (below 1 = garblint faster)")
        kinds = ["1 file", f"{args.files} files"] + ([] if args.no_one_line else list(ONE_LINE_KINDS))
        for kind in kinds:
            for g in [c[0] for c in cases if c[0].startswith("garblint") and c[1] == kind]:
                if (g, kind) not in rate:
                    continue
                for p in [c[0] for c in cases if not c[0].startswith("garblint") and c[1] == kind]:
                    if (p, kind) not in rate:
                        continue
                    ratio = rate[(p, kind)] / rate[(g, kind)]  # per word, so proselint's sample is fair
                    results["ratios"].append({"garblint": g, "peer": p, "input": kind, "ratio": round(ratio, 3)})
                    print(f"  {kind:<17} {g:<20} vs {p:<34} {ratio:>8.2f}x")
        if args.compare:
            print("garblint time / garblint@compare time (above 1 = this build is slower)")
            for (label, kind), m in med.items():
                other = (label.replace("garblint ", "garblint@compare ", 1), kind)
                if label.startswith("garblint --") and other in med:
                    ratio = m / med[other]
                    results["ratios"].append({"garblint": label, "peer": other[0], "input": kind, "ratio": round(ratio, 3)})
                    print(f"  {kind:<17} {label:<20} vs {other[0]:<34} {ratio:>8.2f}x")
        if versions:
            print("peers: " + "; ".join(f"{n} {v}" for n, v in versions.items()))

        # The cache: a cold run (after clean) and warm runs over the unchanged 2,000 files.
        print(f"\ncache on {args.files} files (--jobs {args.jobs}):")
        cold, warm = [], []
        cache_cwd = tmp / "cachecwd"
        cache_cwd.mkdir()
        for _ in range(args.repeat):
            shutil.rmtree(cache_cwd / ".garblint_cache", ignore_errors=True)
            cold.append(measure(garblint_argv([small], args.jobs, cache=True), cache_cwd)[0])
            warm.append(measure(garblint_argv([small], args.jobs, cache=True), cache_cwd)[0])
        c, w_ = statistics.median(cold), statistics.median(warm)
        nocache = med.get((f"garblint --jobs {args.jobs}" if args.jobs > 1 else "garblint --jobs 1", f"{args.files} files"))
        results["cache"] = {"cold_s": round(c, 3), "warm_s": round(w_, 3), "warm_over_cold": round(w_ / c, 3), "no_cache_s": nocache}
        print(f"  first run (empty cache) {c:.3f} s, second run (unchanged tree) {w_:.3f} s: {100 * w_ / c:.0f}% of the first")
        if nocache:
            print(f"  (the same run with --no-cache: {nocache:.3f} s; the second run takes {100 * w_ / nocache:.0f}% of that)")

        # Growth: 1x, 4x, 16x the big file, one job.
        print("\ngrowth (garblint --jobs 1, one file):")
        base_text = Path(big).read_text(encoding="utf-8")
        base_t = None
        mults = [int(x) for x in args.scaling.split(",") if x.strip()]
        for mult in mults:
            f = tmp / "in" / f"big_x{mult}.txt"
            f.write_text("\n".join([base_text] * mult), encoding="utf-8")
            # the largest input (16x: about 20 MB) also with all jobs, interleaved with the one-job
            # runs: a huge file is linted in windows, which the jobs share (lint/bigfile.py)
            many = mult == max(mults) and mult > 1 and args.jobs > 1
            ts, mm, tj, mj, tree = [], 0, [], 0, 0
            for _ in range(args.repeat):
                t, m1, _ = measure(garblint_argv([str(f)], 1), tmp)
                ts.append(t)
                mm = max(mm, m1)
                if many:
                    t, m1, m2 = measure(garblint_argv([str(f)], args.jobs), tmp, sample_tree=True)
                    tj.append(t)
                    mj, tree = max(mj, m1), max(tree, m2)
            m = statistics.median(ts)
            base_t = base_t or m / mult
            row = {"multiple": mult, "words": words * mult, "bytes": f.stat().st_size, "median_s": round(m, 3), "peak_mb": round(mm / 1024, 1), "time_over_1x": round(m / (base_t * 1), 2)}
            print(f"  {mult:>3}x {words * mult:>11,} words  {m:>8.3f} s  {words * mult / m:>10,.0f} words/s  {mm / 1024:>7.1f} MB  {m / base_t:>6.2f}x the 1x time")
            if tj:
                mt = statistics.median(tj)
                row.update(jobs=args.jobs, jobs_median_s=round(mt, 3), jobs_over_one=round(mt / m, 3), jobs_peak_mb=round(mj / 1024, 1), jobs_tree_mb=round(tree / 1024, 1))
                print(
                    f"  {mult:>3}x with --jobs {args.jobs}: {mt:.3f} s = {mt / m:.2f}x the --jobs 1 time; "
                    f"peak {mj / 1024:.1f} MB (largest process), {tree / 1024:.1f} MB all processes"
                )
            results["scaling"].append(row)

        one = rate.get(("garblint --jobs 1", "1 file"))
        if one:
            print("\ntargets (default rules): >= 100,000 words/s per core; peak < 300 MB; 16x input within 17x time")
            print(f"  words/s on one core (1 file): {one:,.0f}")
            peak = next((r["peak_mb"] for r in results["rows"] if r["tool"] == "garblint --jobs 1" and r["input"] == "1 file"), None)
            print(f"  peak memory (1 file, --jobs 1): {peak} MB")
            if results["scaling"] and results["scaling"][-1]["multiple"] > 1:
                s = results["scaling"][-1]
                print(f"  {s['multiple']}x input took {s['time_over_1x']}x the 1x time")
        huge = results["scaling"][-1] if results["scaling"] and results["scaling"][-1]["multiple"] > 1 else None
        if huge:
            print(f"\nhuge file target: {huge['bytes'] / 1e6:.1f} MB in one file, peak <= 400 MB with --jobs 1, --jobs 2 in <= 0.65x its time")
            print(f"  --jobs 1: {huge['median_s']:.3f} s, peak {huge['peak_mb']} MB")
            if "jobs_over_one" in huge:
                print(f"  --jobs {huge['jobs']}: {huge['jobs_over_one']}x the --jobs 1 time, {huge['jobs_tree_mb']} MB all processes")
        ones = [r for r in results["rows"] if r["tool"] == "garblint --jobs 1" and r["input"] in ONE_LINE_KINDS]
        if ones:
            print("\nstart-up target: a one-line file, no cache, in at most 0.2 s and 40 MB")
            for r in ones:
                print(f"  {r['input']}: {r['median_s']:.3f} s, {r['peak_mb']} MB")
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
            print(f"\nwrote {args.json}")
    finally:
        if args.keep:
            print(f"inputs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
