"""False alarms on clean text: findings (warning and above) per 1,000 words, per genre.

    python eval/clean_genres.py [--data /work/data/clean] [--split dev|holdout|all]
                                [--genres rst,md] [--select CODES] [--show N] [--json]
    python eval/clean_genres.py --dir /work/data/prose-extra/meta-verify [--dir ...]

Reads the corpus eval/clean_build.py writes (``MANIFEST.tsv`` and ``<genre>/<file>``): well
edited reStructuredText and Markdown documentation, plain-text technical documents, fiction,
licences and news. Every finding there is a false alarm (or, rarely, a real slip of the
authors'). Each file is linted under its own name, so ``.rst`` and ``.md`` files are parsed as
such. Prints, per genre and split, the words, the findings of severity warning or above, the
rate per 1,000 words and the commonest rules; ``--show N`` prints N findings per genre with
their line, for reading. Words are counted in the file's whole source text.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from garblint.lint.config import Config, convert
from garblint.lint.finding import severity_at_least
from garblint.lint.runner import lint_text

WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
GENRES = ("rst", "md", "tech", "fiction", "legal", "news")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="/work/data/clean")
    ap.add_argument("--split", default="all", choices=("dev", "holdout", "all"))
    ap.add_argument("--genres", default=",".join(GENRES))
    ap.add_argument("--select", default="ALL")
    ap.add_argument("--threshold", default="warning", help="lowest severity counted (default warning)")
    ap.add_argument("--show", type=int, default=0, help="print up to N findings per genre")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--dir",
        action="append",
        default=[],
        help="lint every .txt, .md and .rst file under DIR instead (repeatable; each folder is one set, split 'dev')",
    )
    args = ap.parse_args()
    data = Path(args.data)
    manifest = data / "MANIFEST.tsv"
    config = Config({"select": convert("select", [args.select])})
    if args.dir:
        entries = []
        for d in args.dir:
            root = Path(d)
            for path in sorted(root.rglob("*")):
                if path.is_file() and path.suffix in (".txt", ".md", ".rst"):
                    entries.append((root.name, str(path.relative_to(root)), path, "dev"))
        wanted = list(dict.fromkeys(e[0] for e in entries))
        splits: tuple[str, ...] = ("dev",)
    elif not manifest.is_file():
        print(f"no clean corpus at {data} (run eval/clean_build.py)", file=sys.stderr)
        return 2
    else:
        wanted = args.genres.split(",")
        splits = ("dev", "holdout") if args.split == "all" else (args.split,)
        entries = []
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            genre, name, _source, _n, split = line.split("\t")
            entries.append((genre, name, data / genre / name, split))
    stats: dict[tuple[str, str], dict] = defaultdict(lambda: {"files": 0, "words": 0, "findings": 0, "rules": Counter()})
    shown: dict[str, list[str]] = defaultdict(list)
    t0 = time.perf_counter()
    for genre, name, path, split in entries:
        if genre not in wanted or split not in splits:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        found = [f for f in lint_text(text, config, path=str(path)) if severity_at_least(f.severity, args.threshold)]
        st = stats[(genre, split)]
        st["files"] += 1
        st["words"] += len(WORD.findall(text))
        st["findings"] += len(found)
        for f in found:
            st["rules"][f.code] += 1
            src_line = text.splitlines()[f.line - 1] if f.line - 1 < len(text.splitlines()) else ""
            shown[genre].append(f"{genre}/{name}:{f.line}:{f.column}: {f.code} {f.message}\n    | {src_line.strip()[:160]}")
    elapsed = time.perf_counter() - t0
    out = []
    for genre in wanted:
        for split in splits + (("all",) if len(splits) > 1 else ()):
            keys = [(genre, s) for s in splits] if split == "all" else [(genre, split)]
            if not any(k in stats for k in keys):
                continue
            words = sum(stats[k]["words"] for k in keys if k in stats)
            n = sum(stats[k]["findings"] for k in keys if k in stats)
            rules: Counter = Counter()
            for k in keys:
                if k in stats:
                    rules.update(stats[k]["rules"])
            out.append({"genre": genre, "split": split, "files": sum(stats[k]["files"] for k in keys if k in stats),
                        "words": words, "findings": n, "per_1000": round(1000 * n / max(words, 1), 2),
                        "top_rules": rules.most_common(6)})
    if args.json:
        print(json.dumps({"results": out, "seconds": round(elapsed, 1)}, indent=1))
        return 0
    print(f"{'genre':8} {'split':7} {'files':>5} {'words':>8} {'findings':>8} {'/1000':>6}  commonest rules")
    for r in out:
        top = ", ".join(f"{c} {n}" for c, n in r["top_rules"])
        print(f"{r['genre']:8} {r['split']:7} {r['files']:5} {r['words']:8,} {r['findings']:8} {r['per_1000']:6.2f}  {top}")
    print(f"({elapsed:.1f} s; findings of severity {args.threshold} and above)")
    if args.show:
        rng = random.Random(0)
        for genre in wanted:
            items = shown.get(genre, [])
            pick = items if len(items) <= args.show else rng.sample(items, args.show)
            for s in pick:
                print(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
