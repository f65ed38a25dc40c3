"""Build the BLN600 development set (OCR text and human transcription, sentence by sentence).

BLN600 (Booth, Thomas and Gaizauskas 2024): 600 articles from 19th-century British
newspapers, Gale's OCR aligned sentence by sentence with a human transcription. Source: the
repository Shef-AIRE/llms_post-ocr_correction, ``data/Sequences.zip`` (one file per article:
``OCR Text: ...`` / ``Ground Truth: ...`` pairs). Its ``data/test.csv`` names the articles of
the reserved test split: they are skipped, only the other articles are written.

Writes, for each development article ``ID``: ``ID.ocr.txt`` and ``ID.gt.txt`` with one
sentence a line (line k of one is line k of the other), into ``--out`` (default
/work/data/bln600). Never commit these texts; evaluation only (eval/bln600.py).

Usage: python eval/bln600_build.py --git-dir /work/.mirror/Shef-AIRE+llms_post-ocr_correction/repo
       python eval/bln600_build.py --zip Sequences.zip --test-csv test.csv
"""

from __future__ import annotations

import argparse
import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path


def parse_sequences(raw: str) -> list[tuple[str, str]]:
    """``OCR Text:`` / ``Ground Truth:`` pairs of one article file."""
    pairs: list[tuple[str, str]] = []
    ocr: str | None = None
    for line in raw.splitlines():
        if line.startswith("OCR Text:"):
            ocr = line[len("OCR Text:") :].strip()
        elif line.startswith("Ground Truth:") and ocr is not None:
            pairs.append((ocr, line[len("Ground Truth:") :].strip()))
            ocr = None
    return pairs


def test_ids(csv_text: str) -> set[str]:
    return {row["Sample ID"].strip() for row in csv.DictReader(io.StringIO(csv_text))}


def build(zip_bytes: bytes, test_csv: str, out: Path) -> tuple[int, int]:
    reserved = test_ids(test_csv)
    out.mkdir(parents=True, exist_ok=True)
    kept = skipped = 0
    with zipfile.ZipFile(io.BytesIO(zip_bytes)) as zf:
        for name in sorted(zf.namelist()):
            stem = Path(name).stem
            if not name.endswith(".txt") or not stem.isdigit():
                continue
            if stem in reserved:
                skipped += 1
                continue
            pairs = parse_sequences(zf.read(name).decode("utf-8", "replace"))
            if not pairs:
                continue
            (out / f"{stem}.ocr.txt").write_text("\n".join(p[0] for p in pairs) + "\n", encoding="utf-8")
            (out / f"{stem}.gt.txt").write_text("\n".join(p[1] for p in pairs) + "\n", encoding="utf-8")
            kept += 1
    (out / "README.txt").write_text(
        "BLN600 development articles (not in data/test.csv), built by garblint's eval/bln600_build.py\n"
        "from Shef-AIRE/llms_post-ocr_correction data/Sequences.zip. ID.ocr.txt = Gale OCR,\n"
        "ID.gt.txt = human transcription, one aligned sentence a line. Evaluation only; do not\n"
        "commit or copy into tests. Cite Booth, Thomas and Gaizauskas 2024 (BLN600).\n",
        encoding="utf-8",
    )
    return kept, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--git-dir", type=Path, help="a git directory of Shef-AIRE/llms_post-ocr_correction")
    ap.add_argument("--zip", type=Path, help="Sequences.zip (instead of --git-dir)")
    ap.add_argument("--test-csv", type=Path, help="data/test.csv (instead of --git-dir)")
    ap.add_argument("--out", type=Path, default=Path("/work/data/bln600"))
    args = ap.parse_args(argv)
    if args.git_dir:

        def show(path: str) -> bytes:
            return subprocess.run(["git", "--git-dir", str(args.git_dir), "show", f"HEAD:{path}"], check=True, capture_output=True).stdout

        zip_bytes, test_csv = show("data/Sequences.zip"), show("data/test.csv").decode("utf-8")
    elif args.zip and args.test_csv:
        zip_bytes, test_csv = args.zip.read_bytes(), args.test_csv.read_text(encoding="utf-8")
    else:
        ap.error("give --git-dir, or --zip and --test-csv")
    kept, skipped = build(zip_bytes, test_csv, args.out)
    print(f"bln600: {kept} development articles written to {args.out}; {skipped} test articles skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
