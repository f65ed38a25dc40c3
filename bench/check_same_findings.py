"""Check that an optimisation leaves garblint's findings byte for byte the same.

    python bench/check_same_findings.py --save     # before optimising: write the reference
    python bench/check_same_findings.py            # after each change: compare (exit 1 if not)

Inputs, all linted with the full default rule set, no cache, JSON report, one job unless said:

- the benchmark corpus (``bench/corpus.py``, 200,000 words) as one file, with one job and with
  two (the big-file split), and a second one from another seed;
- the same corpus as 2,000 small files, with one job and with two (the corpus pass, workers);
- every ``.txt`` fixture under ``tests/`` and ``examples/``;
- the seed article in ``$GARBLINT_SHARED/corpus`` (default ``../shared``), with and without its
  names list (skipped when absent).

The reference goes to ``$GARBLINT_SAME_DIR`` (default ``~/.cache/garblint-same``).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import corpus  # noqa: E402


def _lint(args: list[str], cwd: Path, jobs: int = 1) -> bytes:
    cmd = [sys.executable, "-m", "garblint.lint.cli", "check", "--no-cache", "-j", str(jobs),
           "--exit-zero", "--output-format", "json", *args]
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True)
    if proc.returncode != 0:
        raise SystemExit(f"garblint failed on {args}: {proc.stderr.decode(errors='replace')[-500:]}")
    return proc.stdout


def cases(work: Path) -> dict[str, tuple[list[str], Path, int]]:
    corpus.build(work, 200_000, n_files=2000)
    corpus.build(work / "other", 200_000, n_files=1, seed=777)
    out: dict[str, tuple[list[str], Path, int]] = {
        "bench-big": (["big.txt"], work, 1),
        "bench-big-j2": (["big.txt"], work, 2),
        "bench-big-other-seed": (["other/big.txt"], work, 1),
        "bench-files": (["small"], work, 1),
        "bench-files-j2": (["small"], work, 2),
    }
    fixtures = sorted(str(p.relative_to(ROOT)) for d in ("tests", "examples") for p in (ROOT / d).rglob("*.txt"))
    out["fixtures"] = (fixtures, ROOT, 1)
    shared = Path(os.environ.get("GARBLINT_SHARED", ROOT.parent / "shared")) / "corpus"
    art, names = shared / "seed-article.txt", shared / "seed-names.txt"
    if art.exists():
        out["seed"] = ([str(art)], ROOT, 1)
        if names.exists():
            out["seed-names"] = ([str(art), "--names", str(names)], ROOT, 1)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--save", action="store_true", help="write the reference instead of comparing")
    a = ap.parse_args()
    ref = Path(os.environ.get("GARBLINT_SAME_DIR", Path.home() / ".cache" / "garblint-same"))
    ref.mkdir(parents=True, exist_ok=True)
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (args, cwd, jobs) in cases(Path(tmp)).items():
            got = _lint(args, cwd, jobs)
            path = ref / f"{name}.json"
            if a.save:
                path.write_bytes(got)
                print(f"saved {name}: {len(got):,} bytes")
            elif not path.exists():
                print(f"MISSING reference for {name} (run with --save first)")
                bad += 1
            elif path.read_bytes() != got:
                (ref / f"{name}.new.json").write_bytes(got)
                print(f"DIFFERENT {name}: see {path} and {ref / (name + '.new.json')}")
                bad += 1
            else:
                print(f"same {name}: {len(got):,} bytes")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
