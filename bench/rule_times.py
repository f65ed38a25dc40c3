#!/usr/bin/env python3
"""Seconds and memory per rule on one file, in one process: where a run's time goes.

    python bench/rule_times.py FILE                    # every default rule
    python bench/rule_times.py FILE --select D,N       # some rules
    python bench/rule_times.py FILE --rounds 3         # best of 3 rounds, a fresh Document each
    python bench/rule_times.py FILE --mem              # tracemalloc peak per rule instead (slow)
    python bench/rule_times.py FILE --cpu              # CPU seconds instead of wall (busy machine)
    python bench/rule_times.py FOLDER --cpu            # summed over every file in the folder
    python bench/rule_times.py FILE --cpu --first-use  # round 1 against round 2, per part
    python bench/rule_times.py FOLDER --cpu --batched  # the files in the runner's batches

Builds the Document (its paragraphs, sentences and words are timed separately), runs the
corpus rules' collect step, then each rule's check, and prints the parts slowest first with
the process's peak RSS. Given a folder, it does the same for each file under it (sorted; each
file's corpus rules see that file's facts only) and sums the parts over the files: where a
run over many small files spends its time. ``--batched`` takes the files in the runner's
batches (``lint/runner.py``: up to 64 small files, each part run over all of a batch's files
before the next part), as a lint run does; without it, one file at a time, which costs a
rule more on small files (less of its code is still in the processor's caches). Rules that share an analysis (the G rules, the O and S rules, the N
rules) pay it in the first of them that runs.

``--first-use`` answers what best-of rounds hide: the work a one-shot run pays once per process
(imports, data files, per-process caches of look-ups). It sets the garbage collector as the CLI
does (``tune_gc``), runs two rounds on fresh Documents and lists each part's first round, second
round and difference, largest difference first.
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
import tracemalloc
from pathlib import Path


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", help="a file, or a folder: every file under it, the times summed")
    ap.add_argument("--select", default="", help="comma-separated code prefixes (default: the default rules)")
    ap.add_argument("--rounds", type=int, default=1, help="report each part's best time over this many rounds")
    ap.add_argument("--mem", action="store_true", help="report each part's tracemalloc peak (MB) instead of its time")
    ap.add_argument("--cpu", action="store_true", help="CPU seconds of this process instead of wall seconds")
    ap.add_argument("--first-use", action="store_true", help="two rounds with the CLI's garbage-collector settings: each part's first round, second round and difference")
    ap.add_argument("--batched", action="store_true", help="a folder's files in the runner's batches, each part run over a batch before the next part")
    a = ap.parse_args()
    if a.first_use:
        if a.mem:
            ap.error("--first-use measures time")
        from garblint.lint.runner import tune_gc

        tune_gc()
        a.rounds = 2
    clock = time.process_time if a.cpu else time.perf_counter
    t0 = clock()
    from garblint.lint.config import Config, convert
    from garblint.lint.runner import selected_rules
    from garblint.lint.textio import read_document

    config = Config({"select": convert("select", a.select.split(","))} if a.select else {})
    rules = selected_rules(config)
    best: dict[str, tuple[float, int]] = {}
    rounds: list[dict[str, tuple[float, int]]] = []

    root = Path(a.file)
    files = sorted(str(p) for p in root.rglob("*") if p.is_file()) if root.is_dir() else [a.file]
    batches = [[f] for f in files]
    if a.batched:
        from garblint.lint.runner import BATCH_FILES, _batches

        batches = [files[r.start : r.stop] for r in _batches([Path(f).stat().st_size for f in files], BATCH_FILES)]
    words = 0
    for _ in range(1 if a.mem else max(1, a.rounds)):
        round_times: dict[str, tuple[float, int]] = {}
        words = 0

        def measure(name: str, fn) -> None:
            if a.mem:
                tracemalloc.start()
            t = clock()
            n = fn()
            value = clock() - t
            if a.mem:
                value = tracemalloc.get_traced_memory()[1] / 1e6
                tracemalloc.stop()
            old, found = round_times.get(name, (0.0, 0))
            # a folder: times add up over the files, memory peaks take the largest
            round_times[name] = (max(old, value) if a.mem else old + value, found + (n or 0))

        for batch in batches:
            docs = [read_document(path, path) for path in batch]
            words += sum(doc.word_count for doc in docs)
            for part in ("paragraphs", "sentences", "words"):
                measure(f"Document.{part}", lambda: sum(1 for doc in docs if getattr(doc, part) and False))
            for r in rules:
                if r.corpus:
                    measure(f"{r.code} collect", lambda: [doc.corpus.__setitem__(r.code, r.merge([r.collect(doc, config)])) for doc in docs] and None)
            for r in rules:
                measure(f"{r.code} {r.name}", lambda: sum(1 for doc in docs for _ in r.check(doc, config)))
        rounds.append(round_times)
        for name, (value, n) in round_times.items():
            if name not in best or value < best[name][0]:
                best[name] = (value, n)
    total = clock() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    where = f" in {len(files):,} files" if root.is_dir() else ""
    print(f"{words:,} words{where}; total {total:.2f} s; peak RSS {peak} MB")
    if a.first_use:
        first, second = (sum(v for v, _ in r.values()) for r in rounds)
        print(f"parts: first round {first:.3f} s, second round {second:.3f} s, difference {first - second:.3f} s")
        diff = {k: rounds[0][k][0] - rounds[1][k][0] for k in rounds[0]}
        for name in sorted(diff, key=lambda k: -diff[k]):
            print(f"{rounds[0][name][0]:8.3f} s {rounds[1][name][0]:8.3f} s {diff[name]:+8.3f} s  {name}")
        return 0
    unit = "MB" if a.mem else "s"
    for name, (value, n) in sorted(best.items(), key=lambda kv: -kv[1][0]):
        print(f"{value:8.3f} {unit}  {name}" + (f"  ({n} findings)" if n else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
