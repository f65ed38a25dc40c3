"""False alarms on clean, edited text: findings per 1,000 words, S/O and all rules.

Corpora (outside the repo, never committed):

* ``aeb``: the human-annotated article bodies of the AEB development pages (sha256 0-7),
  ``/work/data/aeb/*.body.txt`` (eval/aeb_build.py builds them): professional news.
* ``clean/<genre>``: the clean corpus of other genres (``/work/data/clean/<genre>/``, its
  ``MANIFEST.tsv`` marks development and held-out files; only ``dev`` files are read).

Counts findings of severity warning or above. Every finding on such text is a false alarm
or a real slip of the original; ``-v`` lists the S/O ones with their words so they can be
judged.

Usage: python eval/clean_fa.py [--aeb DIR] [--clean DIR] [--mode general|ocr] [--json] [-v]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path

from garblint.lint.config import Config
from garblint.lint.document import Document
from garblint.lint.finding import severity_at_least
from garblint.lint.runner import lint_text

AEB = Path("/work/data/aeb")
CLEAN = Path("/work/data/clean")


def corpora(aeb: Path, clean: Path) -> dict[str, list[Path]]:
    out: dict[str, list[Path]] = {}
    bodies = sorted(p for p in aeb.glob("*.body.txt") if p.name[:1] in "01234567")
    if bodies:
        out["aeb"] = bodies
    manifest = clean / "MANIFEST.tsv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                if row.get("split") != "dev":
                    continue
                p = clean / row["genre"] / row["file"]
                if p.is_file():
                    out.setdefault(f"clean/{row['genre']}", []).append(p)
    return out


def evaluate(groups: dict[str, list[Path]], mode: str = "general") -> dict:
    cfg = Config({"mode": mode})
    result = {}
    for name, paths in groups.items():
        words = so = total = 0
        codes: Counter = Counter()
        examples: list[str] = []
        for p in paths:
            text = p.read_text(encoding="utf-8", errors="replace")
            words += Document(text).word_count
            for f in lint_text(text, cfg, path=str(p)):
                if not severity_at_least(f.severity, "warning"):
                    continue
                total += 1
                codes[f.code] += 1
                if f.code[0] in "SO":
                    so += 1
                    sugg = f.suggestions[0].replacement if f.suggestions else ""
                    examples.append(f"{f.code} {f.text!r}->{sugg!r}")
        result[name] = {
            "files": len(paths),
            "words": words,
            "so_per_1000_words": round(so * 1000 / max(1, words), 3),
            "all_per_1000_words": round(total * 1000 / max(1, words), 3),
            "by_code": dict(sorted(codes.items())),
            "so_examples": examples,
        }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--aeb", type=Path, default=AEB)
    ap.add_argument("--clean", type=Path, default=CLEAN)
    ap.add_argument("--only", help="one corpus name (aeb, clean/tech ...)")
    ap.add_argument("--mode", choices=["general", "ocr"], default="general")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    groups = corpora(args.aeb, args.clean)
    if args.only:
        groups = {k: v for k, v in groups.items() if k == args.only}
    if not groups:
        print("clean_fa: no corpus found (build /work/data/aeb and /work/data/clean first)", file=sys.stderr)
        return 2
    r = evaluate(groups, args.mode)
    if args.json:
        print(json.dumps(r, indent=2, ensure_ascii=False))
        return 0
    for name, g in r.items():
        print(
            f"{name}: {g['files']} files, {g['words']} words, mode={args.mode}: S+O {g['so_per_1000_words']} per 1,000 words,"
            f" all rules {g['all_per_1000_words']} {g['by_code']}"
        )
        if args.verbose and g["so_examples"]:
            print("   " + ", ".join(g["so_examples"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
