"""Spun text (T rules): findings per 1,000 words on clean text, recall on real spun pages.

    python eval/spun.py --clean ../data/clean --pages ../data/spun/pages
    python eval/spun.py --clean ../data/clean --select T,R003,R004,G006,G007,Q005
    python eval/spun.py --texts '../data/aeb/*.body.txt' --select N005 --examples

* ``--clean DIR``: a clean corpus with a ``MANIFEST.tsv`` (genre, file, source, words, split;
  eval/clean_genres.py builds it); only its ``dev`` files are read. Reports the findings of the
  selected rules per 1,000 words, per genre.
* ``--texts GLOB``: any clean files (AEB article bodies, BLN600 human transcriptions):
  findings of the selected rules per 1,000 words over all of them.
* ``--pages DIR``: real spun pages as ``NAME.txt`` with a ``gold.tsv`` of ``NAME<TAB>spun
  phrase`` lines (a copy editor's marks: each a swapped expression as it stands in the page).
  Reports, per page, the gold phrases some selected finding overlaps, and whether T002 found
  the document spun.

The texts are read at run time and never copied into the project (spun pages are other
people's text: keep them, and the gold, outside the repository).
"""

from __future__ import annotations

import argparse
import glob
import sys
from collections import Counter
from pathlib import Path

from garblint.lint.config import Config, convert
from garblint.lint.runner import lint_text


def _words(text: str) -> int:
    return len(text.split())


def clean_rates(folder: Path, config: Config, examples: list[str]) -> dict[str, tuple[int, int]]:
    manifest = folder / "MANIFEST.tsv"
    out: dict[str, list[int]] = {}
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        genre, name, _source, _n, split = line.split("\t")[:5]
        if split.strip() != "dev":
            continue
        text = (folder / genre / name).read_text(encoding="utf-8", errors="replace")
        findings = lint_text(text, config)
        acc = out.setdefault(genre, [0, 0])
        acc[0] += _words(text)
        acc[1] += len(findings)
        for f in findings:
            if len(examples) < 20:
                examples.append(f"{genre}/{name}: {f.code} {text[max(0, f.start - 30) : f.end + 20]!r}")
    return {g: (w, n) for g, (w, n) in out.items()}


def page_recall(folder: Path, config: Config) -> list[tuple[str, int, int, int, bool, Counter]]:
    gold: dict[str, list[str]] = {}
    for line in (folder / "gold.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip():
            page, phrase = line.split("\t")[:2]
            gold.setdefault(page, []).append(phrase)
    rows = []
    for page, phrases in sorted(gold.items()):
        text = (folder / f"{page}.txt").read_text(encoding="utf-8")
        findings = lint_text(text, config)
        caught = 0
        for phrase in phrases:
            i = text.find(phrase)
            if i >= 0 and any(f.start < i + len(phrase) and i < f.end for f in findings):
                caught += 1
        spun = any(f.code == "T002" and f.severity != "suggestion" for f in findings)
        rows.append((page, _words(text), caught, len(phrases), spun, Counter(f.code for f in findings)))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clean", type=Path, help="clean corpus folder with MANIFEST.tsv")
    ap.add_argument("--texts", help="a glob of clean text files (quote it)")
    ap.add_argument("--pages", type=Path, help="folder of spun pages with gold.tsv")
    ap.add_argument("--select", default="T", help="rule codes or prefixes (default: T)")
    ap.add_argument("--examples", action="store_true", help="show findings on clean text")
    a = ap.parse_args(argv)
    config = Config({"select": convert("select", a.select)})
    if a.clean:
        if not (a.clean / "MANIFEST.tsv").is_file():
            print(f"{a.clean}: no MANIFEST.tsv", file=sys.stderr)
            return 2
        examples: list[str] = []
        rates = clean_rates(a.clean, config, examples)
        total_w = sum(w for w, _ in rates.values())
        total_n = sum(n for _, n in rates.values())
        print(f"Clean text ({a.select}), findings per 1,000 words:")
        for g, (w, n) in sorted(rates.items()):
            print(f"  {g:10} {w:8} words {n:4} findings {1000 * n / max(1, w):6.3f}")
        print(f"  {'all':10} {total_w:8} words {total_n:4} findings {1000 * total_n / max(1, total_w):6.3f}")
        if a.examples:
            for e in examples:
                print("   ", e)
    if a.texts:
        files = sorted(glob.glob(a.texts))
        words = n = 0
        shown: list[str] = []
        for name in files:
            text = Path(name).read_text(encoding="utf-8", errors="replace")
            found = lint_text(text, config)
            words += _words(text)
            n += len(found)
            for f in found:
                if len(shown) < 20:
                    shown.append(f"{Path(name).name[:20]}: {f.code} {text[max(0, f.start - 40) : f.end + 30]!r}")
        print(f"Texts {a.texts} ({a.select}): {len(files)} files, {words} words, {n} findings, {1000 * n / max(1, words):.3f} per 1,000 words")
        if a.examples:
            for e in shown:
                print("   ", e)
    if a.pages:
        if not (a.pages / "gold.tsv").is_file():
            print(f"{a.pages}: no gold.tsv", file=sys.stderr)
            return 2
        rows = page_recall(a.pages, config)
        print(f"Spun pages ({a.select}): gold phrases caught")
        for page, w, c, g, spun, codes in rows:
            print(f"  {page:14} {w:5} words {c:3}/{g:<3} T002 document: {'yes' if spun else 'no '}  {dict(codes)}")
        c = sum(r[2] for r in rows)
        g = sum(r[3] for r in rows)
        print(f"  recall {c}/{g} ({100 * c / max(1, g):.0f}%), documents found spun {sum(r[4] for r in rows)}/{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
