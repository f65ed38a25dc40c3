"""Place near misses (N006, needs ``garblint[places]``): precision on OCR'd news, findings on clean text.

    python eval/places.py --bln ../data/bln600 --texts '../data/aeb/*.body.txt' --clean ../data/clean

* ``--bln DIR``: the BLN600 development articles as ``ID.ocr.txt`` (Gale OCR) beside
  ``ID.gt.txt`` (human transcription; eval/bln600_build.py builds them). N006 runs on the OCR
  side; a finding is right when its suggestion is in the transcription and the flagged word is
  not (the OCR damaged a place name that the transcription spells right). Also reports N006's
  findings on the transcriptions (clean text of the same kind).
* ``--texts GLOB``, ``--clean DIR`` (its ``MANIFEST.tsv``, ``dev`` files): findings per 1,000
  words of clean text.

Real OCR damage is the only annotated place-name damage at hand: the WMT23 dev gold has no
misspelt place names of this kind.
"""

from __future__ import annotations

import argparse
import glob
import sys
from pathlib import Path

from garblint.lint import places
from garblint.lint.config import Config
from garblint.lint.runner import lint_text

CONFIG = Config({"select": ["N006"]})


def _words(text: str) -> int:
    return len(text.split())


def bln(folder: Path, verbose: bool) -> None:
    n = right = words = 0
    gt_n = gt_words = 0
    for ocr in sorted(folder.glob("*.ocr.txt")):
        gt = ocr.with_name(ocr.name.replace(".ocr.", ".gt."))
        if not gt.is_file():
            continue
        text, truth = ocr.read_text(encoding="utf-8"), gt.read_text(encoding="utf-8")
        words += _words(text)
        gt_words += _words(truth)
        for f in lint_text(text, CONFIG):
            n += 1
            sugg = f.suggestions[0].replacement if f.suggestions else ""
            ok = sugg in truth and f.text not in truth
            right += ok
            if verbose:
                print(f"  {'right' if ok else 'wrong'}: {f.text!r} -> {sugg!r}  {text[max(0, f.start - 40) : f.end + 30]!r}")
        for f in lint_text(truth, CONFIG):
            gt_n += 1
            if verbose:
                print(f"  on transcription: {f.text!r}  {truth[max(0, f.start - 40) : f.end + 30]!r}")
    print(f"BLN600 OCR ({words} words): {n} findings, {right} right ({100 * right / max(1, n):.0f}%)")
    print(f"BLN600 transcriptions ({gt_words} words): {gt_n} findings, {1000 * gt_n / max(1, gt_words):.3f} per 1,000 words")


def clean_files(files: list[Path], label: str, verbose: bool) -> None:
    n = words = 0
    for p in files:
        text = p.read_text(encoding="utf-8", errors="replace")
        words += _words(text)
        for f in lint_text(text, CONFIG):
            n += 1
            if verbose:
                print(f"  {p.name}: {f.text!r}  {text[max(0, f.start - 40) : f.end + 30]!r}")
    print(f"{label} ({len(files)} files, {words} words): {n} findings, {1000 * n / max(1, words):.3f} per 1,000 words")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bln", type=Path, help="folder of BLN600 ID.ocr.txt / ID.gt.txt pairs")
    ap.add_argument("--texts", help="a glob of clean text files (quote it)")
    ap.add_argument("--clean", type=Path, help="clean corpus folder with MANIFEST.tsv")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the findings")
    a = ap.parse_args(argv)
    if not places.available():
        print("eval/places.py: the gazetteer is not installed (pip install 'garblint[places]')", file=sys.stderr)
        return 2
    if a.bln:
        bln(a.bln, a.verbose)
    if a.texts:
        clean_files([Path(p) for p in sorted(glob.glob(a.texts))], a.texts, a.verbose)
    if a.clean:
        files = []
        for line in (a.clean / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]:
            genre, name, _source, _n, split = line.split("\t")[:5]
            if split.strip() == "dev":
                files.append(a.clean / genre / name)
        clean_files(files, f"clean corpus {a.clean}", a.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
