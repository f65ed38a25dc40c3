"""Benchmark the HTML report: its size, render time, and how fast headless Chromium opens it.

    python bench/html_report.py [--files 200] [--paras 30]

Makes a synthetic corpus (words from a small list, with doubled words and misplaced commas so
the rules fire), plus one large file, in a temporary folder; prints the numbers.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

WORDS = "the council said that ferry vote board harbour winter timetable commuters tickets pier waiting room".split()


def make_corpus(folder: Path, n_files: int, paras: int, big_paras: int, seed: int = 1) -> None:
    rng = random.Random(seed)

    def para(n: int) -> str:
        words = []
        for _ in range(n):
            w = rng.choice(WORDS)
            words.append(w + " " + w if rng.random() < 0.02 else w)
        return " ".join(words).replace(" ferry ", " ferry , ", 1).capitalize() + ".The end ."

    for i in range(n_files):
        (folder / f"f{i:04d}.txt").write_text("\n\n".join(para(rng.randint(20, 60)) for _ in range(paras)) + "\n", encoding="utf-8")
    (folder / "huge.txt").write_text("\n\n".join(para(40) for _ in range(big_paras)) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--paras", type=int, default=30)
    ap.add_argument("--big-paras", type=int, default=6000)
    args = ap.parse_args()
    from garblint.lint.config import Config
    from garblint.lint.runner import discover, lint_targets, selected_rules
    from garblint.reports import ReportContext, get_writer

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        make_corpus(corpus, args.files, args.paras, args.big_paras)
        size = sum(p.stat().st_size for p in corpus.iterdir())
        config = Config().merged({"output-format": "html"})
        t0 = time.perf_counter()
        results = lint_targets(discover([str(corpus)], config), config)
        t1 = time.perf_counter()
        ctx = ReportContext(version="bench", rules=[type(r) for r in selected_rules(config)])
        page = get_writer("html")(results, ctx)
        t2 = time.perf_counter()
        out = Path(tmp) / "report.html"
        out.write_text(page, encoding="utf-8")
        n = sum(len(r.findings) for r in results)
        print(f"input: {len(results)} files, {size / 1e6:.1f} MB, {n} findings; lint {t1 - t0:.2f} s")
        print(f"report: {len(page.encode()) / 1e6:.1f} MB, rendered in {t2 - t1:.2f} s")
        from chromium_cdp import Chromium, find_chromium

        exe = find_chromium()
        if exe is None:
            print("no chromium: browser timings skipped")
            return 0
        b = Chromium(exe, Path(tmp) / "profile", timeout=120)
        try:
            t = time.perf_counter()
            b.open(out)
            loaded = time.perf_counter() - t
            dcl = b.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd") / 1000
            print(f"browser: load event after {loaded:.2f} s (DOMContentLoaded at {dcl:.2f} s)")
            big = 0
            for i, r in enumerate(results):
                if r.path.endswith("huge.txt"):
                    big = i
            for label, expr in (
                ("open the large file (as written)", f"garblintReport.openFile({big})"),
                ("suggestions applied (all)", "garblintReport.setLevel('all'); garblintReport.setView('applied')"),
                ("side-by-side diff", "garblintReport.setView('diff')"),
                ("back to as written", "garblintReport.setView('written')"),
            ):
                ms = b.evaluate(f"(() => {{ const t = performance.now(); {expr}; return performance.now() - t; }})()")
                print(f"browser: {label}: {ms / 1000:.2f} s ({len(results[big].findings)} findings)")
        finally:
            b.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
