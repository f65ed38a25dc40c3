"""Stress benchmarks (not timed tests): big inputs stay bounded in time and memory.

    python bench/stress.py [--only NAME] [--scale 1.0]

Cases: a 50 MB file, 100,000 small files, a single 10 MB line, a file with 1,000,000
quotation marks, a line of 1,000,000 full stops; and inputs of unusual shape, made from the
benchmark corpus (bench/corpus.py, with its damage): a scraped page whose paragraphs are joined
by single line breaks (one paragraph of 100,000 words), the same words as one line of
comma-separated values, and a 400,000-character run without white space (an encoded blob).
Each runs `garblint check` in a child process and prints wall time, peak RSS (of the child,
from getrusage) and the exit code, plus a 1/4-size run: a cost that grows faster than the input
shows as a ratio above 4.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PARA = (
    "The harbour council postponed its vote on the new ferry contract on Tuesday, saying it "
    "needed more time to study the bids. “We have waited two years,” said one commuter.\n\n"
)


def make_big(d: Path, mb: float) -> list[str]:
    f = d / "big.txt"
    n = int(mb * 1024 * 1024 / len(PARA.encode()))
    f.write_text(PARA * n, encoding="utf-8")
    return [str(f)]


def make_many(d: Path, count: int) -> list[str]:
    folder = d / "many"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:06d}.txt").write_text(PARA if i % 10 else PARA + "the the end\n", encoding="utf-8")
    return [str(folder)]


def make_long_line(d: Path, mb: float) -> list[str]:
    f = d / "line.txt"
    unit = PARA.replace("\n", " ")
    f.write_text(unit * int(mb * 1024 * 1024 / len(unit.encode())), encoding="utf-8")
    return [str(f)]


def make_quotes(d: Path, count: int) -> list[str]:
    f = d / "quotes.txt"
    f.write_text("“" * count + "\n", encoding="utf-8")
    return [str(f)]


def make_dots(d: Path, count: int) -> list[str]:
    f = d / "dots.txt"
    f.write_text("." * count + "\n", encoding="utf-8")
    return [str(f)]


def _articles(words: int) -> list[str]:
    """Articles of the benchmark corpus (bench/corpus.py), ``words`` words in all."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus

    return corpus.articles(words, seed=21)


def make_single_breaks(d: Path, words: int) -> list[str]:
    f = d / "page.txt"
    text = "\n\n".join(_articles(words))
    f.write_text(text.replace("\n\n", "\n"), encoding="utf-8")
    return [str(f)]


def make_csv_line(d: Path, words: int) -> list[str]:
    f = d / "values.csv.txt"
    f.write_text(",".join(" ".join(_articles(words)).split()) + "\n", encoding="utf-8")
    return [str(f)]


def make_blob(d: Path, chars: int) -> list[str]:
    import random

    rng = random.Random(21)
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    f = d / "blob.txt"
    f.write_text("".join(rng.choice(alphabet) for _ in range(chars)) + "\n", encoding="utf-8")
    return [str(f)]


CASES = {
    "file-50MB": lambda d, s: make_big(d, 50 * s),
    "files-100k": lambda d, s: make_many(d, int(100_000 * s)),
    "line-10MB": lambda d, s: make_long_line(d, 10 * s),
    "quotes-1M": lambda d, s: make_quotes(d, int(1_000_000 * s)),
    "dots-1M": lambda d, s: make_dots(d, int(1_000_000 * s)),
    "page-100k": lambda d, s: make_single_breaks(d, int(100_000 * s)),
    "csv-100k": lambda d, s: make_csv_line(d, int(100_000 * s)),
    "blob-400k": lambda d, s: make_blob(d, int(400_000 * s)),
}


# The child reports its own peak RSS on its last stderr line.
CHILD = """
import resource, sys
from garblint.lint.cli import main
try:
    main(sys.argv[1:], prog_name="garblint")
except SystemExit as exc:
    code = exc.code
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""


def run(paths: list[str]) -> tuple[float, float, int]:
    t = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, "check", "--quiet", "--jobs", "1", *paths],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    wall = time.perf_counter() - t
    peak_kb = int(proc.stderr.decode().strip().splitlines()[-1])
    return wall, peak_kb / 1024, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--only", choices=sorted(CASES))
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    print(f"{'case':<12} {'size':>6} {'seconds':>9} {'peak MB':>8} exit  x 1/4-size time")
    for name, make in CASES.items():
        if args.only and name != args.only:
            continue
        quarter = None
        for frac in (0.25, 1.0):
            with tempfile.TemporaryDirectory() as tmp:
                paths = make(Path(tmp), args.scale * frac)
                wall, peak, rc = run(paths)
            ratio = f"{wall / quarter:5.1f}" if quarter else ""
            quarter = quarter or wall
            print(f"{name:<12} {frac:>6.2f} {wall:>9.2f} {peak:>8.0f} {rc:>4}  {ratio}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
